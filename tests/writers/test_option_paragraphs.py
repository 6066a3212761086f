"""A draft typed with options ("2. Option 1: ..." / "Option 2: No text") is written back
with them: its text (.md), drafting's own Word layout and the compilation showed the
paragraph as "OP2 [..][..][]", so a diplomat met a bare "[]" and a delegation typing
"Option 3: ..." in its Word copy proposed a new paragraph OP2 ter."""

from __future__ import annotations

import docx
import pytest
from docx.oxml.ns import qn

from drafting.engine.merge import merge
from drafting.outputs import write_revision
from drafting.readers import read_draft
from drafting.readers.docx_submission import read_docx_submission
from drafting.writers import render_html, render_markdown, render_text
from drafting.writers.docx_compilation import write_compilation_docx
from drafting.writers.options import options

DRAFT = """\
FCCC/CP/2026/L.3

# Loss and damage fund arrangements

The Conference of the Parties,

Option 1: Recalling decision 2/CP.27,

Option 2: No text

Option 1: Noting the report,

Option 2: Welcoming the report,

1. Decides that the Fund shall be hosted by [the World Bank / an independent secretariat];

2. Option 1: Invites developed country Parties to *contribute* to the Fund;

Option 2: Urges developed country Parties to contribute to the Fund;

Option 3: No text

2 bis. Requests the Board to report annually;

3. Requests the secretariat to [submit][present] a synthesis report;
"""
OP2 = ("[Invites developed country Parties to contribute to the Fund;]"
       "[Urges developed country Parties to contribute to the Fund;][]")
NEW = "Decides that developed country Parties shall contribute to the Fund;"
_TRACKED = {qn("w:author"): "Wanjiru", qn("w:date"): "2026-12-06T00:00:00Z"}


def _document(tmp_path):
    path = tmp_path / "draft.md"
    path.write_text(DRAFT, encoding="utf-8")
    return read_draft(path).to_document("S")


def _read(document):
    return [(p.label, p.text) for p in document.current.paragraphs]


def test_only_a_paragraph_of_adjacent_brackets_alone_is_options():
    assert options("[a][b][]") == ((1, "a"), (4, "b"), (7, ""))
    assert options("[a [x / y]][b]") == ((1, "a [x / y]"), (12, "b"))
    for text in ("Requests [a][b];", "[a]", "[a] [b]", "[a][b] and", "[a][^1]", "[ a][b]",
                 "[a][No text]", "[a]][b]"):
        assert options(text) is None, text


@pytest.mark.parametrize("name", ["zero.md", "zero.txt", "zero.docx"])
def test_options_are_written_as_options_and_read_back_the_same(tmp_path, name):
    document = _document(tmp_path)
    assert document.current.by_label("OP2").text == OP2
    written = tmp_path / name
    write_revision(document, written)
    if written.suffix == ".docx":
        lines = [p.text for p in docx.Document(str(written)).paragraphs]
    else:
        lines = written.read_text(encoding="utf-8").split("\n\n")
    first = "2.\tOption 1: Invites" if name.endswith("docx") else "OP2 Option 1: Invites"
    at = next(i for i, line in enumerate(lines) if line.startswith(first))
    assert [line.split(":")[0] for line in lines[at:at + 3]] == [
        first.split(":")[0], "Option 2", "Option 3"]
    assert lines[at + 2] == "Option 3: No text"
    assert any(line.endswith("Option 1: Recalling decision 2/CP.27,") for line in lines)
    again = read_draft(written).to_document("S")  # two preambular ones of options: two
    assert _read(again) == _read(document)
    assert any("to [submit][present] a" in line for line in lines)  # within a sentence
    if name == "zero.md":
        assert "*contribute*" in lines[at]


def _with_option(path, tracked: bool):
    """``path`` (drafting's Word layout of the draft) with "Option 4: ..." typed after
    OP2's last option, with Track Changes or without."""
    word = docx.Document(str(path))
    last = next(p for p in word.paragraphs if p.text == "Option 3: No text")
    new = last._p.makeelement(qn("w:p"), {})
    last._p.addnext(new)
    paragraph = docx.text.paragraph.Paragraph(new, last._parent)
    run = paragraph.add_run(f"Option 4: {NEW}")
    if tracked:
        wrapper = run._r.makeelement(qn("w:ins"), {qn("w:id"): "1", **_TRACKED})
        run._r.addprevious(wrapper)
        wrapper.append(run._r)
        mark = last._p.get_or_add_pPr().makeelement(qn("w:rPr"), {})
        mark.append(mark.makeelement(qn("w:ins"), {qn("w:id"): "2", **_TRACKED}))
        last._p.get_or_add_pPr().append(mark)
    word.save(str(path))
    return path


@pytest.mark.parametrize("tracked", [True, False])
def test_a_new_option_in_a_word_copy_is_an_alternative_of_its_paragraph(tmp_path, tracked):
    document = _document(tmp_path)
    copy = tmp_path / "copy.docx"
    write_revision(document, copy)
    assert read_docx_submission(copy, document, delegation="AOSIS").amendments == ()
    _with_option(copy, tracked)
    read = read_docx_submission(copy, document, delegation="AOSIS",
                                authors={"Wanjiru": "AOSIS"})
    (amendment,) = read.amendments
    paragraph = document.current.by_id(amendment.paragraph_id)
    assert (paragraph.label, amendment.kind.value, amendment.new_text) == (
        "OP2", "insert", f"[{NEW}]")
    assert amendment.span.start == len(OP2)


def test_the_compilation_shows_options_and_a_proposed_one(tmp_path):
    document = _document(tmp_path)
    write_revision(document, tmp_path / "copy.docx")
    copy = _with_option(tmp_path / "copy.docx", tracked=True)
    read = read_docx_submission(copy, document, authors={"Wanjiru": "AOSIS"})
    compilation = merge(document, read.amendments)
    markdown = render_markdown(compilation).split("\n\n")
    at = markdown.index("**OP2** Option 1: Invites developed country Parties to *contribute* "
                        "to the Fund;")
    assert markdown[at + 1:at + 4] == [
        "Option 2: Urges developed country Parties to contribute to the Fund;",
        "Option 3: No text", f"Option 4: **{NEW}** (AOSIS)"]
    text = render_text(compilation)
    assert "\n\nOption 3: No text\n\n" in text and f"Option 4: +{{{NEW}}}+ (AOSIS)" in text
    assert "<p>Option 3: No text</p>" in render_html(compilation).replace(' dir="auto"', "")
    write_compilation_docx(compilation, tmp_path / "compilation.docx")
    lines = [p.text for p in docx.Document(str(tmp_path / "compilation.docx")).paragraphs]
    assert "\tOption 3: No text" in lines and f"\tOption 4: {NEW} (AOSIS)" in lines
    assert any(line.startswith("OP3\tRequests the secretariat to [submit][present]")
               for line in lines)
