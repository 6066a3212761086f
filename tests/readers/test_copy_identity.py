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
from drafting.model import (
    Amendment,
    AmendmentKind,
    Document,
    Paragraph,
    ParagraphKind,
    Revision,
    Span,
)
from drafting.readers.copy_revision import carried
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


@pytest.mark.parametrize(("symbol", "rev"), [(SYMBOL, "/Rev.1"), ("A77/4", " Rev.1"),
                                             ("MSC 110/WP.5", "/Rev.1")])
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


def test_a_copy_of_rev1_named_in_its_page_header_only_read_against_rev2(tmp_path):
    """A draft whose symbol stands in its page header only (its front matter names
    none): a copy of Rev.1 sent after Rev.2, which changed one paragraph, proposed to
    undo that change in the sender's name, with a warning only."""
    def bare(revision: Revision, label: str, texts: dict[str, str]) -> Revision:
        return Revision(label, tuple(
            Paragraph(p.id, p.label, p.kind, texts.get(p.label, p.text), level=p.level)
            for p in revision))

    zero = bare(ZERO, "Zero draft", {})
    rev1 = bare(zero, "Rev.1", {"OP2": NEW_OP2})
    rev2 = bare(rev1, "Rev.2", {"OP1": OP1.replace("submit", "send")})
    document = Document(SYMBOL, TITLE, (zero, rev1, rev2))
    read = _read(tmp_path, document, rev1, PP1_EDIT, header=SYMBOL + "/Rev.1")
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


@pytest.mark.parametrize("where", ["front matter", "page header"])
def test_a_copy_of_another_imo_document_is_refused(tmp_path, where):
    """IMO's symbols hold a space: "MSC 110/WP.6" was no symbol to the check, and a copy
    of that paper was read as one of MSC 110/WP.5."""
    document = _document("MSC 110/WP.5")
    shown = {"shows": "MSC 110/WP.6"} if where == "front matter" else \
        {"header": "MSC 110/WP.6"}
    with pytest.raises(ReaderError, match=rf"the file is MSC 110/WP\.6 \(so its {where} "
                       r"reads\), not MSC 110/WP\.5: it is a copy of another document"):
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


# The probe's F0, F7, F6, F6b and F4 (`/tmp/probe3`): a copy under its old symbol holding
# the current revision's words changed further re-proposed the revision's change in the
# sender's name ("all Member Member States"); an insertion where the revision put other
# words was carried silently ("all coastal Member States"); the draft's own page-header
# symbol, and a reference line below an edited first paragraph, refused the copy as
# another document's; a copy cut to its operative part proposed deleting the preamble
# without a word, or was refused as "another text".

FISHERS = OP1.replace("fishers;", "fishers and fish workers;")  # Rev.1 inserts words


def _inserting() -> Document:
    """The zero draft and Rev.1 ("/Rev.1"), which put " and fish workers" in OP1."""
    zero = _revision("Zero draft", ZERO, SYMBOL, {})
    return Document(SYMBOL, TITLE, (zero, _revision("Rev.1", zero, SYMBOL + "/Rev.1",
                                                     {"OP1": FISHERS})))


def test_rev1s_words_changed_further_under_the_old_symbol_are_a_copy_of_rev1(tmp_path):
    document = _inserting()
    edits = {"OP1": [FISHERS.replace(";", " at its next session;")]}
    read = _read(tmp_path, document, ZERO, edits, shows=SYMBOL)
    assert [(a.revision, a.paragraph_id, a.kind, a.new_text.strip())
            for a in read.amendments] == [
        ("Rev.1", "op1", AmendmentKind.INSERT, "at its next session")]
    assert not any("copy of Zero draft" in w.message for w in read.warnings)


def test_a_carried_change_rev1_made_already_is_not_proposed_again(tmp_path):
    """Read against the zero draft (the copy's symbol), the words Rev.1 put in OP1 are
    never carried as the sender's: in Rev.1 already, they are dropped with a warning."""
    document = _inserting()
    point = OP1.index(";")
    mine = Amendment("x1", AmendmentKind.INSERT, "op1", "Zero draft", ("EU",),
                     span=Span(point, point), anchor=Span(point - 6, point),
                     old_text="fishers", new_text=" and fish workers")
    moved = carried((mine,), document, document.revision("Zero draft"), "copy.docx")
    assert moved.amendments == ()
    assert "its change to OP1 is in Rev.1 already" in moved.warning.message


def test_an_insertion_where_rev1_put_other_words_is_refused(tmp_path):
    document = _inserting()
    edits = {"OP1": [OP1.replace("fishers;", "fishers and their families;")]}
    with pytest.raises(ReaderError, match=r"copy of Zero draft, not of Rev\.1, and 1 of its "
                       r"changes cannot be carried onto Rev\.1's text: OP1 \(insert\): Rev\.1 "
                       r"put 'and fish workers' at its insertion point since: 'fishers;'"):
        _read(tmp_path, document, ZERO, edits, shows=SYMBOL)


