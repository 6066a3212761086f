"""Word in, Word out, on the samples: delegations' .docx files read back as their proposals.

samples/make_docx_samples.py writes the EU's and the USA's proposals as Word
tracked changes (the EU's typed by two people) and Japan's as a clean edited
copy. Read back, each must propose exactly what its JSON submission proposes:
the same text for every paragraph once applied, the same new paragraphs, the
same proponents and reasons.
"""

import importlib.util
from dataclasses import replace
from pathlib import Path

import pytest

from drafting.engine.amend import apply
from drafting.model import SPAN_KINDS, AmendmentKind
from drafting.readers import read_docx_submission, read_draft

SAMPLES = Path(__file__).parents[1] / "samples"
spec = importlib.util.spec_from_file_location("make_docx_samples",
                                              SAMPLES / "make_docx_samples.py")
samples = importlib.util.module_from_spec(spec)
spec.loader.exec_module(samples)


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    out = tmp_path_factory.mktemp("docx")
    samples.main([str(out)])
    return out


def outcome(document, amendments):
    """Paragraph id -> text with every span amendment applied; new paragraphs; deletions."""
    texts = {p.id: p.text for p in document.current}
    spans = sorted((a for a in amendments if a.kind in SPAN_KINDS),
                   key=lambda a: a.span.start, reverse=True)
    for amendment in spans:
        texts[amendment.paragraph_id] = apply(texts[amendment.paragraph_id], amendment)
    new = sorted((a.paragraph_id, a.new_text) for a in amendments
                 if a.kind is AmendmentKind.NEW_PARAGRAPH)
    gone = sorted(a.paragraph_id for a in amendments
                  if a.kind is AmendmentKind.DELETE_PARAGRAPH)
    return texts, new, gone


@pytest.mark.parametrize(("name", "code", "options"), [
    ("eu-tracked.docx", "EU", {"authors": {a: "EU" for a in samples.EU_TYPISTS}}),
    ("usa-tracked.docx", "USA", {"delegation": "USA"}),
    ("jpn-edited.docx", "JPN", {"delegation": "JPN"}),
])
def test_a_delegations_word_file_proposes_what_its_json_does(folder, name, code, options):
    document = samples.zero_draft()
    sent = [a for a in samples.amendments_of(document, code)
            if a.kind in SPAN_KINDS | {AmendmentKind.NEW_PARAGRAPH,
                                       AmendmentKind.DELETE_PARAGRAPH}]
    read = read_docx_submission(folder / name, document, **options)
    assert outcome(document, read.amendments) == outcome(document, sent)
    assert {a.proponents for a in read.amendments} == {(code,)}
    assert read.tracked == name.endswith("-tracked.docx")
    if read.tracked:
        assert {a.reason for a in read.amendments if a.reason} == {
            a.reason for a in sent if a.reason}


def test_the_eu_file_keeps_who_typed_each_change(folder):
    read = read_docx_submission(folder / "eu-tracked.docx", samples.zero_draft(),
                                authors={a: "EU" for a in samples.EU_TYPISTS})
    assert {a.submitted_by for a in read.amendments} == set(samples.EU_TYPISTS)
    assert not any("Word authors" in w.message for w in read.warnings)  # mapped: no doubt


def test_several_typists_read_as_one_delegation_are_named(folder):
    """Without a map, every typist's changes are the one delegation's: unless each typist
    names it ("Anna Schmidt (EU)"), a warning names them, in case a copy passed on still
    holds another delegation's changes."""
    read = read_docx_submission(folder / "eu-tracked.docx", samples.zero_draft(),
                                delegation="EU")
    assert {a.proponents for a in read.amendments} == {("EU",)}
    assert not any("Word authors" in w.message for w in read.warnings)
    read = read_docx_submission(folder / "eu-tracked.docx", samples.zero_draft(),
                                delegation="USA")  # the EU's file, sent on by the USA
    (warning,) = [w.message for w in read.warnings if "Word authors" in w.message]
    assert all(typist in warning for typist in samples.EU_TYPISTS)
    assert "all read as USA's" in warning and "--author 'Name=CODE'" in warning


def test_an_unmapped_typist_is_refused(folder):
    from drafting.errors import ReaderError

    with pytest.raises(ReaderError, match="Anna Schmidt"):
        read_docx_submission(folder / "eu-tracked.docx", samples.zero_draft(),
                             authors={"Marc Dubois (EU)": "EU"})


def test_the_zero_draft_docx_reads_back_as_the_markdown(folder):
    from drafting.readers import read_docx_draft

    markdown = read_draft(SAMPLES / "zero-draft.md")
    word = read_docx_draft(folder / "zero-draft.docx")
    assert word.title == markdown.title
    assert [replace(p, marks=()) for p in word.paragraphs] == list(markdown.paragraphs)
    assert word.warnings == ()
    # the Word file's own formatting: the opening words in italics (UN layout)
    recalling = word.paragraphs[0]
    assert [(recalling.text[m.start:m.end], str(m.style)) for m in recalling.marks] == [
        ("Recalling", "italic")]


def test_the_command_line_counts_brackets_in_a_word_draft(folder):
    import json
    import subprocess
    import sys

    result = subprocess.run([sys.executable, "-m", "drafting_cli", "brackets",
                             str(folder / "zero-draft.docx"), "--json"],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    expected = (SAMPLES / "zero-draft.md").read_text(encoding="utf-8").count("[")
    assert json.loads(result.stdout)["total"] == expected
