"""A copy whose footnotes were flattened to text (the draft pasted "Keep Text Only", or a
tool that drops footnotes): where the draft cites FN1, the copy has the number Word showed,
"1" (plain or superscript), and no footnote. It used to propose, in the delegation's name
and without a warning, to replace the marker by "1" and to delete FN1 (accepted: Rev.1
read "...report1 on..." and had no footnote). The number is the marker flattened: no
proposal, FN1 not read as deleted, one warning naming it. A footnote missing with its
marker gone too is still read as deleted, now with a warning; a tracked deletion of the
marker is still a proposal."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from docx_builders import AUTHOR, Para, Styled, dele, footnote, house, ins, write_docx

from drafting.model import AmendmentKind
from drafting.readers import read_docx_submission, read_draft

K = AmendmentKind
PP1 = "Recalling its resolution 70/1 of 25 September 2015,"
OP2 = "Decides to remain seized of the matter;"
FLAT = "flat text"
SUPERSCRIPT = "superscript"


def draft(tmp_path: Path):
    """PP1; OP1 citing FN1 after "report" and FN2 at its end; OP2."""
    path = write_docx(tmp_path / "draft.docx", [
        Para([PP1], "PP1"),
        Para(["Requests the Secretary-General to submit a report",
              footnote("See A/79/123, para. 4."), " on small-scale fishers within 1 year,",
              footnote("See resolution 78/10."), ""], "OP1"),
        Para([OP2], "OP2")])
    return read_draft(path).to_document("A/C.2/81/L.7")


def copy(tmp_path: Path, op1: list, *, pp1: list | None = None, how: str = FLAT) -> Path:
    """The draft as text, footnotes gone: ``op1`` is OP1's parts (``how``: its numbers as
    plain text, or as Word pastes them with their formatting, superscript)."""
    if how == SUPERSCRIPT:
        op1 = [Styled(p, ("w:vertAlign",)) if p in ("1", "2") else p for p in op1]
    path = write_docx(tmp_path / "eu.docx", [
        Para(pp1 or [PP1], "PP1"), Para(op1, "OP1"), Para([OP2], "OP2")])
    if how == SUPERSCRIPT:
        _superscript(path)
    return path


def _superscript(path: Path) -> None:
    """Give each ``w:vertAlign`` of the body its value, superscript."""
    with zipfile.ZipFile(path) as package:
        parts = {name: package.read(name) for name in package.namelist()}
    parts["word/document.xml"] = parts["word/document.xml"].replace(
        b"<w:vertAlign/>", b'<w:vertAlign w:val="superscript"/>')
    assert b'w:val="superscript"' in parts["word/document.xml"]
    with zipfile.ZipFile(path, "w") as package:
        for name, data in parts.items():
            package.writestr(name, data)


def read(document, path: Path, **options):
    options.setdefault("delegation", "EU")
    found = read_docx_submission(path, document, **options)
    labels = {p.id: p.label for p in document.current}
    return ([(a.kind, labels[a.paragraph_id], a.old_text, a.new_text)
             for a in found.amendments], [str(w) for w in found.warnings])


@pytest.mark.parametrize("how", [FLAT, SUPERSCRIPT])
def test_the_numbers_standing_for_the_markers_propose_nothing(tmp_path, how):
    document = draft(tmp_path)
    assert [p.label for p in document.current] == ["PP1", "OP1", "FN1", "FN2", "OP2"]
    path = copy(tmp_path, ["Requests the Secretary-General to submit a report", "1",
                           " on small-scale fishers within 1 year,", "2"],
                pp1=["Recalling its resolution 70/1 of 25 September 2015 and 71/1,"],
                how=how)
    amendments, warnings = read(document, path)
    assert amendments == [(K.INSERT, "PP1", "2015", " and 71/1")]
    (warning,) = warnings
    assert "footnotes 1 and 2 (FN1, FN2) are plain text in the copy: not read as a " \
        "change" in warning


def test_a_number_beside_the_words_the_delegation_changed_is_still_the_marker(tmp_path):
    """"report1" retyped "reports1", "year,2" "years,2": the words are changed, the
    numbers still stand where the markers were."""
    document = draft(tmp_path)
    path = copy(tmp_path, ["Requests the Secretary-General to submit two reports1 on "
                           "small-scale fishers within 2 years,2"])
    amendments, warnings = read(document, path)
    assert [(kind, label, new) for kind, label, _, new in amendments] == [
        (K.REPLACE, "OP1", "two reports"), (K.REPLACE, "OP1", "2 years")]
    assert all("[^" not in text for _, _, old, new in amendments for text in (old, new))
    assert len(warnings) == 1 and "(FN1, FN2) are plain text" in warnings[0]


def test_one_footnote_flattened_the_other_kept(tmp_path):
    """The copy kept FN2 (its footnote, its marker) and lost FN1 to a typed "1"."""
    document = draft(tmp_path)
    path = copy(tmp_path, ["Requests the Secretary-General to submit a report1 on "
                           "small-scale fishers within 1 year,",
                           footnote("See resolution 78/10 and 79/1.")])
    amendments, warnings = read(document, path)
    assert amendments == [(K.INSERT, "FN2", "78/10", " and 79/1")]
    (warning,) = warnings
    assert warning.endswith("footnote 1 (FN1) is plain text in the copy: not read as a "
                            "change; the copy holds not the footnote but its number, typed "
                            "where the draft cites it (text pasted without its formatting), "
                            "so FN1 and its marker stay as the draft has them; to propose a "
                            "change to a footnote, edit it in the Word file as circulated")


def test_a_tracked_copy_of_the_flattened_text_proposes_its_tracked_changes_only(tmp_path):
    document = draft(tmp_path)
    path = copy(tmp_path, ["Requests the Secretary-General to submit a report1 on ",
                           ins("all "), "small-scale fishers within 1 year,2"])
    amendments, warnings = read(document, path, delegation=None, authors={AUTHOR: "EU"})
    assert amendments == [(K.INSERT, "OP1", "on", " all")]
    assert len(warnings) == 1 and "(FN1, FN2) are plain text" in warnings[0]


def test_markers_and_footnotes_both_gone_are_deleted_with_a_warning(tmp_path):
    """No number where the markers stood ("1" elsewhere in OP1 is no marker): the
    footnotes are read as deleted, as before, but never silently."""
    document = draft(tmp_path)
    path = copy(tmp_path, ["Requests the Secretary-General to submit a report on "
                           "small-scale fishers within 1 year,"])
    amendments, warnings = read(document, path)
    assert amendments == [(K.DELETE, "OP1", "[^1]", ""),
                          (K.DELETE, "OP1", "[^2]", ""),
                          (K.DELETE_PARAGRAPH, "FN1", "See A/79/123, para. 4.", ""),
                          (K.DELETE_PARAGRAPH, "FN2", "See resolution 78/10.", "")]
    assert [w.split(": ", 1)[1] for w in warnings] == [
        f"footnote {n} (FN{n}) is missing from the copy and its marker from OP1: read as "
        "deleted; if the copy lost its footnotes (text pasted without its formatting), "
        "send the Word file as circulated, or track the deletion (Track Changes)"
        for n in (1, 2)]


def test_a_tracked_deletion_of_a_marker_is_still_proposed(tmp_path):
    document = draft(tmp_path)
    path = copy(tmp_path, ["Requests the Secretary-General to submit a report",
                           dele(footnote("See A/79/123, para. 4.")),
                           " on small-scale fishers within 1 year,",
                           footnote("See resolution 78/10.")])
    amendments, warnings = read(document, path, delegation=None, authors={AUTHOR: "EU"})
    assert amendments == [(K.DELETE, "OP1", "[^1]", "")]
    assert not any("plain text" in w or "missing" in w for w in warnings)


def test_a_footnote_paragraph_deleted_from_a_copy_in_drafting_layout_is_a_deletion(tmp_path):
    """The copy types the marker "[^1]" and writes FN1 as a paragraph: its "1" is the
    marker's own, never read as the marker flattened (nor written "[^[^1]]")."""
    document = draft(tmp_path)
    path = write_docx(tmp_path / "eu.docx",
                      [p for p in house(document.current) if p.label != "FN1"])
    amendments, warnings = read(document, path)
    assert amendments == [(K.DELETE_PARAGRAPH, "FN1", "See A/79/123, para. 4.", "")]
    assert not any("plain text" in w or "missing" in w for w in warnings)
