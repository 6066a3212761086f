"""Which document and revision a delegation's Word copy is (`drafting.readers.copy_identity`).

A copy of the zero draft sent after Rev.1, its symbol without "/Rev.1", whose only
paragraph Rev.1 changed reads as the zero draft had it, was read against Rev.1: undoing
Rev.1's change was recorded as the delegation's proposal (only a warning said it might
not be). A copy of another document (another symbol in its front matter) was refused
with a message about a tracked change, saying nothing of the symbol; a copy whose whole
text another resolution's replaced was read as a rewrite of every paragraph."""

from __future__ import annotations

import pytest
from docx_builders import SYMBOL, TITLE, ZERO, dele, house, ins, write_docx

from drafting.errors import ReaderError
from drafting.model import AmendmentKind, Document, Paragraph, ParagraphKind, Revision
from drafting.readers.docx_submission import read_docx_submission

OP1, OP2 = ZERO.by_label("OP1").text, ZERO.by_label("OP2").text
NEW_OP2 = OP2.replace("existing resources", "available resources")  # Rev.1's only change
PP1_EDIT = {"PP1": ["Recalling ", ins("also "), "its resolution 70/1 of 25 September 2015,"]}


def _revision(label: str, revision: Revision, symbol: str, texts: dict[str, str]) -> Revision:
    return Revision(label, tuple(
        Paragraph(p.id, p.label, p.kind, texts.get(p.label, p.text), level=p.level)
        for p in revision), front_matter=("United Nations", symbol, "Distr.: Limited"))


def _document(symbol: str = SYMBOL, rev: str = "/Rev.1") -> Document:
    """The zero draft (front matter: ``symbol``) and Rev.1 (``symbol`` + ``rev``), which
    changed OP2 only."""
    zero = _revision("Zero draft", ZERO, symbol, {})
    return Document(symbol, TITLE, (zero, _revision("Rev.1", zero, symbol + rev,
                                                     {"OP2": NEW_OP2})))


def _read(tmp_path, document, revision, edits=None, *, shows="", header="", delegation="EU"):
    path = write_docx(tmp_path / "copy.docx", house(revision, edits), subtitle=shows,
                      header=header)
    return read_docx_submission(path, document, delegation=delegation)


@pytest.mark.parametrize(("symbol", "rev"), [(SYMBOL, "/Rev.1"), ("A77/4", " Rev.1")])
@pytest.mark.parametrize("where", ["front matter", "header"])
def test_a_copy_of_the_zero_draft_by_its_symbol_does_not_undo_rev1(tmp_path, symbol, rev,
                                                                   where):
    document = _document(symbol, rev)
    shown = {"shows": symbol} if where == "front matter" else {"header": symbol}
    read = _read(tmp_path, document, ZERO, PP1_EDIT, **shown)
    (amendment,) = read.amendments  # OP2 as the zero draft had it: no proposal
    assert (amendment.revision, amendment.paragraph_id, amendment.new_text) == (
        "Rev.1", "pp1", " also")
    assert "the file is a copy of Zero draft, not of Rev.1" in read.warnings[0].message


def test_an_untouched_paragraph_rev1_changed_is_no_proposal_to_undo_it(tmp_path):
    """The probe's case: nothing but OP1's change in the copy (`r15_usa_ok.docx`)."""
    document = _document()
    edits = {"OP1": ["Requests the Secretary-General to submit a ", ins("detailed "),
                     "report on small-scale fishers;"]}
    read = _read(tmp_path, document, ZERO, edits, shows=SYMBOL)
    assert [(a.paragraph_id, a.kind, a.new_text.strip()) for a in read.amendments] == [
        ("op1", AmendmentKind.INSERT, "detailed")]


def test_a_copy_of_the_zero_draft_changing_what_rev1_changed_is_refused(tmp_path):
    document = _document()
    edits = {"OP2": ["Decides to include the item in its provisional agenda, within ",
                     dele("existing"), ins("extrabudgetary"), " resources;"]}
    with pytest.raises(ReaderError, match=r"copy of Zero draft, not of Rev\.1, and 1 of its "
                       r"changes cannot be carried onto Rev\.1's text: OP2"):
        _read(tmp_path, document, ZERO, edits, shows=SYMBOL)


def test_a_copy_of_rev1_named_as_rev1_read_against_rev2(tmp_path):
    document = _document()
    rev1 = document.current
    rev2 = _revision("Rev.2", rev1, SYMBOL + "/Rev.2", {"OP1": OP1.replace("submit", "send")})
    document = Document(SYMBOL, TITLE, (*document.revisions, rev2))
    read = _read(tmp_path, document, rev1, PP1_EDIT, shows=SYMBOL + "/Rev.1")
    assert [(a.revision, a.paragraph_id) for a in read.amendments] == [("Rev.2", "pp1")]
    assert "the file is a copy of Rev.1, not of Rev.2" in read.warnings[0].message


def test_a_copy_of_rev1_restoring_the_old_words_is_its_proposal(tmp_path):
    document = _document()
    edits = {"OP2": ["Decides to include the item in its provisional agenda, within ",
                     dele("available"), ins("existing"), " resources;"]}
    read = _read(tmp_path, document, document.current, edits, shows=SYMBOL + "/Rev.1")
    (amendment,) = read.amendments
    assert (amendment.revision, amendment.old_text, amendment.new_text) == (
        "Rev.1", "available", "existing")


