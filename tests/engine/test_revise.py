"""Revise: decisions applied, the next revision issued and renumbered."""

from datetime import UTC, datetime, timedelta

import pytest

from drafting.engine.amend import Proposal, draft_amendment
from drafting.engine.diff import diff_revisions
from drafting.engine.merge import merge
from drafting.engine.revise import BracketAction, BracketDecision, Decisions, revise
from drafting.engine.segments import Change, NewParagraph, Text
from drafting.errors import AmendmentError, InputError
from drafting.model import (
    AmendmentStatus,
    Document,
    Paragraph,
    ParagraphKind,
    ParagraphStatus,
    Revision,
)

OP = ParagraphKind.OPERATIVE
ZERO = Revision("Zero draft", (
    Paragraph("p1", "PP1", ParagraphKind.PREAMBULAR, "Recalling its resolution 70/1,"),
    Paragraph("p2", "OP1", OP, "Decides to convene a meeting [in 2027 / in 2028];"),
    Paragraph("p3", "OP2", OP, "Requests the Secretary-General to submit a report;"),
    Paragraph("p4", "OP3", OP, "Invites States to contribute [within existing resources]."),
))
DOC = Document("A/C.2/81/L.7", "Fisheries", (ZERO,))
T0 = datetime(2026, 11, 2, 10, 0, tzinfo=UTC)
_count = iter(range(1, 1000))


def proposal(code="EU", minutes=0, **fields):
    n = next(_count)
    return draft_amendment(ZERO, Proposal(**fields), id=f"{code}-{n}", proponents=[code],
                           submitted_at=T0 + timedelta(minutes=minutes))


def test_accepted_changes_and_new_paragraphs_make_the_next_revision():
    present = proposal(paragraph="OP2", replace="submit", with_="present")
    annual = proposal("G77", 1, paragraph="OP2", insert="annual ", before="report")
    new = proposal("JPN", 2, paragraph="OP1", new_paragraph="Decides also to act;")
    pending = proposal("USA", 3, paragraph="OP3", replace="contribute", with_="give")
    rejected = proposal("CAN", 4, paragraph="PP1", replace="Recalling", with_="Recalling also")
    decisions = Decisions(accepted=frozenset({present.id, annual.id, new.id}),
                          rejected=frozenset({rejected.id}))
    outcome = revise(DOC, [present, annual, new, pending, rejected], decisions, label="Rev.1")

    texts = [(p.label, p.text) for p in outcome.revision]
    assert texts == [
        ("PP1", "Recalling its resolution 70/1,"),
        ("OP1", "Decides to convene a meeting [in 2027 / in 2028];"),
        ("OP2", "Decides also to act;"),
        ("OP3", "Requests the Secretary-General to present a annual report;"),
        ("OP4", "Invites States to contribute [within existing resources]."),
    ]
    assert outcome.label_table == {"OP1 bis": "OP2", "OP2": "OP3", "OP3": "OP4"}
    assert dict(outcome.revision.label_table) == outcome.label_table
    assert outcome.revision.by_label("OP3").id == "p3"  # identity survives renumbering
    status = {a.id: a.status for a in outcome.amendments}
    assert status == {present.id: AmendmentStatus.ACCEPTED, annual.id: AmendmentStatus.ACCEPTED,
                      new.id: AmendmentStatus.ACCEPTED, pending.id: AmendmentStatus.SUBMITTED,
                      rejected.id: AmendmentStatus.REJECTED}
    moved = next(a for a in outcome.amendments if a.id == pending.id)
    assert moved.revision == "Rev.1"
    assert outcome.stale == ()


def test_pending_amendments_whose_words_changed_go_stale():
    accepted = proposal(paragraph="OP2", replace="submit a report", with_="report orally")
    pending = proposal("G77", 1, paragraph="OP2", replace="a report", with_="an annual report")
    outcome = revise(DOC, [accepted, pending], Decisions(accepted=frozenset({accepted.id})),
                     label="Rev.1")
    (stale,) = outcome.stale
    assert stale.amendment.id == pending.id and "a report" in stale.reason
    assert {a.id: a.status for a in outcome.amendments}[pending.id] is AmendmentStatus.STALE


