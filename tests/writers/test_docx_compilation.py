"""The compilation text as a plain Word document: formatting carries the proposals.

Compilations come from real merges; the .docx is written to a temporary folder
and read back with python-docx.
"""

import importlib.util
import re
import zipfile
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import docx
import pytest

from drafting.engine.amend import Proposal, draft_amendment
from drafting.engine.merge import merge
from drafting.model import Document, Paragraph, ParagraphKind, Revision
from drafting.writers.compilation_text import render_text
from drafting.writers.docx_compilation import LEGEND, write_compilation_docx

ROOT = Path(__file__).resolve().parents[2]
T0 = datetime(2026, 11, 2, 10, 0, tzinfo=UTC)
PP, OP, H = ParagraphKind.PREAMBULAR, ParagraphKind.OPERATIVE, ParagraphKind.HEADING
ZERO = Revision("Zero draft", (
    Paragraph("h1", "H1", H, "The General Assembly,", level=2),
    Paragraph("p1", "PP1", PP, "Recalling also its resolution 70/1 of 25 September 2015,"),
    Paragraph("o1", "OP1", OP, "Decides to convene a high-level meeting in 2027;"),
    Paragraph("o2", "OP2", OP,
              "Requests the Secretary-General to submit a report within existing resources;"),
    Paragraph("o3", "OP3", OP, "Invites States to contribute."),
))
DRAFT = Document("A/C.2/81/L.7", "Sustainable fisheries", (ZERO,))
PROPOSALS = [
    ("OP2", ["EU"], {"replace": "submit", "with_": "present"}),
    ("OP2", ["G77"], {"replace": "submit", "with_": "transmit"}),
    ("OP1", ["USA"], {"delete": " in 2027"}),
    ("OP1", ["G77"], {"bracket": "high-level"}),
    ("OP2", ["JPN"], {"insert": "comprehensive ", "before": "report",
                      "supporters": ("CAN",)}),
    ("OP2", ["EU", "USA"], {"new_paragraph": "Invites the Secretary-General to brief States;"}),
    ("OP3", ["USA"], {"delete_paragraph": True}),
    ("OP3", ["G77"], {"alternative": "Calls upon States to contribute;"}),
    ("PP1", ["AOSIS"], {"insert": " and 77/1", "after": "70/1"}),
]


@pytest.fixture(scope="module")
def written(tmp_path_factory):
    amendments = [
        draft_amendment(ZERO, Proposal(label, **fields), id=f"A{n}", proponents=codes,
                        submitted_at=T0 + timedelta(minutes=n))
        for n, (label, codes, fields) in enumerate(PROPOSALS)
    ]
    stale = replace(draft_amendment(ZERO, Proposal("OP3", delete="States"), id="S1",
                                    proponents=["EU"]), revision="Draft 0")
    compilation = merge(DRAFT, [*amendments, stale])
    path = tmp_path_factory.mktemp("compilation") / "compilation.docx"
    write_compilation_docx(compilation, path)
    return docx.Document(str(path)), compilation


def paragraph(document, start):
    return next(p for p in document.paragraphs if p.text.startswith(start))


def run(paragraph, text):
    return next(r for r in paragraph.runs if r.text == text)


def test_title_subtitle_and_legend_open_the_document(written):
    document, _ = written
    first = document.paragraphs[:3]
    assert [p.style.name for p in first[:2]] == ["Title", "Subtitle"]
    assert first[0].text == "Sustainable fisheries"
    assert first[1].text == "A/C.2/81/L.7 — compilation of proposals on the Zero draft"
    assert first[2].text == LEGEND
    assert "bold underline" in LEGEND and "struck through" in LEGEND


def test_labels_are_bold_and_followed_by_a_tab(written):
    document, _ = written
    for label in ("PP1", "OP1", "OP2", "OP2 bis", "OP3", "OP3 Alt"):
        found = paragraph(document, label + "\t")
        assert found.runs[0].text == label and found.runs[0].bold
        assert found.runs[1].text == "\t"
    assert paragraph(document, "The General Assembly,").style.name == "Heading 2"


def test_insertions_are_bold_underlined_deletions_struck_proponents_bold(written):
    document, _ = written
    op1 = paragraph(document, "OP1\t")
    deleted = run(op1, "in 2027")
    assert deleted.font.strike and not deleted.bold
    assert run(op1, "(USA)").bold and not run(op1, "(USA)").underline
    assert run(op1, "[").bold and run(op1, "]").bold and run(op1, "(G77)").bold
    assert not run(op1, "high-level").bold  # the words as they stand
    pp1 = paragraph(document, "PP1\t")
    inserted = run(pp1, "and 77/1")
    assert inserted.bold and inserted.underline
    assert run(pp1, "Recalling also").italic  # the preambular opening words
    assert pp1.text == ("PP1\tRecalling also its resolution 70/1 and 77/1 (AOSIS) of "
                        "25 September 2015,")


