"""Amendments to proposals (issue 16, point 2): one delegation amends the words another
proposed; the compilation shows them nested under the proposal, and a revision makes them
in the proposal's words when both are accepted."""

from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest

from drafting.engine.amend import Proposal, draft_amendment
from drafting.engine.merge import merge
from drafting.engine.revise import Decisions, revise
from drafting.engine.segments import Change, MergedParagraph, NewParagraph, Text
from drafting.engine.subamend import (
    amended_text,
    draft_subamendment,
    parent_of,
    subamendment_problems,
)
from drafting.errors import AmendmentError, TextNotFound
from drafting.model import AmendmentStatus, Document, Paragraph, ParagraphKind, Revision
from drafting.writers.compilation_markdown import render_markdown

OP = ParagraphKind.OPERATIVE
ZERO = Revision("Zero draft", (
    Paragraph("p1", "OP1", OP, "Decides to convene a meeting in 2027;"),
    Paragraph("p2", "OP2", OP, "Requests the Secretary-General to submit a report;"),
))
DOC = Document("A/1", "Fisheries", (ZERO,))
T0 = datetime(2026, 11, 2, 10, 0, tzinfo=UTC)
NEW = "Invites States to present their views to the Secretariat;"


def _eu_new_paragraph():
    return draft_amendment(ZERO, Proposal("OP2", new_paragraph=NEW), id="A1",
                           proponents=["EU"], submitted_at=T0)


def _usa_on(parent, minutes=1, **fields):
    return draft_subamendment(parent, Proposal(parent.id, **fields), id=f"A{minutes + 1}",
                              proponents=["USA"], revision="Zero draft",
                              submitted_at=T0 + timedelta(minutes=minutes))


def test_a_change_to_a_proposed_paragraph_quotes_its_words_and_names_it():
    parent = _eu_new_paragraph()
    sub = _usa_on(parent, replace="present", with_="transmit")
    assert sub.amends == "A1" and sub.paragraph_id == "p2"
    assert NEW[sub.span.start:sub.span.end] == "present" and sub.new_text == "transmit"
    assert subamendment_problems(sub, parent) == []
    assert amended_text(parent, [sub]) == NEW.replace("present", "transmit")


def test_what_cannot_be_amended_is_refused_with_the_reason():
    parent = _eu_new_paragraph()
    with pytest.raises(TextNotFound):
        _usa_on(parent, replace="submit", with_="transmit")  # OP2's words, not the EU's
    sub = _usa_on(parent, replace="present", with_="transmit")
    with pytest.raises(AmendmentError, match="itself an amendment to A1"):
        _usa_on(sub, delete="transmit")
    deletion = draft_amendment(ZERO, Proposal("OP2", delete=" to submit a report"), id="A9",
                               proponents=["EU"])
    with pytest.raises(AmendmentError, match="proposes no words of its own"):
        _usa_on(deletion, delete="report")
    with pytest.raises(AmendmentError, match="EU's own proposal"):
        draft_subamendment(parent, Proposal("A1", delete="their "), id="A5",
                           proponents=["EU"], revision="Zero draft")
    with pytest.raises(AmendmentError, match="only a pending proposal"):
        _usa_on(replace(parent, status=AmendmentStatus.WITHDRAWN), delete="their ")
    with pytest.raises(AmendmentError, match="replaces, deletes or inserts"):
        _usa_on(parent, new_paragraph="Something else;")
    moved = replace(sub, span=replace(sub.span, start=sub.span.start + 1))
    assert subamendment_problems(moved, parent) == [
        "the words it quotes are not where it says in the proposal of EU (A1)"]
    assert "no such amendment" in subamendment_problems(sub, None)[0]


def test_the_compilation_shows_amendments_nested_under_the_proposal_with_both_proponents():
    parent = _eu_new_paragraph()
    usa = _usa_on(parent, replace="present", with_="transmit")
    jpn = replace(_usa_on(parent, minutes=2, insert=" written", after="their"),
                  proponents=("JPN",))
    compilation = merge(DOC, [parent, usa, jpn])
    (new,) = [e for e in compilation.entries if isinstance(e, NewParagraph)]
    (amended,) = new.amended
    assert amended.of.proponents == ("EU",) and amended.text == NEW
    changes = [s for s in amended.segments if isinstance(s, Change)]
    assert [(c.deleted, c.inserted, c.credit.proponents) for c in changes] == [
        ("present", "transmit", ("USA",)), ("", " written", ("JPN",))]
    assert "".join(s.text if isinstance(s, Text) else s.deleted for s in amended.segments) \
        == NEW
    assert not compilation.stale
    text = render_markdown(compilation)
    assert "**OP2 bis** (EU) **Invites States to present their views" in text
    assert ("↳ *Amendments to the proposal of EU (A1):* Invites States to ~~present~~ "
            "**transmit** (USA) their **written** (JPN) views") in text