def test_the_same_proposal_from_another_delegation_is_accepted_with_the_one_accepted():
    eu = proposal(paragraph="OP2", replace="submit", with_="present")
    usa = proposal("USA", 1, paragraph="OP2", replace="submit", with_="present")
    can = proposal("CAN", 2, paragraph="OP2", replace="submit", with_="present")
    other = proposal("G77", 3, paragraph="OP2", replace="submit", with_="transmit")
    jpn = proposal("JPN", 4, paragraph="OP3", new_paragraph="Decides also to act;")
    aosis = proposal("AOSIS", 5, paragraph="OP3", new_paragraph="Decides also to act;")
    decisions = Decisions(accepted=frozenset({eu.id, jpn.id}), rejected=frozenset({can.id}))
    outcome = revise(DOC, [eu, usa, can, other, jpn, aosis], decisions, label="Rev.1")

    status = {a.id: a.status for a in outcome.amendments}
    assert status == {eu.id: AmendmentStatus.ACCEPTED, usa.id: AmendmentStatus.ACCEPTED,
                      can.id: AmendmentStatus.REJECTED,  # a decision taken stands
                      other.id: AmendmentStatus.STALE,  # a different proposal on those words
                      jpn.id: AmendmentStatus.ACCEPTED, aosis.id: AmendmentStatus.ACCEPTED}
    assert outcome.accepted_with == {usa.id: eu.id, aosis.id: jpn.id}
    assert [s.amendment.id for s in outcome.stale] == [other.id]
    texts = [p.text for p in outcome.revision]  # each proposal applied once
    assert texts[2] == "Requests the Secretary-General to present a report;"
    assert texts.count("Decides also to act;") == 1


def test_the_same_change_typed_over_different_words_is_applied_once():
    """The EU typed over "submit a report", the USA put " annually" before ";": accepted
    both, the revision read "a report annually annually;"."""
    eu = proposal(paragraph="OP2", replace="submit a report", with_="submit a report annually")
    usa = proposal("USA", 1, paragraph="OP2", insert=" annually", before=";")
    both = revise(DOC, [eu, usa], Decisions(accepted=frozenset({eu.id, usa.id})),
                  label="Rev.1")
    assert both.revision.by_label("OP2").text == \
        "Requests the Secretary-General to submit a report annually;"
    one = revise(DOC, [eu, usa], Decisions(accepted=frozenset({usa.id})), label="Rev.1")
    assert one.accepted_with == {eu.id: usa.id}  # the compilation showed them as one
    assert one.revision.by_label("OP2").text == \
        "Requests the Secretary-General to submit a report annually;"
    kept = {a.id: (a.old_text, a.new_text) for a in one.amendments}
    assert kept[eu.id] == ("submit a report", "submit a report annually")  # as submitted


def test_bracket_decisions_and_agreement():
    decisions = Decisions(
        brackets=(BracketDecision("p2", 0, BracketAction.CHOOSE, alternative=1),
                  BracketDecision("p4", 0, BracketAction.DELETE)),
        agreed={"p2": ParagraphStatus.AGREED, "p4": ParagraphStatus.AGREED_AD_REF},
    )
    outcome = revise(DOC, [], decisions, label="Rev.1")
    op1, op3 = outcome.revision.by_label("OP1"), outcome.revision.by_label("OP3")
    assert op1.text == "Decides to convene a meeting in 2028;"
    assert op1.status is ParagraphStatus.AGREED
    assert op3.text == "Invites States to contribute."
    assert op3.status is ParagraphStatus.AGREED_AD_REF
    agreed = revise(DOC, [], Decisions(brackets=(BracketDecision("p4", 0, BracketAction.AGREE),)),
                    label="Rev.1")
    assert agreed.revision.by_label("OP3").text == (
        "Invites States to contribute within existing resources.")


def test_an_accepted_deletion_removes_the_paragraph_and_renumbers():
    gone = proposal(paragraph="OP2", delete_paragraph=True)
    outcome = revise(DOC, [gone], Decisions(accepted=frozenset({gone.id})), label="Rev.1")
    assert [p.label for p in outcome.revision] == ["PP1", "OP1", "OP2"]
    assert outcome.revision.by_label("OP2").id == "p4"
    assert outcome.label_table == {"OP2": "", "OP3": "OP2"}


def test_an_accepted_alternative_replaces_the_paragraph():
    alt = proposal(paragraph="OP3", alternative="Urges States to contribute generously.")
    outcome = revise(DOC, [alt], Decisions(accepted=frozenset({alt.id})), label="Rev.1")
    assert outcome.revision.by_label("OP3").text == "Urges States to contribute generously."


