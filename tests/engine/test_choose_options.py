"""`revise --choose` where amendments add to or edit the alternatives: an alternative typed
beside a bracket ("[in 2027 / in 2028]" + " [in 2030]") is one of its group's, to choose;
an accepted edit of an option not chosen ("Option 2" edited, "Option 3" chosen) is moot."""

from __future__ import annotations

from dataclasses import replace

from drafting.bracket_choices import bracket_decisions
from drafting.engine.amend import Proposal, draft_amendment
from drafting.engine.revise import Decisions, revise
from drafting.model import AmendmentStatus, Document, Paragraph, ParagraphKind, Revision

OP = ParagraphKind.OPERATIVE
OPTIONS = ("[Decides to continue its consideration;][Decides to hold a dialogue;]"
           "[Decides to convene a conference;]")
ZERO = Revision("Zero draft", (
    Paragraph("p1", "OP1", OP, "Decides to hold the meeting [in 2027 / in 2028] in Geneva;"),
    Paragraph("p2", "OP2", OP, OPTIONS),
))
DOC = Document("A/1", "Oceans", (ZERO,))


def _proposal(code: str, n: int, **fields: object):
    return draft_amendment(ZERO, Proposal(**fields), id=f"{code}-{n}", proponents=[code])


def _revise(amendments, choose, accepted=()):
    decided = bracket_decisions(ZERO, choose=choose, proposals=amendments)
    return revise(DOC, amendments, Decisions(accepted=frozenset(accepted),
                                             brackets=tuple(decided)), label="Rev.1")


def test_an_alternative_typed_beside_a_bracket_is_chosen_pending_or_accepted():
    beside = _proposal("USA", 1, paragraph="OP1", insert=" [in 2030]",
                       after="[in 2027 / in 2028]")
    outcome = _revise([beside], ["OP1=in 2030"])  # pending: accepted with the choice
    assert outcome.revision.by_label("OP1").text == "Decides to hold the meeting in 2030 in Geneva;"
    assert outcome.settled == {"USA-1": "OP1: 'in 2030' chosen"}
    accepted = replace(beside, status=AmendmentStatus.ACCEPTED)
    outcome = _revise([accepted], ["OP1=in 2030"], accepted=["USA-1"])
    assert outcome.revision.by_label("OP1").text == "Decides to hold the meeting in 2030 in Geneva;"
    before = _proposal("USA", 2, paragraph="OP1", insert="[in 2026] ", before="[in 2027")
    outcome = _revise([before], ["OP1=in 2026"])
    assert outcome.revision.by_label("OP1").text == "Decides to hold the meeting in 2026 in Geneva;"


def test_an_accepted_alternative_typed_beside_a_bracket_is_moot_when_another_is_chosen():
    beside = _proposal("USA", 3, paragraph="OP1", insert=" [in 2030]",
                       after="[in 2027 / in 2028]")
    outcome = _revise([beside], ["OP1=in 2027"], accepted=["USA-3"])
    assert outcome.revision.by_label("OP1").text == "Decides to hold the meeting in 2027 in Geneva;"
    assert outcome.moot == {"USA-3": "OP1: the alternative it adds, [in 2030], was not chosen; "
                                     "it has no effect"}


def test_choosing_option_3_makes_an_accepted_edit_of_option_2_moot():
    edit = _proposal("EU", 4, paragraph="OP2", replace="hold a dialogue",
                     with_="hold an informal dialogue")
    outcome = _revise([edit], ["OP2=Decides to convene a conference;"], accepted=["EU-4"])
    assert outcome.revision.by_label("OP2").text == "Decides to convene a conference;"
    assert outcome.moot == {"EU-4": "OP2: the alternative it changes, 'Decides to hold a "
                                    "dialogue;', was not chosen; it has no effect"}
    (kept,) = outcome.amendments
    assert kept.status is AmendmentStatus.ACCEPTED  # the decision stands, in the record
    chosen = _revise([edit], ["OP2=Decides to hold a dialogue;"], accepted=["EU-4"])
    assert chosen.revision.by_label("OP2").text == "Decides to hold an informal dialogue;"
    assert chosen.moot == {}