def test_amendments_to_the_words_of_a_replacement_sit_under_its_paragraph():
    parent = draft_amendment(ZERO, Proposal("OP2", replace="submit a report",
                                            with_="present a comprehensive report"),
                             id="A1", proponents=["EU"], submitted_at=T0)
    sub = _usa_on(parent, delete=" comprehensive")
    (entry,) = [e for e in merge(DOC, [parent, sub]).entries
                if isinstance(e, MergedParagraph) and e.paragraph.id == "p2"]
    (amended,) = entry.amended
    assert amended.text == "present a comprehensive report"
    assert any(isinstance(s, Change) and s.deleted == " comprehensive"
               for s in amended.segments)


def test_an_amendment_whose_proposal_is_not_compiled_is_listed_stale_with_the_reason():
    parent = _eu_new_paragraph()
    sub = _usa_on(parent, replace="present", with_="transmit")
    (stale,) = merge(DOC, [sub]).stale
    assert stale.amendment.id == sub.id and "it amends A1, which is not among" in stale.reason


def test_a_revision_makes_an_accepted_amendment_in_the_accepted_proposal():
    parent = _eu_new_paragraph()
    sub = _usa_on(parent, replace="present", with_="transmit")
    outcome = revise(DOC, [parent, sub], Decisions(accepted=frozenset({"A1", "A2"})),
                     label="Rev.1")
    assert [p.text for p in outcome.revision] == [
        ZERO.paragraphs[0].text, ZERO.paragraphs[1].text, NEW.replace("present", "transmit")]
    status = {a.id: a for a in outcome.amendments}
    assert status["A1"].status is AmendmentStatus.ACCEPTED
    assert status["A1"].new_text == NEW  # the EU's proposal is kept as it was made
    assert status["A2"].status is AmendmentStatus.ACCEPTED
    assert outcome.no_effect == {}


def test_an_accepted_amendment_to_an_undecided_proposal_stops_the_revision():
    parent = _eu_new_paragraph()
    sub = _usa_on(parent, replace="present", with_="transmit")
    with pytest.raises(AmendmentError, match="A1, the proposal it amends, is not decided"):
        revise(DOC, [parent, sub], Decisions(accepted=frozenset({"A2"})), label="Rev.1")


def test_pending_amendments_follow_their_proposal_or_go_stale_with_it():
    parent = _eu_new_paragraph()
    sub = _usa_on(parent, replace="present", with_="transmit")
    pending = revise(DOC, [parent, sub], Decisions(), label="Rev.1")
    moved = {a.id: a for a in pending.amendments}
    assert moved["A2"].status is AmendmentStatus.SUBMITTED
    assert moved["A2"].revision == "Rev.1" and moved["A2"].amends == "A1"
    rejected = revise(DOC, [parent, sub], Decisions(rejected=frozenset({"A1"})), label="Rev.1")
    after = {a.id: a for a in rejected.amendments}
    assert after["A2"].status is AmendmentStatus.STALE
    assert any("the proposal it amends, A1, is rejected" in s.reason for s in rejected.stale)
    # the rules of procedure: a sub-amendment adopted, the proposal as amended rejected
    both = revise(DOC, [parent, sub], Decisions(accepted=frozenset({"A2"}),
                                                rejected=frozenset({"A1"})), label="Rev.1")
    assert [p.text for p in both.revision] == [p.text for p in ZERO]
    assert both.no_effect == {"A2": "the proposal it amends, A1, is rejected; none of its "
                                    "words are in the text, so it has no effect"}


@pytest.mark.parametrize(("given", "said"), [
    ([], "withdrawn or stale"),  # as the store gives it: no withdrawn proposal
    ([AmendmentStatus.WITHDRAWN], "withdrawn"),
])
def test_an_accepted_amendment_to_a_withdrawn_proposal_is_named_as_without_effect(given, said):
    """The proposal withdrawn once the amendment to it was accepted: the revision had
    issued without it and without a word, the amendment still listed as accepted."""
    parent = _eu_new_paragraph()
    sub = replace(_usa_on(parent, replace="present", with_="transmit"),
                  status=AmendmentStatus.ACCEPTED)
    amendments = [replace(parent, status=status) for status in given] + [sub]
    outcome = revise(DOC, amendments, Decisions(accepted=frozenset({"A2"})), label="Rev.1")
    assert [p.text for p in outcome.revision] == [p.text for p in ZERO]
    assert outcome.no_effect == {"A2": f"the proposal it amends, A1, is {said}; none of its "
                                       "words are in the text, so it has no effect"}