def test_decisions_that_cannot_stand_are_refused():
    eu = proposal(paragraph="OP2", replace="submit", with_="present")
    g77 = proposal("G77", 1, paragraph="OP2", replace="submit", with_="transmit")
    with pytest.raises(AmendmentError, match="change the same words; accept one"):
        revise(DOC, [eu, g77], Decisions(accepted=frozenset({eu.id, g77.id})), label="Rev.1")
    with pytest.raises(InputError, match="both accepted and rejected"):
        revise(DOC, [eu], Decisions(accepted=frozenset({eu.id}), rejected=frozenset({eu.id})),
               label="Rev.1")
    with pytest.raises(InputError, match="there is no amendment X-9"):
        revise(DOC, [eu], Decisions(accepted=frozenset({"X-9"})), label="Rev.1")
    from dataclasses import replace

    withdrawn = replace(eu, status=AmendmentStatus.WITHDRAWN)
    with pytest.raises(InputError, match="was withdrawn"):
        revise(DOC, [withdrawn], Decisions(accepted=frozenset({eu.id})), label="Rev.1")
    with pytest.raises(InputError, match="already has a revision 'Zero draft'"):
        revise(DOC, [], Decisions(), label="zero draft")


def test_accepting_words_a_bracket_decision_removed_is_refused():
    inside = proposal(paragraph="OP3", replace="within existing", with_="with extra")
    decisions = Decisions(accepted=frozenset({inside.id}),
                          brackets=(BracketDecision("p4", 0, BracketAction.DELETE),))
    with pytest.raises(AmendmentError, match="together with the bracket decisions"):
        revise(DOC, [inside], decisions, label="Rev.1")


def test_diff_between_revisions_shows_changed_new_and_deleted_paragraphs():
    present = proposal(paragraph="OP2", replace="submit", with_="present")
    new = proposal("JPN", 1, paragraph="OP1", new_paragraph="Decides also to act;")
    gone = proposal("USA", 2, paragraph="PP1", delete_paragraph=True)
    outcome = revise(DOC, [present, new, gone],
                     Decisions(accepted=frozenset({present.id, new.id, gone.id})), label="Rev.1")
    document = outcome.apply_to(DOC)
    diff = diff_revisions(document, "Zero draft", "Rev.1")
    assert diff.revision == "Zero draft to Rev.1"
    kinds = [type(e).__name__ for e in diff.entries]
    assert kinds == ["MergedParagraph", "MergedParagraph", "NewParagraph", "MergedParagraph",
                     "MergedParagraph"]
    struck = diff.entries[0]
    assert struck.paragraph.label == "PP1" and struck.deletion is not None
    assert isinstance(diff.entries[2], NewParagraph) and diff.entries[2].label == "OP2"
    op3 = diff.entries[3]
    assert op3.paragraph.label == "OP3"
    assert op3.segments == (Text("Requests the Secretary-General to "),
                            Change("submit", "present", op3.segments[1].credit),
                            Text(" a report;"))
    assert diff.entries[4].segments == (Text(ZERO.paragraphs[3].text),)
    with pytest.raises(InputError, match=r"has no revision 'Rev\.7'; it has: Zero draft, Rev\.1"):
        diff_revisions(document, "Zero draft", "Rev.7")


def test_a_diff_renders_with_the_compilation_writers():
    from drafting.writers import render_markdown, render_text

    present = proposal(paragraph="OP2", replace="submit", with_="present")
    outcome = revise(DOC, [present], Decisions(accepted=frozenset({present.id})), label="Rev.1")
    diff = diff_revisions(outcome.apply_to(DOC), "Zero draft", "Rev.1")
    markdown = render_markdown(diff)
    assert "**OP2** Requests the Secretary-General to ~~submit~~ **present** a report;" in markdown
    assert "()" not in markdown
    assert "OP2 Requests the Secretary-General to -{submit}- +{present}+ a report;" in (
        render_text(diff))


def test_front_matter_and_chapeau_are_carried_into_the_next_revision():
    front = ("United Nations", "A/C.2/81/L.7", "Distr.: Limited", "",
             "Fiji and Samoa: draft resolution")
    zero = Revision("Zero draft", ZERO.paragraphs, front_matter=front,
                    chapeau="The General Assembly,")
    rev1 = Revision("Rev.1", ZERO.paragraphs, front_matter=("Rev.1 front",))
    document = Document(DOC.symbol, DOC.title, (zero,))
    deletion = proposal(paragraph="PP1", delete_paragraph=True)
    outcome = revise(document, [deletion], Decisions(accepted=frozenset({deletion.id})),
                     label="Rev.1")
    assert [p.label for p in outcome.revision] == ["OP1", "OP2", "OP3"]
    # carried as they are, but for the symbol, which gains the revision as the UN writes it
    assert outcome.revision.front_matter == ("United Nations", "A/C.2/81/L.7/Rev.1",
                                             *front[2:])
    assert outcome.revision.chapeau == "The General Assembly,"
    # from the current revision, not the first: Rev.2 takes Rev.1's (no chapeau)
    later = revise(Document(DOC.symbol, DOC.title, (zero, rev1)), [], Decisions(), label="Rev.2")
    assert (later.revision.front_matter, later.revision.chapeau) == (("Rev.1 front",), "")