def test_a_bracket_of_alternatives_has_its_options_bold_underlined(written):
    document, _ = written
    op2 = paragraph(document, "OP2\t")
    assert op2.text == ("OP2\tRequests the Secretary-General to [submit / present (EU) / "
                        "transmit (G77)] a comprehensive (JPN; supported by CAN) report "
                        "within existing resources;")
    for option in ("present", "transmit", "comprehensive"):
        assert run(op2, option).bold and run(op2, option).underline
    mark = run(op2, " / ")
    assert not mark.bold and not mark.underline
    assert not run(op2, "submit").bold  # the original words stay plain


def test_new_paragraphs_alternatives_and_paragraph_notes(written):
    document, _ = written
    new = paragraph(document, "OP2 bis\t")
    assert new.text == "OP2 bis\t(EU, USA) Invites the Secretary-General to brief States;"
    assert run(new, "(EU, USA)").bold
    words = run(new, "Invites the Secretary-General to brief States;")
    assert words.bold and words.underline
    assert paragraph(document, "OP3 Alt\t").text == \
        "OP3 Alt\t(G77) Calls upon States to contribute;"
    op3 = paragraph(document, "OP3\t")
    assert op3.text.endswith(" — delete paragraph (USA)")
    assert run(op3, " — delete paragraph").italic and run(op3, "(USA)").bold


def test_stale_proposals_close_the_document(written):
    document, compilation = written
    assert compilation.stale
    heading = paragraph(document, "Stale proposals")
    assert heading.style.name == "Heading 1"
    last = document.paragraphs[-1]
    assert last.text.startswith("S1 (EU) on OP3: ") and last.style.name == "List Bullet"
    assert run(last, "(EU)").bold


def test_no_stale_section_without_stale_proposals(tmp_path):
    compilation = merge(DRAFT, [])
    write_compilation_docx(compilation, tmp_path / "plain.docx")
    texts = [p.text for p in docx.Document(str(tmp_path / "plain.docx")).paragraphs]
    assert "Stale proposals" not in texts
    assert texts[-1] == "OP3\tInvites States to contribute."
    assert [p.name for p in tmp_path.iterdir()] == ["plain.docx"]  # no temporary file left
    with zipfile.ZipFile(tmp_path / "plain.docx") as package:
        assert "w:ins" not in package.read("word/document.xml").decode()


# --- the sample: the same content as the plain-text compilation ----------------------------


def _formatted(document, **flags):
    return {r.text for p in document.paragraphs for r in p.runs
            if all(bool(getattr(r.font, name)) == value for name, value in flags.items())}


def test_the_sample_says_what_the_plain_text_compilation_says(tmp_path):
    spec = importlib.util.spec_from_file_location("compile_samples",
                                                  ROOT / "samples" / "compile_samples.py")
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)
    compilation = script.sample_compilation()
    write_compilation_docx(compilation, tmp_path / "sample.docx")
    document = docx.Document(str(tmp_path / "sample.docx"))
    texts = [p.text for p in document.paragraphs]  # from the chapeau on, in both
    shown = [p.text.replace("\t", " ") for p in document.paragraphs[
        texts.index(compilation.chapeau):] if not p.style.name.startswith("Head")]
    all_blocks = render_text(compilation).rstrip("\n").split("\n\n")
    blocks = [b for b in all_blocks[all_blocks.index(compilation.chapeau):]
              if not b.endswith("---")]  # headings are underlined in plain text
    text = "\n\n".join(blocks)
    assert shown == re.sub(r"\+\{|\}\+|-\{|\}-", "", text).split("\n\n")
    assert len(shown) > 40
    inserted = set(re.findall(r"\+\{(.*?)\}\+", text, re.DOTALL)) - {"[", "]"}
    assert inserted <= _formatted(document, bold=True, underline=True)
    assert set(re.findall(r"-\{(.*?)\}-", text, re.DOTALL)) <= _formatted(document, strike=True)


FRONT = ("United Nations", "A/C.2/81/L.7", "Distr.: Limited", "",
         "Fiji and Samoa:\tdraft resolution")


def test_front_matter_opens_the_document_and_the_chapeau_leads_into_the_paragraphs(tmp_path):
    fronted = replace(ZERO, front_matter=FRONT, chapeau="The Conference of the Parties,")
    amendments = [draft_amendment(ZERO, Proposal("OP2", replace="submit", with_="present"),
                                  id="A1", proponents=["EU"])]
    compilation = merge(replace(DRAFT, revisions=(fronted,)), amendments)
    assert (compilation.front_matter, compilation.chapeau) == (
        FRONT, "The Conference of the Parties,")
    path = tmp_path / "compilation.docx"
    write_compilation_docx(compilation, path)
    document = docx.Document(str(path))
    shown = [(p.style.name, p.text) for p in document.paragraphs[:len(FRONT) + 5]]
    assert shown == [
        *(("Normal", line) for line in FRONT),
        ("Title", "Sustainable fisheries"),
        ("Subtitle", "A/C.2/81/L.7 — compilation of proposals on the Zero draft"),
        ("Normal", LEGEND),
        ("Normal", "The Conference of the Parties,"),
        ("Heading 2", "The General Assembly,"),
    ]
    plain = [*document.paragraphs[:len(FRONT)], document.paragraphs[len(FRONT) + 3]]
    assert not any(r.bold or r.italic or r.underline or r.font.strike
                   for p in plain for r in p.runs)