def test_overlapping_accepted_amendments_to_one_proposal_are_refused():
    parent = _eu_new_paragraph()
    one = _usa_on(parent, replace="present their views", with_="report")
    two = replace(_usa_on(parent, minutes=2, replace="views", with_="opinions"),
                  proponents=("JPN",))
    with pytest.raises(AmendmentError, match="change the same words"):
        amended_text(parent, [one, two])


def test_a_proposed_paragraph_is_found_by_its_compiled_label_or_its_id():
    parent = _eu_new_paragraph()
    assert parent_of("OP2 bis", DOC, [parent]) == parent
    assert parent_of("op2bis", DOC, [parent]) == parent
    assert parent_of("a1", DOC, [parent]) == parent
    assert parent_of("OP2", DOC, [parent]) is None  # a paragraph of the text
    with pytest.raises(AmendmentError, match="no pending proposal with this id"):
        parent_of("A7", DOC, [parent])


def test_the_positions_name_who_amends_a_proposal_on_its_paragraph():
    """JPN amending the EU's replacement, and USA the EU's new paragraph, were left out
    of `positions` (shown in the compilation)."""
    from drafting.engine.positions import positions

    replacement = draft_amendment(ZERO, Proposal("OP2", replace="submit a report",
                                                 with_="present a report"), id="A3",
                                  proponents=["EU"], submitted_at=T0)
    parent = _eu_new_paragraph()
    usa = _usa_on(parent, replace="present", with_="transmit")
    jpn = replace(_usa_on(replacement, minutes=3, replace="present", with_="submit orally"),
                  proponents=("JPN",))
    matrix = positions(merge(DOC, [parent, replacement, usa, jpn]))
    cells = {row.label: dict(row.cells) for row in matrix.rows}
    assert cells["OP2"] == {"EU": "proposed", "JPN": "proposed"}
    assert cells["OP2 bis"] == {"EU": "proposed", "USA": "proposed"}
    assert matrix.delegations == ("EU", "JPN", "USA")


def test_words_put_before_a_proposed_paragraph_may_not_open_as_a_numbered_paragraph():
    parent = _eu_new_paragraph()  # its words open a line: the new paragraph's
    with pytest.raises(AmendmentError, match=r"character 0: the line '12\. \.\.\.' starts with a "
                                             "number as the text's own paragraphs do"):
        _usa_on(parent, insert="12.\tDecides to act now;\n", before="Invites")


def test_a_number_inserted_inside_a_proposals_words_is_recorded():
    parent = draft_amendment(ZERO, Proposal("OP1", replace="a meeting", with_="a session"),
                             id="A1", proponents=["EU"], submitted_at=T0)
    sub = _usa_on(parent, insert="3. ", before="session")  # mid-sentence: no line opens
    assert amended_text(parent, [sub]) == "a 3. session"


def _new_paragraph(id, code, text, minutes=0):
    return draft_amendment(ZERO, Proposal("OP2", new_paragraph=text), id=id,
                           proponents=[code], submitted_at=T0 + timedelta(minutes=minutes))


def test_a_label_that_named_a_withdrawn_proposal_is_refused_naming_both():
    """Finding 2 of probe 16: once the EU's OP2 bis was withdrawn, "OP2 bis" named the
    USA's paragraph (OP2 ter in the compilation circulated) and Japan's amendment landed
    on it."""
    eu = _new_paragraph("A1", "EU", NEW)
    usa = _new_paragraph("A2", "USA", "Invites States to present market access data;", 1)
    assert parent_of("OP2 bis", DOC, [eu, usa]) == eu  # nothing changed: as compiled
    assert parent_of("OP2 ter", DOC, [eu, usa]) == usa
    withdrawn = [replace(eu, status=AmendmentStatus.WITHDRAWN), usa]
    with pytest.raises(AmendmentError, match=r"OP2 bis: the compilation gave this label to "
                       r"the proposal of EU \(A1\), withdrawn since; it now names the "
                       r"proposal of USA \(A2\): .* by its id \(A2\)"):
        parent_of("OP2 bis", DOC, withdrawn)
    with pytest.raises(AmendmentError, match=r"proposal of USA \(A2\), whose label has "
                       r"changed since; .* by its id \(A2\)"):
        parent_of("OP2 ter", DOC, withdrawn)
    assert parent_of("A2", DOC, withdrawn) == usa
    rejected = [replace(eu, status=AmendmentStatus.REJECTED)]
    with pytest.raises(AmendmentError, match="rejected since; no pending proposal"):
        parent_of("OP2 bis", DOC, rejected)