@pytest.mark.parametrize(("line", "label", "shown"), [
    ("A/C.2/81/L.7", "Rev.1", "A/C.2/81/L.7/Rev.1"),
    ("A/C.2/81/L.7/Rev.1", "Rev.2", "A/C.2/81/L.7/Rev.2"),
    ("Distr.: Limited", "Rev.1", "Distr.: Limited"),
    ("A/C.2/81/L.7", "Second draft", "A/C.2/81/L.7"),  # not a "Rev.N": left alone
    ("Draft L.70 replaces A/C.2/81/L.70", "Rev.1", "Draft L.70 replaces A/C.2/81/L.70"),
    ("A/C.2/81/L.7/Corr.1", "Rev.1", "A/C.2/81/L.7/Corr.1"),  # another document's symbol
])
def test_the_symbol_gains_the_revision(line, label, shown):
    from drafting.engine.revision_symbols import revised_symbol

    assert revised_symbol(line, "A/C.2/81/L.7", label) == shown


@pytest.mark.parametrize(("line", "shown"), [
    ("A/HRC/61/L.12/Rev.1", "A/HRC/61/L.12/Rev.2"),
    ("Distr.: Limited A/HRC/61/L.12/Rev.1", "Distr.: Limited A/HRC/61/L.12/Rev.2"),
    ("A/HRC/61/L.12", "A/HRC/61/L.12/Rev.2"), ("A/HRC/61/L.120/Rev.1", "A/HRC/61/L.120/Rev.1"),
])
def test_a_symbol_imported_with_its_revision_gains_the_next_in_its_place(line, shown):
    """A text imported as "A/HRC/61/L.12/Rev.1" was revised to ".../Rev.1/Rev.2"."""
    from drafting.engine.revision_symbols import revised_symbol

    assert revised_symbol(line, "A/HRC/61/L.12/Rev.1", "Rev.2") == shown


@pytest.mark.parametrize(("line", "symbol", "shown"), [
    ("A77/4 Rev.1", "A77/4", "A77/4 Rev.2"), ("EB156/3 Rev.1", "EB156/3", "EB156/3 Rev.2"),
    ("Provisional agenda item 11.2  A77/4 Rev.1", "A77/4/Rev.1",
     "Provisional agenda item 11.2  A77/4 Rev.2"),
    ("A77/4", "A77/4", "A77/4 Rev.2"), ("A77/4 Add.1", "A77/4", "A77/4 Add.1"),
    ("A/C.2/81/L.7", "A/C.2/81/L.7", "A/C.2/81/L.7/Rev.2"),
])
def test_a_revision_written_after_a_space_is_replaced_in_that_form(line, symbol, shown):
    """WHO writes "A77/4 Rev.1": Rev.2 read "A77/4/Rev.2 Rev.1". The form a document uses
    for the revision it names is kept; a symbol naming none takes its shape's: WHO's
    space, the UN's "/" (`drafting.engine.revision_symbols`)."""
    from drafting.engine.revision_symbols import revised_symbol

    assert revised_symbol(line, symbol, "Rev.2") == shown


@pytest.mark.parametrize(("line", "shown"), [
    ("General Assembly", "General Assembly"), ("CBD/COP/17", "CBD/COP/17"),
    ("CBD", "CBD/Rev.1"), (" CBD/Rev.1 ", " CBD/Rev.2 "), ("Symbol: CBD.", "Symbol: CBD."),
    ("CBD Secretariat", "CBD Secretariat"),
])
def test_a_short_symbol_gains_the_revision_only_where_it_stands_alone(line, shown):
    """A symbol may be any slug ("G", "CBD", "WHO"): the letters of a word or of another
    symbol are not it (Rev.1 used to read "The G/Rev.1eneral Assembly,"), nor is the word
    in a line ("WHO Intergovernmental Negotiating Body" became "WHO/Rev.1 ...")."""
    from drafting.engine.revision_symbols import revised_symbol

    symbol = "G" if line.startswith("General") else "CBD"
    label = "Rev.2" if "Rev.1" in line else "Rev.1"
    assert revised_symbol(line, symbol, label) == shown