def test_every_word_writer_shows_the_drafts_own_formatting(tmp_path):
    """A draft read from Word keeps its formatting as marks: a title cited in italics
    mid-sentence, a bold word, a raised "th"; the compilation, the merged draft (our
    template), the UN layout and the labelled revision show exactly those, and no
    convention of their own."""
    from drafting.model import Document, Mark, Paragraph, ParagraphKind, Revision, Style
    from drafting.writers.docx_clean import write_docx_revision
    from drafting.writers.docx_merged import write_merged_docx
    from drafting.writers.docx_un import un_document

    text = 'Recalling its resolution entitled "Transforming our world", adopted on the 25th,'
    marks = (Mark(35, 57, Style.ITALIC), Mark(60, 67, Style.BOLD),
             Mark(77, 79, Style.SUPERSCRIPT))
    assert text[35:57] == "Transforming our world" and text[77:79] == "th"
    revision = Revision("Zero draft", (
        Paragraph("p1", "PP1", ParagraphKind.PREAMBULAR, text, marks=marks),
        Paragraph("p2", "OP1", ParagraphKind.OPERATIVE, "Decides to act;")))
    document = Document("A/1", "Oceans", (revision,))
    compiled, merged, un = tmp_path / "c.docx", tmp_path / "m.docx", tmp_path / "u.docx"
    write_compilation_docx(merge(document, []), compiled)
    write_merged_docx(merge(document, []), merged)
    un.write_bytes(un_document(document))
    write_docx_revision(document, tmp_path / "r.docx")
    for path in (compiled, merged, un, tmp_path / "r.docx"):
        word = docx.Document(str(path))
        shown = {(r.text, bool(r.italic), bool(r.bold), bool(r.font.superscript))
                 for p in word.paragraphs if "Transforming" in p.text for r in p.runs}
        assert {("Transforming our world", True, False, False), ("adopted", False, True, False),
                ("th", False, False, True)} <= shown, path.name
        assert not any(r.italic for p in word.paragraphs for r in p.runs
                       if r.text.startswith(("Recalling", "Decides"))), path.name


def test_no_word_output_is_signed_python_docx(tmp_path):
    """Our writers' document properties name the text, never python-docx and its 2013."""
    from datetime import UTC, datetime

    from drafting.model import Document, Paragraph, ParagraphKind, Revision
    from drafting.writers.docx_clean import write_docx_revision
    from drafting.writers.docx_merged import write_merged_docx
    from drafting.writers.docx_un import un_document

    when = datetime(2026, 11, 2, 10, 0, tzinfo=UTC)
    revision = Revision("Zero draft", (
        Paragraph("p1", "OP1", ParagraphKind.OPERATIVE, "Decides to act;"),), created_at=when)
    document = Document("A/1", "Oceans", (revision,))
    paths = [tmp_path / name for name in ("c.docx", "m.docx", "r.docx", "u.docx")]
    write_compilation_docx(merge(document, []), paths[0])
    write_merged_docx(merge(document, []), paths[1])
    write_docx_revision(document, paths[2])
    paths[3].write_bytes(un_document(document, author="Secretariat"))
    for path in paths:
        properties = docx.Document(str(path)).core_properties
        assert properties.author in ("", "Secretariat"), path.name
        assert properties.last_modified_by != "python-docx", path.name
        assert properties.created.year == 2026 and properties.title == "Oceans", path.name
    assert docx.Document(str(paths[3])).core_properties.author == "Secretariat"
    assert docx.Document(str(paths[2])).core_properties.created == when


def test_a_base_whose_heading_style_is_named_as_libreoffice_names_it(tmp_path):
    """LibreOffice writes the name Word shows, "Heading 1", where Word keeps "heading 1":
    python-docx found no style "Heading 1" in such a draft, though it is there, and the
    compilation of a draft with headings stopped on an internal error (KeyError)."""
    base = docx.Document()
    base.add_paragraph("Opening", style="Heading 1")
    saved = tmp_path / "base.docx"
    base.save(str(saved))
    with zipfile.ZipFile(saved) as package:
        parts = {name: package.read(name) for name in package.namelist()}
    styles = parts["word/styles.xml"].decode()
    assert '<w:name w:val="heading 1"/>' in styles
    parts["word/styles.xml"] = styles.replace('<w:name w:val="heading 1"/>',
                                              '<w:name w:val="Heading 1"/>').encode()
    with zipfile.ZipFile(saved, "w") as package:
        for name, data in parts.items():
            package.writestr(name, data)
    heading = Paragraph("h1", "H1", ParagraphKind.HEADING, "I. Oceans")
    draft = Document("X/1", "Oceans", (Revision("Zero draft", (heading, *DRAFT.current)),))
    write_compilation_docx(merge(draft, []), tmp_path / "c.docx", base=saved.read_bytes())
    written = docx.Document(str(tmp_path / "c.docx"))
    [opening] = [p for p in written.paragraphs if p.text.endswith("I. Oceans")]
    assert opening.style.style_id == "Heading1"
