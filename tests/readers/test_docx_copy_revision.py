"""A copy of an older revision read against the current one would propose, in the
delegation's name, to undo every change the revision made. It is read against the
revision it was made from and its changes carried onto the current text, with a warning
(a change whose words the revision changed since refuses the file, saying which); where a
single paragraph reads as the older revision had it (a delegation may mean to restore
it), a warning says so."""

from __future__ import annotations

import pytest
from docx_builders import SYMBOL, TITLE, ZERO, dele, house, ins, write_docx

from drafting.errors import ReaderError
from drafting.model import AmendmentKind, Document, Paragraph, ParagraphKind, Revision
from drafting.readers.docx_submission import read_docx_submission

OP1, OP2 = ZERO.by_label("OP1").text, ZERO.by_label("OP2").text
NEW_OP1 = OP1.replace("submit", "present")
NEW_OP2 = OP2.replace("existing resources", "available resources")


def _document(*changed: str) -> Document:
    """The zero draft and a Rev.1 that changed ``changed`` (OP1, OP2)."""
    texts = {"OP1": NEW_OP1, "OP2": NEW_OP2}
    rev1 = Revision("Rev.1", tuple(
        p.__class__(p.id, p.label, p.kind, texts[p.label] if p.label in changed else p.text,
                    level=p.level) for p in ZERO))
    return Document(SYMBOL, TITLE, (ZERO, rev1))


def _read(tmp_path, document, revision, edits=None):
    path = write_docx(tmp_path / "copy.docx", house(revision, edits), subtitle="")
    return read_docx_submission(path, document, delegation="EU")


def test_an_edited_copy_of_the_zero_draft_is_read_against_it_and_carried_to_rev1(tmp_path):
    """It was refused: the delegation had to be asked for its changes again."""
    document = _document("OP1", "OP2")
    read = _read(tmp_path, document, ZERO, {"PP1": ["Recalling also its resolution 70/1 of "
                                                    "25 September 2015,"]})
    (amendment,) = read.amendments  # Rev.1's changes to OP1 and OP2 are not undone
    assert (amendment.revision, amendment.paragraph_id, amendment.old_text,
            amendment.new_text) == ("Rev.1", "pp1", "Recalling", " also")
    assert "the file is a copy of Zero draft, not of Rev.1" in str(read.warnings[0])


def test_a_tracked_copy_of_the_zero_draft_is_carried_to_rev1(tmp_path):
    document = _document("OP1", "OP2")
    edits = {"OP1": ["Requests the Secretary-General to submit a ", ins("detailed "),
                     "report on small-scale fishers;"]}
    read = _read(tmp_path, document, ZERO, edits)
    (amendment,) = read.amendments
    rev1 = document.current.by_id("op1").text
    assert amendment.revision == "Rev.1" and amendment.new_text.strip() == "detailed"
    assert amendment.span is not None and rev1[:amendment.span.start].endswith("present a")


def test_a_copy_of_the_zero_draft_changing_words_rev1_changed_is_refused(tmp_path):
    document = _document("OP1", "OP2")
    edits = {"OP1": ["Requests the Secretary-General to ", dele("submit"), ins("send"),
                     " a report on small-scale fishers;"]}
    with pytest.raises(ReaderError, match=r"copy of Zero draft, not of Rev\.1, and 1 of its "
                       r"changes cannot be carried onto Rev\.1's text: OP1 \(replace\)"):
        _read(tmp_path, document, ZERO, edits)


def test_a_copy_without_the_paragraphs_rev1_added_is_a_copy_of_the_zero_draft(tmp_path):
    """Rev.1 only added paragraphs: the copy of the zero draft lacks them, and read
    against Rev.1 it proposed deleting them, in the delegation's name."""
    new = [Paragraph(f"new{n}", f"OP{n}", ParagraphKind.OPERATIVE, text) for n, text in
           ((5, "Invites donors to contribute;"), (6, "Decides to remain seized;"))]
    rev1 = Revision("Rev.1", (*ZERO.paragraphs, *new))
    document = Document(SYMBOL, TITLE, (ZERO, rev1))
    read = _read(tmp_path, document, ZERO, {"OP2": [OP2.replace("existing", "available")]})
    assert [(a.kind, a.paragraph_id, a.revision) for a in read.amendments] == [
        (AmendmentKind.REPLACE, "op2", "Rev.1")]


def test_a_copy_of_rev1_restoring_one_paragraph_is_its_proposal(tmp_path):
    document = _document("OP1", "OP2")
    read = _read(tmp_path, document, document.current, {"OP2": [OP2]})
    (amendment,) = read.amendments
    assert (amendment.kind, amendment.old_text, amendment.new_text) == (
        AmendmentKind.REPLACE, "available", "existing")
    assert read.warnings == ()


def test_one_paragraph_as_the_older_revision_had_it_is_read_with_a_warning(tmp_path):
    document = _document("OP2")  # Rev.1 changed OP2 only: a copy of either reads alike
    read = _read(tmp_path, document, ZERO)
    assert [a.new_text for a in read.amendments] == ["existing"]
    (warning,) = read.warnings
    assert "(OP2): the paragraph reads as Zero draft had it" in str(warning)


def test_a_copy_of_the_current_revision_reads_as_ever(tmp_path):
    document = _document("OP1", "OP2")
    read = _read(tmp_path, document, document.current, {"OP1": [NEW_OP1 + " Also"]})
    assert [a.new_text for a in read.amendments] == [" Also"] and read.warnings == ()