def test_a_new_paragraph_after_one_with_a_bis_keeps_the_place_the_compilation_gave_it():
    zero = Revision("Zero draft", (
        Paragraph("a", "1.1", OP, "Each Party shall act."),
        Paragraph("b", "1.1 bis", OP, "Each Party may cooperate."),
        Paragraph("c", "1.2", OP, "Parties shall report."),
        Paragraph("d", "2.1", OP, "The fund is established."),
    ))
    document = Document("BBNJ", "Treaty", (zero,))
    new = draft_amendment(zero, Proposal(paragraph="1.1", new_paragraph="Each Party shall "
                                         "designate a focal point."), id="A1",
                          proponents=["EU"], submitted_at=T0)
    outcome = revise(document, [new], Decisions(accepted=frozenset({"A1"})), label="Rev.1")
    assert [(p.label, p.text) for p in outcome.revision] == [
        ("1.1", "Each Party shall act."), ("1.2", "Each Party may cooperate."),
        ("1.3", "Each Party shall designate a focal point."), ("1.4", "Parties shall report."),
        ("2.1", "The fund is established.")]
    assert outcome.label_table == {"1.1 bis": "1.2", "1.1 ter": "1.3", "1.2": "1.4"}


def test_a_diff_carries_the_later_revisions_front_matter_and_chapeau():
    from dataclasses import replace

    zero = replace(ZERO, front_matter=("United Nations", "A/C.2/81/L.7"),
                   chapeau="The General Assembly,")
    rev1 = replace(zero, label="Rev.1", front_matter=("United Nations", "A/C.2/81/L.7/Rev.1"))
    diff = diff_revisions(Document("A/C.2/81/L.7", "Fisheries", (zero, rev1)), "Zero draft",
                          "Rev.1")
    assert diff.front_matter == ("United Nations", "A/C.2/81/L.7/Rev.1")
    assert diff.chapeau == "The General Assembly,"


def test_deleting_a_footnote_renumbers_the_others_and_their_markers():
    fn = ParagraphKind.FOOTNOTE
    zero = Revision("Zero draft", (
        Paragraph("a", "PP1", ParagraphKind.PREAMBULAR, "Recalling A/RES/70/1[^1],"),
        Paragraph("n1", "FN1", fn, "Adopted in 2015."),
        Paragraph("b", "OP1", OP, "Decides to act[^2] and report[^3];"),
        Paragraph("n2", "FN2", fn, "Within existing resources."),
        Paragraph("n3", "FN3", fn, "See A/79/1."),
    ))
    document = Document("X", "X", (zero,))
    cut = draft_amendment(zero, Proposal(paragraph="FN2", delete_paragraph=True), id="A1",
                          proponents=["EU"], submitted_at=T0)
    unmark = draft_amendment(zero, Proposal(paragraph="OP1", delete="[^2]"), id="A2",
                             proponents=["EU"], submitted_at=T0)
    outcome = revise(document, [cut, unmark], Decisions(accepted=frozenset({"A1", "A2"})),
                     label="Rev.1")
    assert [(p.label, p.text) for p in outcome.revision] == [
        ("PP1", "Recalling A/RES/70/1[^1],"), ("FN1", "Adopted in 2015."),
        ("OP1", "Decides to act and report[^2];"), ("FN2", "See A/79/1.")]
    assert outcome.label_table == {"FN3": "FN2", "FN2": ""}


def test_a_new_first_paragraph_goes_before_the_first_and_takes_its_number():
    first = proposal("JPN", paragraph="PP1", new_paragraph="Reaffirming the Charter,",
                     place_before=True)
    second = proposal("CAN", 1, paragraph="pp1", new_paragraph="Guided by the Charter,",
                      place_before=True)
    assert first.precedes and first.span is not None and not first.span
    compilation = merge(DOC, [first, second])
    shown = [(e.label, e.text) if isinstance(e, NewParagraph) else e.paragraph.label
             for e in compilation.entries]
    assert shown == [("PP0", "Reaffirming the Charter,"), ("PP0 bis", "Guided by the Charter,"),
                     "PP1", "OP1", "OP2", "OP3"]
    outcome = revise(DOC, [first, second], Decisions(accepted=frozenset({first.id, second.id})),
                     label="Rev.1")
    assert [(p.label, p.text) for p in outcome.revision][:3] == [
        ("PP1", "Reaffirming the Charter,"), ("PP2", "Guided by the Charter,"),
        ("PP3", "Recalling its resolution 70/1,")]
    assert outcome.revision.by_label("PP3").id == "p1"


