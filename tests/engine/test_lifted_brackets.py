"""A proposal to lift a bracket ("[promptly]" -> "promptly", a paragraph bracketed whole
agreed): one amendment, merged as its two brackets struck around words that stay, and
applied beside changes accepted in those words."""

from __future__ import annotations

from drafting import brackets
from drafting.engine.amend import Proposal, draft_amendment
from drafting.engine.merge import merge
from drafting.engine.revise import Decisions, revise
from drafting.engine.segments import Alternatives, Change, Text
from drafting.model import Document, Paragraph, ParagraphKind, Revision
from drafting.wording import describe

OP = ParagraphKind.OPERATIVE
WHOLE = "[Requests the Secretary-General to submit a report;]"
ZERO = Revision("Zero draft", (
    Paragraph("p1", "OP1", OP, "Decides to act [promptly] on [the] recommendations;"),
    Paragraph("p2", "OP2", OP, WHOLE),
))
DOC = Document("A/1", "Oceans", (ZERO,))


def _proposal(code: str, n: int, **fields: object):
    return draft_amendment(ZERO, Proposal(**fields), id=f"{code}-{n}", proponents=[code])


def test_a_bracket_and_its_words_are_lifted_only_whole():
    assert brackets.lifted("[promptly]", "promptly")
    assert brackets.lifted(WHOLE, WHOLE[1:-1])
    assert brackets.lifted("[a [b / c] d]", "a [b / c] d")  # the brackets inside stay
    for old in ("[a / b]", "[a][b]", "[a] [b]", "[a", "a]", "[]"):
        assert not brackets.lifted(old, old[1:-1]), old
    assert not brackets.lifted("[promptly]", "urgently")


def test_a_lift_is_described_as_one_and_merged_as_two_brackets_struck():
    lift = _proposal("EU", 1, paragraph="OP1", replace="[promptly]", with_="promptly")
    whole = _proposal("EU", 2, paragraph="OP2", replace=WHOLE, with_=WHOLE[1:-1])
    assert describe(lift) == "lift the brackets around 'promptly'"
    assert describe(whole, WHOLE) == "lift the brackets of the paragraph"
    first, second = merge(DOC, [lift, whole]).entries
    (change,) = [s for s in first.segments if isinstance(s, Change)]
    assert change.lift and (change.deleted, change.inserted) == ("[promptly]", "promptly")
    assert [type(s) for s in second.segments] == [Change]


def test_a_change_inside_a_lifted_bracket_stands_on_its_words_and_both_apply():
    whole = _proposal("EU", 3, paragraph="OP2", replace=WHOLE, with_=WHOLE[1:-1])
    present = _proposal("USA", 4, paragraph="OP2", replace="submit", with_="present")
    (_, merged) = merge(DOC, [whole, present]).entries
    assert not any(isinstance(s, Alternatives) for s in merged.segments)
    changes = [(s.deleted, s.inserted, s.credit.amendments) for s in merged.segments
               if isinstance(s, Change)]
    assert changes == [("[", "", ("EU-3",)), ("submit", "present", ("USA-4",)),
                       ("]", "", ("EU-3",))]
    assert all(not isinstance(s, Text) or s.text for s in merged.segments)
    outcome = revise(DOC, [whole, present], Decisions(accepted=frozenset({"EU-3", "USA-4"})),
                     label="Rev.1")
    assert outcome.revision.by_label("OP2").text == \
        "Requests the Secretary-General to present a report;"