def test_a_copy_read_against_a_revision_it_is_plainly_not_a_copy_of_is_refused(tmp_path):
    document = _document("OP1", "OP2")
    path = write_docx(tmp_path / "copy.docx", house(ZERO), subtitle="")
    with pytest.raises(ReaderError, match=r"copy of Zero draft, not of Rev\.1: it holds 2 "
                       r"paragraphs as Zero draft has them.*read it against Zero draft"):
        read_docx_submission(path, document, delegation="EU", revision="Rev.1")


def test_a_copy_of_the_zero_draft_holding_its_own_accepted_change_is_still_its_copy(tmp_path):
    """The EU's copy of the zero draft holds OP1 as Rev.1 has it (the EU's own change,
    accepted): that one paragraph made it read as a copy of Rev.1, and every other
    change Rev.1 made was proposed undone, in the EU's name."""
    texts = {"PP1": "Recalling its resolution 70/1 of 25 September 2015, as revised,",
             "PP2": "Noting with grave concern the state of small-scale fisheries,",
             "OP1": NEW_OP1, "OP2": NEW_OP2,
             "OP3": "Calls upon States:\n(a) To protect fishers;\n(b) To support fishers;"}
    rev1 = Revision("Rev.1", tuple(p.__class__(p.id, p.label, p.kind, texts.get(p.label, p.text),
                                               level=p.level) for p in ZERO))
    document = Document(SYMBOL, TITLE, (ZERO, rev1))
    read = _read(tmp_path, document, ZERO, {"OP1": [NEW_OP1]})  # its own change, in its copy
    assert read.amendments == ()
    (warning,) = read.warnings
    assert "the file is a copy of Zero draft, not of Rev.1" in warning.message
    assert "its change to OP1 is in Rev.1 already (accepted since, it may be)" in \
        warning.message


ANNUAL_OP1 = OP1.replace("a report", "a report annually")


def _annual(tmp_path, new: str):
    """Rev.1 put "annually" after "report" in OP1 (and changed OP2); the copy of the zero
    draft types "submit a report" over as ``new``, as Word and LibreOffice track typing
    over a selection, and changes PP1 too."""
    rev1 = Revision("Rev.1", tuple(p.__class__(p.id, p.label, p.kind, {
        "OP1": ANNUAL_OP1, "OP2": NEW_OP2}.get(p.label, p.text), level=p.level) for p in ZERO))
    document = Document(SYMBOL, TITLE, (ZERO, rev1))
    edits = {"OP1": ["Requests the Secretary-General to ", dele("submit a report"), ins(new),
                     " on small-scale fishers;"],
             "PP1": ["Recalling", ins(" also"), " its resolution 70/1 of 25 September 2015,"]}
    return _read(tmp_path, document, ZERO, edits)


def test_a_change_rev1_made_retyped_in_a_copy_of_the_zero_draft_is_not_proposed_again(
        tmp_path):
    """It was carried as "submit a report" -> "submit a report annually" in the sender's
    name, and accepted, Rev.2 read "a report annually annually"."""
    read = _annual(tmp_path, "submit a report annually")
    assert [(a.paragraph_id, a.new_text) for a in read.amendments] == [("pp1", " also")]
    (warning,) = read.warnings
    assert "its change to OP1 is in Rev.1 already (accepted since, it may be): not " \
        "proposed again" in warning.message


@pytest.mark.parametrize(("new", "reason"), [
    ("present a report annually", r"Rev\.1 made part of it since, not all: 'report on' "
     r"became 'report annually on'; carried, it would put in those words again"),
    ("submit a report annually and a summary", r"Rev\.1 put 'annually' at its insertion "
     r"point since, which the change holds with more \('annually and a summary'\)"),
])
def test_a_copy_of_the_zero_draft_doing_more_than_rev1_did_there_is_refused(
        tmp_path, new, reason):
    """Carried, "present a report annually" put "annually" in again beside Rev.1's."""
    with pytest.raises(ReaderError, match=r"1 of its changes cannot be carried onto Rev\.1's "
                       rf"text: OP1 \(replace\): {reason}"):
        _annual(tmp_path, new)


def test_a_copy_of_the_zero_draft_changing_words_rev1_put_again_beside_them_is_refused(
        tmp_path):
    """Rev.1 put "a report on fish stocks and" before "a report on small-scale fishers",
    by edits not known here: which "report" the copy's change was to cannot be told from
    the texts, and it was carried onto Rev.1's new one, the report never amended."""
    texts = {"OP1": OP1.replace("submit a", "submit a report on fish stocks and a"),
             "OP2": NEW_OP2}
    rev1 = Revision("Rev.1", tuple(
        p.__class__(p.id, p.label, p.kind, texts.get(p.label, p.text), level=p.level)
        for p in ZERO))
    document = Document(SYMBOL, TITLE, (ZERO, rev1))
    edits = {"OP1": ["Requests the Secretary-General to submit a ", dele("report"), ins("study"),
                     " on small-scale fishers;"]}
    with pytest.raises(ReaderError, match=r"cannot be carried onto Rev\.1's text: OP1 "
                       r"\(replace\): the words it amended, 'report', now occur twice near "
                       r"where they stood"):
        _read(tmp_path, document, ZERO, edits)
