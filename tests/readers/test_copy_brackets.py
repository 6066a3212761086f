"""Bracketing words in Word, the commonest move of a negotiation: a "[" typed before them
and a "]" after is one bracket proposal, tracked or not. It was two insertions of half
a bracket, each unbalancing the paragraph, each with a warning."""

from __future__ import annotations

import docx
from docx_builders import TITLE, dele, house, ins, write_docx

from drafting.model import AmendmentKind, Document, Paragraph, ParagraphKind, Revision
from drafting.readers.docx_submission import read_docx_submission
from drafting.wording import describe

OP1 = "Commits to mobilize resources from all sources;"
REVISION = Revision("Zero draft", (
    Paragraph("op1", "OP1", ParagraphKind.OPERATIVE, OP1),
    Paragraph("op2", "OP2", ParagraphKind.OPERATIVE, "Decides to act;"),
))
DOCUMENT = Document("A/C.2/81/L.9", TITLE, (REVISION,))


def _read(tmp_path, parts):
    path = write_docx(tmp_path / "copy.docx", house(REVISION, {"OP1": parts}))
    return read_docx_submission(path, DOCUMENT, delegation="USA")


def _shown(read):
    return [(a.kind, a.old_text, a.new_text) for a in read.amendments]


def test_a_tracked_bracket_around_words_is_one_bracket_proposal(tmp_path):
    read = _read(tmp_path, ["Commits to mobilize resources ", ins("["), "from all sources",
                            ins("]"), ";"])
    assert _shown(read) == [(AmendmentKind.BRACKET, "from all sources", "[from all sources]")]
    assert read.warnings == ()
    (amendment,) = read.amendments
    assert OP1[amendment.span.start:amendment.span.end] == "from all sources"


def test_brackets_typed_in_an_edited_copy_are_one_bracket_proposal(tmp_path):
    read = _read(tmp_path, ["Commits to mobilize [resources from all sources];"])
    assert _shown(read) == [
        (AmendmentKind.BRACKET, "resources from all sources", "[resources from all sources]")]


def test_a_bracket_with_an_alternative_is_one_proposal(tmp_path):
    for closing in (" / from public sources]", "][from public sources]"):
        read = _read(tmp_path, ["Commits to mobilize resources ", ins("["), "from all sources",
                                ins(closing), ";"])
        assert _shown(read) == [(AmendmentKind.REPLACE, "from all sources",
                                 f"[from all sources{closing}")]
        assert read.warnings == ()


def test_half_a_bracket_or_a_bracket_around_a_change_stays_as_typed(tmp_path):
    lone = _read(tmp_path, ["Commits to mobilize resources ", ins("["), "from all sources;"])
    assert [(a.kind, a.new_text) for a in lone.amendments] == [(AmendmentKind.INSERT, "[")]
    assert len(lone.warnings) == 1  # it leaves the paragraph unbalanced
    around = _read(tmp_path, ["Commits to mobilize ", ins("["), "resources from ",
                              ins("public and private"), " sources", ins("]"), ";"])
    kinds = [(a.kind, a.new_text) for a in around.amendments]  # the words in it changed
    assert kinds[0] == (AmendmentKind.INSERT, "[") and kinds[-1] == (AmendmentKind.INSERT, "]")
    assert AmendmentKind.BRACKET not in {kind for kind, _ in kinds}
    by_two = _read(tmp_path, ["Commits to mobilize resources ", ins("[", author="Anna (EU)"),
                              "from all sources", ins("]", author="John (USA)"), ";"])
    assert [a.kind for a in by_two.amendments] == [AmendmentKind.INSERT] * 2


def test_words_struck_through_by_hand_are_deleted_and_words_typed_after_replace_them(
        tmp_path):
    """Many delegations mark a clean copy by hand: deletions struck through, additions in
    bold. The struck words were read as still there, so "all" stayed beside its
    replacement; now they are deleted, and one replacement is proposed, with a warning."""
    path = write_docx(tmp_path / "copy.docx", house(REVISION))
    word = docx.Document(str(path))
    (paragraph,) = [p for p in word.paragraphs if "all sources" in p.text]
    for run in paragraph.runs:
        run.text = run.text.replace("from all sources;", "from ")
    paragraph.add_run("all").font.strike = True
    paragraph.add_run(" public and private").bold = True
    paragraph.add_run(" sources;")
    word.save(str(path))
    read = read_docx_submission(path, DOCUMENT, delegation="USA")
    assert _shown(read) == [(AmendmentKind.REPLACE, "all", "public and private")]
    (warning,) = read.warnings
    assert "marks its changes by hand" in str(warning)


def test_in_a_tracked_copy_struck_words_are_formatting_and_a_deletion_and_insertion_one(
        tmp_path):
    path = write_docx(tmp_path / "copy.docx", house(REVISION, {"OP1": [
        "Commits to mobilize resources from ", dele("all"), " ", ins("public and private "),
        "sources;"]}))
    word = docx.Document(str(path))
    word.paragraphs[-1].runs[-1].font.strike = True  # "Decides to act;", struck: formatting
    word.save(str(path))
    read = read_docx_submission(path, DOCUMENT, delegation="USA")
    assert _shown(read) == [(AmendmentKind.REPLACE, "all", "public and private")]


def test_brackets_taken_away_around_words_are_one_proposal_to_lift_them(tmp_path):
    """A "[" and its "]" struck out around words are what a delegation means by agreeing
    them: one proposal, "lift the brackets", not two deletions of half a bracket."""
    bracketed = Revision("Zero draft", (
        Paragraph("op1", "OP1", ParagraphKind.OPERATIVE, "Commits to [mobilize] resources;"),))
    document = Document("A/C.2/81/L.9", TITLE, (bracketed,))

    def read(parts):
        path = write_docx(tmp_path / "copy.docx", house(bracketed, {"OP1": parts}))
        return read_docx_submission(path, document, delegation="USA")

    agreed = read(["Commits to ", dele("["), "mobilize", dele("]"), " resources;"])
    assert _shown(agreed) == [(AmendmentKind.REPLACE, "[mobilize]", "mobilize")]
    assert agreed.warnings == ()
    (lift,) = agreed.amendments
    assert bracketed.paragraphs[0].text[lift.span.start:lift.span.end] == "[mobilize]"
    assert describe(lift) == "lift the brackets around 'mobilize'"
    edited = read(["Commits to mobilize resources;"])  # a clean copy: the same proposal
    assert _shown(edited) == [(AmendmentKind.REPLACE, "[mobilize]", "mobilize")]
    changed = read(["Commits to ", dele("["), "mobilize", ins(" all"), dele("]"), " resources;"])
    assert _shown(changed)[0] == (AmendmentKind.DELETE, "[", "")  # as typed, no lift
    assert len(changed.amendments) == 2
    half = read(["Commits to ", dele("["), "mobilize] resources;"])
    assert _shown(half) == [(AmendmentKind.DELETE, "[", "")]
    assert [w.message for w in half.warnings] == [
        "the delete of '[' leaves the paragraph's square brackets unbalanced"]
