"""Revise: accepted decisions that cannot all take effect are refused, naming them; an
agreed paragraph whose text changes is open again; no paragraph past the length limit;
a deletion leaves no double space."""

from datetime import UTC, datetime, timedelta

import pytest

from drafting.engine.amend import Proposal, draft_amendment
from drafting.engine.revise import BracketAction, BracketDecision, Decisions, revise
from drafting.errors import AmendmentError
from drafting.limits import MAX_PARAGRAPH_CHARS
from drafting.model import Document, Paragraph, ParagraphKind, ParagraphStatus, Revision

OP = ParagraphKind.OPERATIVE
ZERO = Revision("Zero draft", (
    Paragraph("p1", "OP1", OP, "Calls upon States, as appropriate, to act;"),
    Paragraph("p2", "OP2", OP, "Invites States to become parties to the Agreement;"),
    Paragraph("p3", "OP3", OP, "Encourages communities and their organizations in fisheries;"),
    Paragraph("p4", "OP4", OP, "Decides to meet [in 2027 / in 2028];"),
))
DOC = Document("A/1", "Fisheries", (ZERO,))
T0 = datetime(2026, 11, 2, 10, 0, tzinfo=UTC)
_count = iter(range(1, 1000))


def proposal(code: str = "EU", **fields):
    n = next(_count)
    return draft_amendment(ZERO, Proposal(**fields), id=f"A{n}", proponents=[code],
                           submitted_at=T0 + timedelta(minutes=n))


def issue(*accepted, agreed=None, brackets=()):
    decisions = Decisions(accepted=frozenset(a.id for a in accepted), brackets=brackets,
                          agreed=agreed or {})
    return revise(DOC, list(accepted), decisions, label="Rev.1")


def test_a_deletion_accepted_beside_other_changes_of_the_paragraph_is_refused():
    gone = proposal("USA", paragraph="OP2", delete_paragraph=True)
    alt = proposal("AOSIS", paragraph="OP2", alternative="Invites WTO members to accept it;")
    urges = proposal(paragraph="OP2", replace="Invites", with_="Urges")
    with pytest.raises(AmendmentError) as refused:
        issue(gone, alt, urges)
    assert refused.value.message == (
        f"OP2: accepted amendments {gone.id} (delete the paragraph) and {alt.id}, {urges.id} "
        f"cannot all be applied; reopen one (drafting decide {alt.id} reopen --note \"...\")")


def test_a_retain_accepted_beside_a_change_or_a_deletion_is_refused():
    keep = proposal("G77", paragraph="OP1", retain=True)
    cut = proposal("USA", paragraph="OP1", delete=", as appropriate,")
    with pytest.raises(AmendmentError, match=rf"OP1: accepted amendments {keep.id} \(retain "
                       rf"the paragraph as it stands\) and {cut.id} cannot all be applied"):
        issue(keep, cut)
    gone = proposal("USA", paragraph="OP1", delete_paragraph=True)
    with pytest.raises(AmendmentError, match=rf"{gone.id} \(delete the paragraph\) and "
                       rf"{keep.id} cannot"):
        issue(keep, gone)


def test_every_paragraph_in_conflict_is_named_at_once():
    keep = proposal("G77", paragraph="OP1", retain=True)
    cut = proposal("USA", paragraph="OP1", delete=", as appropriate,")
    gone = proposal("USA", paragraph="OP2", delete_paragraph=True)
    urges = proposal(paragraph="OP2", replace="Invites", with_="Urges")
    with pytest.raises(AmendmentError, match=rf"^OP1: .*{cut.id} cannot.*; OP2: .*{gone.id} "
                       rf"\(delete the paragraph\) and {urges.id} cannot"):
        issue(keep, cut, gone, urges)


def test_decisions_that_can_all_stand_are_applied():
    keep = proposal("G77", paragraph="OP1", retain=True)
    gone = proposal("USA", paragraph="OP2", delete_paragraph=True)
    again = proposal("JPN", paragraph="OP2", delete_paragraph=True)
    new = proposal(paragraph="OP2", new_paragraph="Decides to act;")
    outcome = issue(keep, gone, again, new)
    assert [(p.label, p.text) for p in outcome.revision] == [
        ("OP1", "Calls upon States, as appropriate, to act;"),
        ("OP2", "Decides to act;"),
        ("OP3", ZERO.paragraphs[2].text),
        ("OP4", ZERO.paragraphs[3].text),
    ]


def test_an_agreed_paragraph_changed_by_an_accepted_amendment_is_open_again():
    urges = proposal(paragraph="OP2", replace="Invites", with_="Urges")
    keep = proposal("G77", paragraph="OP1", retain=True)
    agreed = {"p1": ParagraphStatus.AGREED, "p2": ParagraphStatus.AGREED_AD_REF,
              "p4": ParagraphStatus.AGREED}
    settle = (BracketDecision("p4", 0, BracketAction.CHOOSE, alternative=1),)
    outcome = issue(urges, keep, agreed=agreed, brackets=settle)
    status = {p.label: p.status for p in outcome.revision}
    assert status["OP2"] is ParagraphStatus.OPEN  # agreed on the old text
    assert status["OP1"] is ParagraphStatus.AGREED  # a retain changes nothing
    assert status["OP4"] is ParagraphStatus.AGREED  # its brackets settled with it
    assert outcome.reopened == ("OP2",)


def test_a_paragraph_made_longer_than_the_limit_is_refused():
    half = "x" * (MAX_PARAGRAPH_CHARS // 2)
    first = proposal(paragraph="OP2", replace="Invites", with_=half)
    second = proposal("USA", paragraph="OP2", replace="Agreement", with_=half)
    with pytest.raises(AmendmentError, match=rf"OP2: the accepted amendments \({first.id}, "
                       rf"{second.id}\) make it 100,0\d\d characters long, more than the "
                       r"100,000 a paragraph may have"):
        issue(first, second)
    assert len(issue(first).revision.by_label("OP2").text) < MAX_PARAGRAPH_CHARS


@pytest.mark.parametrize(("fields", "text"), [
    ({"paragraph": "OP3", "delete": "and their organizations"},
     "Encourages communities in fisheries;"),
    ({"paragraph": "OP3", "delete": " and their organizations"},
     "Encourages communities in fisheries;"),
    ({"paragraph": "OP1", "delete": "as appropriate,"}, "Calls upon States, to act;"),
    ({"paragraph": "OP3", "replace": "their", "with_": "the"},
     "Encourages communities and the organizations in fisheries;"),
])
def test_a_deletion_leaves_one_space_at_its_join(fields, text):
    assert issue(proposal(**fields)).revision.by_label(fields["paragraph"]).text == text


def test_two_deletions_side_by_side_leave_one_space():
    one = proposal(paragraph="OP3", delete="and their")
    two = proposal("USA", paragraph="OP3", delete="organizations")
    assert issue(one, two).revision.by_label("OP3").text == "Encourages communities in fisheries;"