def test_only_a_first_paragraph_takes_a_new_one_before_it():
    with pytest.raises(AmendmentError, match=r"only the first paragraph of Zero draft, or the "
                       r"first of a series .* takes one before it: propose it after OP1"):
        proposal(paragraph="OP2", new_paragraph="Decides;", place_before=True)
    with pytest.raises(AmendmentError, match="only a new paragraph is placed before"):
        proposal(paragraph="PP1", delete_paragraph=True, place_before=True)


def test_formatting_marks_move_with_the_words_of_a_revised_paragraph():
    from drafting.model import Mark, Style

    italic = Mark(0, 8, Style.ITALIC)  # "Requests"
    bold = Mark(13, 34, Style.BOLD)  # "Secretary-General to "
    marked = Revision("Zero draft", (
        Paragraph("p1", "OP1", OP, "Requests the Secretary-General to submit a report;",
                  marks=(italic, bold)),))
    document = Document("A/1", "T", (marked,))
    ask = [draft_amendment(marked, Proposal(**fields), id=f"A{n}", proponents=["EU"],
                           submitted_at=T0)
           for n, fields in enumerate([{"paragraph": "OP1", "insert": "Also ",
                                        "before": "Requests"},
                                       {"paragraph": "OP1", "replace": "General",
                                        "with_": "General of the United Nations"}], 1)]
    outcome = revise(document, ask, Decisions(accepted=frozenset({"A1", "A2"})), label="Rev.1")
    (paragraph,) = outcome.revision
    text = paragraph.text
    assert text == ("Also Requests the Secretary-General of the United Nations to submit "
                    "a report;")
    shown = {str(m.style): text[m.start:m.end] for m in paragraph.marks}
    assert shown == {"italic": "Requests",
                     "bold": "Secretary-General of the United Nations to "}


def test_a_bracket_decision_that_does_what_a_pending_amendment_proposes_settles_it():
    zero = Revision("Zero draft", (
        Paragraph("p1", "OP1", OP, "Requests a report to [submit / present] [annually];"),
        Paragraph("p2", "OP2", OP, "Invites States [within existing resources]."),))
    document = Document("A/1", "T", (zero,))

    def proposed(code, **fields):
        return draft_amendment(zero, Proposal(**fields), id=f"{code}-{fields['paragraph']}",
                               proponents=[code], submitted_at=T0)

    eu = proposed("EU", paragraph="OP1", replace="submit", with_="present")
    g77 = proposed("G77", paragraph="OP1", replace="submit", with_="transmit")
    usa = proposed("USA", paragraph="OP2", delete="within existing resources")
    decisions = Decisions(brackets=(BracketDecision("p1", 0, BracketAction.CHOOSE, 1),
                                    BracketDecision("p2", 0, BracketAction.DELETE)))
    outcome = revise(document, [eu, g77, usa], decisions, label="Rev.1")
    status = {a.id: a.status for a in outcome.amendments}
    assert status == {eu.id: AmendmentStatus.ACCEPTED, usa.id: AmendmentStatus.ACCEPTED,
                      g77.id: AmendmentStatus.STALE}
    assert outcome.settled == {eu.id: "OP1: 'present' chosen",
                               usa.id: "OP2: 'within existing resources' dropped"}
    assert [s.amendment.id for s in outcome.stale] == [g77.id]
    assert outcome.revision.by_id("p1").text == "Requests a report to present [annually];"


def test_a_text_numbered_from_further_on_keeps_its_numbers_in_the_next_revision():
    excerpt = Revision("Zero draft", (
        Paragraph("p1", "PP1", ParagraphKind.PREAMBULAR, "Recalling its resolution,"),
        Paragraph("p6", "OP6", OP, "Decides to act;"),
        Paragraph("p7", "OP7", OP, "Requests a report.")))
    new = draft_amendment(excerpt, Proposal("OP6", new_paragraph="Invites States;"),
                          id="A1", proponents=["EU"], submitted_at=T0)
    outcome = revise(Document("A/1", "T", (excerpt,)), [new],
                     Decisions(accepted=frozenset({"A1"})), label="Rev.1")
    assert [p.label for p in outcome.revision] == ["PP1", "OP6", "OP7", "OP8"]
    assert outcome.label_table == {"OP6 bis": "OP7", "OP7": "OP8"}