def test_a_copy_holding_rev1s_words_under_a_stale_symbol_is_read_against_rev1(tmp_path):
    """Its symbol was not updated, but OP2 reads as Rev.1 has it: a copy of Rev.1."""
    document = _document()
    read = _read(tmp_path, document, document.current, PP1_EDIT, shows=SYMBOL)
    assert [(a.revision, a.paragraph_id) for a in read.amendments] == [("Rev.1", "pp1")]
    assert not any("copy of Zero draft" in w.message for w in read.warnings)


def test_a_merged_draft_circulated_before_rev1_is_read_against_rev1(tmp_path):
    """It shows the zero draft's symbol, but tracks the EU's change Rev.1 accepted: read
    against Rev.1, that change is Rev.1's text, and the others' are as the merged draft
    tracks them (read against the zero draft, the pending ones, made on Rev.1 since, were
    not told from the sender's)."""
    document = _document()
    edits = {"OP2": ["Decides to include the item in its ", dele("provisional ", author="USA"),
                     "agenda, within ", dele("existing", author="EU"),
                     ins("available", author="EU"), " resources;"]}
    read = _read(tmp_path, document, ZERO, edits, shows=SYMBOL, delegation="JPN")
    assert [(a.revision, a.kind, a.old_text.strip()) for a in read.amendments] == [
        ("Rev.1", AmendmentKind.DELETE, "provisional")]
    assert not any("copy of Zero draft, not of Rev.1" in w.message for w in read.warnings)
    assert any("Rev.1 holds them" in w.message for w in read.warnings)


def test_a_copy_showing_no_symbol_is_judged_by_its_paragraphs(tmp_path):
    document = _document()
    read = _read(tmp_path, document, ZERO, PP1_EDIT)  # OP2 alone reads as Zero draft's
    assert [a.paragraph_id for a in read.amendments] == ["pp1", "op2"]
    assert any("the paragraph reads as Zero draft had it" in w.message for w in read.warnings)


@pytest.mark.parametrize("where", ["front matter", "page header"])
def test_a_copy_of_another_document_is_refused_naming_both(tmp_path, where):
    document = _document()
    shown = {"shows": "A/C.2/81/L.12"} if where == "front matter" else \
        {"header": "A/C.2/81/L.12"}
    with pytest.raises(ReaderError, match=rf"copy\.docx: the file is A/C\.2/81/L\.12 \(so its "
                       rf"{where} reads\), not A/C\.2/81/L\.7: it is a copy of another "
                       r"document"):
        _read(tmp_path, document, document.current, PP1_EDIT, **shown)


@pytest.mark.parametrize("shows", ["", "A/RES/70/1"])
def test_symbols_cited_in_the_text_or_beside_its_own_are_no_other_document(tmp_path, shows):
    document = _document()
    edits = {"PP1": ["Recalling ", ins("A/RES/70/1 and "), "its resolution 70/1 of 25 "
                     "September 2015,"]}
    header = SYMBOL + "/Rev.1" if shows else ""
    read = _read(tmp_path, document, document.current, edits, shows=shows, header=header)
    assert [a.new_text.strip() for a in read.amendments] == ["A/RES/70/1 and"]


def test_another_text_pasted_over_the_draft_is_refused(tmp_path):
    document = _document()
    other = {"PP1": ["Recalling its resolution 78/200 on agricultural technology,"],
             "PP2": ["Recognizing the role of smallholder farmers in food security,"],
             "OP1": ["Stresses the importance of agricultural research;"],
             "OP2": ["Invites donors to support extension services in developing countries;"],
             "OP3": ["Decides to include the item in its agenda at its eighty-third "
                     "session:\n(a) Agriculture;\n(b) Food security;"]}
    with pytest.raises(ReaderError, match=r"copy\.docx: the file shares only \d+% of its "
                       r"words with A/C\.2/81/L\.7 Rev\.1 .*: is it the right file\?"):
        _read(tmp_path, document, document.current, other, shows=SYMBOL + "/Rev.1")


SHORT = Revision("Zero draft", tuple(Paragraph(f"op{n}", f"OP{n}", ParagraphKind.OPERATIVE, text)
                                     for n, text in enumerate((
    "Requests the Secretary-General to submit a report on small-scale fishers at its "
    "eighty-second session;",
    "Encourages States to cooperate, within existing resources, in the conservation of "
    "marine biodiversity;",
    "Decides to include in the provisional agenda of its eighty-second session the item "
    "entitled \"Oceans and the law of the sea\".",), 1)))


def test_one_paragraph_of_three_rewritten_in_an_edited_copy_is_read(tmp_path):
    document = Document(SYMBOL, TITLE, (SHORT,))
    rewritten = "Urges donors to fund extension services for smallholder farmers in Africa;"
    read = _read(tmp_path, document, SHORT, {"OP2": [rewritten]})
    (amendment,) = read.amendments
    assert amendment.paragraph_id == "op2" and "smallholder farmers" in amendment.new_text


def test_a_tracked_copy_rewriting_every_paragraph_is_read(tmp_path):
    """Its text before its changes is the draft's, whatever they make of it."""
    document = Document(SYMBOL, TITLE, (SHORT,))
    edits = {p.label: [dele(p.text), ins(f"Other words for paragraph {n}, all new;")]
             for n, p in enumerate(SHORT, 1)}
    read = _read(tmp_path, document, SHORT, edits)
    assert len(read.amendments) == 3