def test_a_label_taken_by_a_proposal_recorded_later_but_dated_earlier_is_refused():
    """Finding 6 of probe 17: the USA's paragraph (A2), recorded after the EU's (A1) by a
    machine whose clock was slow, sorted first and took "OP2 bis", which the compilation
    circulated before had given the EU's; Japan's amendment landed on the USA's words."""
    eu = _new_paragraph("A1", "EU", NEW, 1)
    usa = _new_paragraph("A2", "USA", "Invites States to present market access data;")
    with pytest.raises(AmendmentError, match=r"^OP2 bis: the compilation gave this label to "
                       r"the proposal of EU \(A1\); it now names the proposal of USA \(A2\), "
                       r"recorded after it but dated earlier: name the proposal you amend by "
                       r"its id \(A1 or A2\) instead of the label$"):
        parent_of("OP2 bis", DOC, [eu, usa])
    assert parent_of("OP2 ter", DOC, [eu, usa]) == eu  # a label no one had before
    assert parent_of("A2", DOC, [eu, usa]) == usa
    in_order = _new_paragraph("A2", "USA", "Invites States to present market access data;", 2)
    assert parent_of("OP2 bis", DOC, [eu, in_order]) == eu
    assert parent_of("OP2 ter", DOC, [eu, in_order]) == in_order


def test_a_label_of_identical_proposals_still_names_the_one_left():
    eu = _new_paragraph("A1", "EU", NEW)
    usa = _new_paragraph("A2", "USA", NEW, 1)  # compiled once: OP2 bis (EU, USA)
    assert parent_of("OP2 bis", DOC, [replace(eu, status=AmendmentStatus.WITHDRAWN),
                                      usa]) == usa


def _same_replacement(id, code, minutes=0, words="present a report"):
    return draft_amendment(ZERO, Proposal("OP2", replace="submit a report", with_=words),
                           id=id, proponents=[code],
                           submitted_at=T0 + timedelta(minutes=minutes))


def test_an_amendment_to_identical_proposals_follows_the_one_left_when_one_is_withdrawn():
    """Finding 4 of probe 16: the compilation showed EU's and USA's identical proposals
    once, "(EU, USA)"; JPN amended it (A3, on A1); the EU withdrew A1 and JPN's amendment
    went stale, though the USA's A2 still proposed the same words."""
    from drafting.engine.subamend import as_recorded, followed

    eu, usa = _same_replacement("A1", "EU"), _same_replacement("A2", "USA", 1)
    jpn = draft_subamendment(eu, Proposal("A1", replace="present", with_="transmit"),
                             id="A3", proponents=["JPN"], revision="Zero draft",
                             submitted_at=T0 + timedelta(minutes=2))
    gone = replace(eu, status=AmendmentStatus.WITHDRAWN)
    now = followed(DOC, [gone, usa, jpn])
    assert now[2].amends == "A2" and now[:2] == [gone, usa]
    compiled = merge(DOC, [usa, now[2]])
    assert compiled.stale == ()
    assert "Amendment to the proposal of USA (A2):" in render_markdown(compiled)
    moved = as_recorded(revise(DOC, now, Decisions(), label="Rev.1"), [gone, usa, jpn])
    after = {a.id: a for a in moved.amendments}
    assert after["A3"].status is AmendmentStatus.SUBMITTED and after["A3"].amends == "A1"
    rev1 = Document("A/1", "Fisheries", (ZERO, moved.revision))
    carried = followed(rev1, [gone, *moved.amendments[1:]])
    assert [a.amends for a in carried] == ["", "", "A2"]  # A1 on the zero draft, A2 on Rev.1
    accepted = [carried[0], carried[1], replace(carried[2], status=AmendmentStatus.ACCEPTED)]
    made = revise(rev1, accepted, Decisions(accepted=frozenset({"A2", "A3"})), label="Rev.2")
    assert made.revision.paragraphs[1].text == "Requests the Secretary-General to transmit " \
        "a report;"


def test_an_amendment_follows_no_proposal_of_other_words_and_none_of_its_own_proponent():
    from drafting.engine.subamend import followed

    eu, other = _same_replacement("A1", "EU"), _same_replacement("A2", "USA", 1, "make a report")
    jpn = draft_subamendment(eu, Proposal("A1", replace="present", with_="transmit"),
                             id="A3", proponents=["JPN"], revision="Zero draft")
    own = _same_replacement("A4", "JPN", 3)  # JPN's own copy: it does not amend its own
    gone = replace(eu, status=AmendmentStatus.WITHDRAWN)
    assert followed(DOC, [gone, other, jpn, own])[2].amends == "A1"
    can = _same_replacement("A5", "CAN", 4)  # another delegation's copy: followed
    assert followed(DOC, [gone, other, jpn, own, can])[2].amends == "A5"
    assert "it amends A1, which is not among" in merge(DOC, [other, jpn]).stale[0].reason
