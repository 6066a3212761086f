"""A paragraph citing a footnote, moved in a copy, leaves no footnote marker in the words
it proposes. Cut and pasted without Track Changes, the moved paragraph used to be proposed
as a new paragraph whose words held the marker as text ("...fisheries[^1],"), with no
warning: the merged draft and the revision printed "[^1]", the revision showed the
footnote as a paragraph of the body and its Word file fell back to drafting's own layout.
Now the marker is left out and a warning says that accepting the deletion of the paragraph
where it was deletes the footnote (a new paragraph cannot cite one yet). Moved with Track
Changes, Word gives the moved paragraph a footnote of its own, the same words: the warning
says whose words they are."""

from __future__ import annotations

import pytest
from docx_builders import Para, footnote, move_from, move_to, write_docx
from footnote_edits import edited, paragraph_reading
from un_documents import ga_draft, libreoffice_docx

from drafting.model import AmendmentKind
from drafting.readers import read_docx_submission, read_draft

K = AmendmentKind
NOTING = "Noting with concern the state of small-scale fisheries"
NOTE = "See A/79/123, para. 4."


def paragraphs(moved: int = 0, tracked: bool = False) -> list[Para]:
    """PP1, PP2 (citing FN1), PP3, PP4 and OP1 in house style; PP2 cut and pasted
    ``moved`` paragraphs down (``tracked``: with Word's move tracking)."""
    pp2 = [NOTING, footnote(NOTE), ","]
    body = [Para(["Recalling its resolution 70/1,"], "PP1"), Para(pp2, "PP2"),
            Para(["Recognizing the role of women in fisheries,"], "PP3"),
            Para(["Welcoming the report of the Secretary-General,"], "PP4"),
            Para(["Decides to remain seized of the matter;"], "OP1")]
    if moved and tracked:
        body[1] = Para([move_from(*pp2)], "PP2", mark=move_from())
        body.insert(2 + moved, Para([move_to(*pp2)], "PP2", mark=move_to()))
    elif moved:
        body.insert(1 + moved, body.pop(1))
    return body


def brief(document, read) -> list[tuple[K, str, str]]:
    labels = {p.id: p.label for p in document.current}
    return [(a.kind, labels[a.paragraph_id], a.new_text) for a in read.amendments]


def draft(tmp_path):
    return read_draft(write_docx(tmp_path / "draft.docx", paragraphs())).to_document(
        "A/C.2/81/L.7")


def test_a_footnoted_paragraph_moved_in_an_edited_copy_proposes_no_marker(tmp_path):
    """Moved two places down: PP3 and PP4 keep their places, PP2 is proposed again."""
    document = draft(tmp_path)
    copy = write_docx(tmp_path / "eu.docx", paragraphs(moved=2))
    read = read_docx_submission(copy, document, delegation="EU")
    assert brief(document, read) == [(K.DELETE_PARAGRAPH, "PP2", ""),
                                     (K.NEW_PARAGRAPH, "PP4", f"{NOTING},")]
    (warning,) = read.warnings
    assert f"the new paragraph cites FN1 ('{NOTE}'), which PP2 cites" in warning.message
    assert "the marker was left out" in warning.message
    assert "accepting the deletion of PP2 deletes FN1 with it" in warning.message


def test_a_footnoted_paragraph_moved_one_place_keeps_its_place(tmp_path):
    """PP2 below PP3 is PP3 above PP2 too: read so, PP2 and its footnote stay."""
    document = draft(tmp_path)
    copy = write_docx(tmp_path / "eu.docx", paragraphs(moved=1))
    read = read_docx_submission(copy, document, delegation="EU")
    assert brief(document, read) == [
        (K.NEW_PARAGRAPH, "PP1", "Recognizing the role of women in fisheries,"),
        (K.DELETE_PARAGRAPH, "PP3", "")]
    assert read.warnings == ()


def test_a_footnoted_paragraph_moved_with_track_changes_names_the_footnote(tmp_path):
    """Word's moved paragraph cites a footnote of its own with the same words."""
    document = draft(tmp_path)
    copy = write_docx(tmp_path / "eu.docx", paragraphs(moved=1, tracked=True))
    read = read_docx_submission(copy, document, delegation="EU")
    assert brief(document, read) == [(K.DELETE_PARAGRAPH, "PP2", ""),
                                     (K.NEW_PARAGRAPH, "PP3", f"{NOTING},")]
    (warning,) = [w for w in read.warnings if "footnote" in w.message]
    assert warning.message.startswith(f"a footnote was inserted ('{NOTE}')")
    assert "the words of FN1, which PP2 cites" in warning.message
    assert "if PP2 is deleted, FN1 is deleted with it" in warning.message


def moved_below(opening: str):
    """PP2 (citing FN1) cut and pasted below the paragraph opening with ``opening``, as in
    Word without Track Changes."""
    def edit(body, notes, note_id) -> None:
        noting = paragraph_reading(body, lambda text: text.startswith("Noting with concern"))
        paragraph_reading(body, lambda text: text.lstrip("0123456789.\t")
                          .startswith(opening)).addnext(noting)
    return edit


@pytest.mark.parametrize("below", ["Recognizing", "Decides"])
def test_a_footnoted_paragraph_moved_in_a_libreoffice_copy(tmp_path, below):
    draft = libreoffice_docx(ga_draft(), tmp_path / "L99.docx")
    document = read_draft(draft).to_document("A/C.2/81/L.99")
    copy = edited(draft, tmp_path / "eu.docx", moved_below(below))
    read = read_docx_submission(copy, document, delegation="EU")
    assert all("[^" not in a.new_text for a in read.amendments)
    if below == "Decides":  # below OP1: proposed again, without its footnote
        assert [(k, label) for k, label, _ in brief(document, read)] == [
            (K.DELETE_PARAGRAPH, "PP2"), (K.NEW_PARAGRAPH, "OP1")]
        assert any("accepting the deletion of PP2 deletes FN1" in w.message
                   for w in read.warnings)
    else:  # PP2 and its footnote keep their place; PP3 moved
        assert [(k, label) for k, label, _ in brief(document, read)] == [
            (K.NEW_PARAGRAPH, "PP1"), (K.DELETE_PARAGRAPH, "PP3")]
        assert read.warnings == ()