def test_the_symbol_the_drafts_own_file_shows_is_no_other_document(tmp_path):
    """Imported under a slug, the draft's Word file showing its symbol in the page header
    only: a copy of that file shows it too (`shown`: the store's sources' symbols)."""
    document = Document("fisheries-2026", TITLE, (ZERO,))
    path = write_docx(tmp_path / "copy.docx", house(ZERO, PP1_EDIT), subtitle="",
                      header=SYMBOL)
    with pytest.raises(ReaderError, match="it is a copy of another document"):
        read_docx_submission(path, document, delegation="EU")
    read = read_docx_submission(path, document, delegation="EU", shown=lambda: [SYMBOL])
    assert [a.new_text.strip() for a in read.amendments] == ["also"]


def test_a_reference_line_below_an_edited_first_paragraph_is_no_front_matter(tmp_path):
    zero = Revision("Zero draft", (
        Paragraph("op1", "OP1", ParagraphKind.OPERATIVE,
                  "Takes note of the following reports of the Secretary-General:"),
        Paragraph("t1", "T1", ParagraphKind.OTHER, "A/81/100"),
        Paragraph("op2", "OP2", ParagraphKind.OPERATIVE, OP1),
        Paragraph("op3", "OP3", ParagraphKind.OPERATIVE, OP2)))
    document = Document("fisheries-decision", TITLE, (zero,))
    edits = {"OP1": ["Takes note with appreciation of the following reports of the "
                     "Secretary-General:"], "T1": ["A/81/150"]}
    read = _read(tmp_path, document, zero, edits)
    assert [(a.paragraph_id, a.new_text.strip()) for a in read.amendments] == [
        ("op1", "with appreciation"), ("t1", "150")]


LONG_PP = tuple(Paragraph(f"pp{n}", f"PP{n}", ParagraphKind.PREAMBULAR, text) for n, text in
                enumerate((
    "Recalling its resolution 70/1 of 25 September 2015 on the 2030 Agenda,",
    "Recognizing the contribution of small-scale fishers to food security and nutrition,",
    "Bearing in mind the relevant provisions of the Convention on the Law of the Sea,",
    "Welcoming the adoption of the Voluntary Guidelines for Securing Sustainable "
    "Small-Scale Fisheries,",
    "Deeply concerned about the adverse impacts of climate change and marine pollution on "
    "coastal communities and their livelihoods,",
    "Acknowledging the role of women in the processing and marketing of fish in coastal "
    "communities,"), 1))


@pytest.mark.parametrize("preamble", ["short", "long"])
def test_a_copy_cut_to_its_operative_part_warns_of_the_paragraphs_it_lacks(tmp_path,
                                                                          preamble):
    """Short or long, the preamble the copy left out is read as deleted alike, and named
    in a warning; the long one no longer refuses the copy as "another text"."""
    pps = ZERO.paragraphs[1:3] if preamble == "short" else LONG_PP
    zero = Revision("Zero draft", (ZERO.paragraphs[0], *pps, *ZERO.paragraphs[3:]))
    document = Document(SYMBOL, TITLE, (zero,))
    operative = Revision("Zero draft", tuple(p for p in zero if p.label.startswith("OP")))
    read = _read(tmp_path, document, operative, {"OP1": [OP1.replace("submit", "present")]})
    cut = ["H1", *(p.label for p in pps)]
    assert [a.paragraph_id for a in read.amendments] == [*(p.lower() for p in cut), "op1"]
    assert any(f"{len(cut)} paragraphs are missing from the copy and read as deleted: "
               f"H1-{cut[-1]}; if the copy was cut" in w.message for w in read.warnings)


def test_the_compilation_marked_up_and_sent_back_is_refused_as_the_compilation(tmp_path):
    """The compilation (`drafting compile -o compilation.docx`) is the text the room
    negotiates on; a delegation marks one change in it and sends it. It was read as an
    edited copy of the draft: refused for a "(G77)" in a paragraph the sender never
    touched. It is refused as the compilation, saying what to send instead."""
    from merged_answers import answered, tracked_insertion

    from drafting.engine.merge import merge
    from drafting.writers.docx_compilation import write_compilation_docx

    document = Document(SYMBOL, TITLE, (ZERO,))
    pp2, op1 = ZERO.by_label("PP2"), ZERO.by_label("OP1")
    start, at = pp2.text.index(" small-scale"), op1.text.index("a report")
    pending = [Amendment(id="A1", kind=AmendmentKind.DELETE, paragraph_id=pp2.id,
                         revision=ZERO.label, proponents=("G77",),
                         span=Span(start, start + 12), old_text=" small-scale"),
               Amendment(id="A2", kind=AmendmentKind.REPLACE, paragraph_id=op1.id,
                         revision=ZERO.label, proponents=("EU",), span=Span(at, at + 8),
                         old_text="a report", new_text="an annual report")]
    compiled = tmp_path / "compilation.docx"
    write_compilation_docx(merge(document, pending), compiled)
    sent = answered(compiled, tmp_path / "aosis.docx", (),
                    tracked_insertion(" its resolution", " landmark", "AOSIS delegate"))
    with pytest.raises(ReaderError) as refused:
        read_docx_submission(sent, document, delegation="AOSIS")
    message = refused.value.message
    assert "is the compilation of proposals on the Zero draft" in message
    assert f"drafting merge {SYMBOL} -o merged.docx" in message and "(G77)" not in message
