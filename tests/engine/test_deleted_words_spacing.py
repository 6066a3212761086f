"""Words deleted leave no space before a closing mark (, ; : . )) nor at the end of the
paragraph, once the deletion is accepted: "resolution [within existing resources];"
without its bracket is "resolution;", never "resolution ;". A bracket a
delegation deleted alone is taken out as it asked, and nothing else."""

from __future__ import annotations

from dataclasses import replace

import pytest

from drafting.engine.amend import Proposal, draft_amendment
from drafting.engine.merge import merge
from drafting.engine.revise import Decisions, revise
from drafting.engine.segments import Alternatives, Change
from drafting.model import Document, Paragraph, ParagraphKind, Revision, Span

OP = ParagraphKind.OPERATIVE


def _revised(text: str, **proposal: str) -> str:
    zero = Revision("Zero draft", (Paragraph("o1", "OP1", OP, text),))
    amendment = draft_amendment(zero, Proposal("OP1", **proposal), id="A1", proponents=["EU"])
    outcome = revise(Document("A/C.2/81/L.99", "Oceans", (zero,)), [amendment],
                     Decisions(accepted=frozenset({"A1"})), label="Rev.1")
    return outcome.revision.paragraphs[0].text


@pytest.mark.parametrize(("text", "deleted", "made"), [
    ("Requests a report on the present resolution [within existing resources];",
     "[within existing resources]",
     "Requests a report on the present resolution;"),
    ("Decides to act within the regular budget [within existing resources]; and to report;",
     "[within existing resources]",
     "Decides to act within the regular budget; and to report;"),
    ("Requests a report on the present resolution [within existing resources];",
     " [within existing resources]",
     "Requests a report on the present resolution;"),
    ("Invites States to act, as appropriate, in 2027;", "as appropriate",
     "Invites States to act,, in 2027;"),
    ("Decides to meet in New York (in [early] 2027) and to act.", "2027",
     "Decides to meet in New York (in [early]) and to act."),
    ("Decides to meet in New York [in 2027], and to act.", "[in 2027]",
     "Decides to meet in New York, and to act."),
    ("Decides to meet in New York and report: a summary [of progress]", "[of progress]",
     "Decides to meet in New York and report: a summary"),
    ("Decides to meet and to report on [the] progress made [annually].", "[annually]",
     "Decides to meet and to report on [the] progress made."),
])
def test_deleted_words_leave_no_space_before_a_closing_mark(text, deleted, made):
    assert _revised(text, delete=deleted) == made


def test_a_bracket_and_the_space_before_it_struck_apart_leave_the_closing_mark():
    """A copy's tracked deletion of " [within existing resources]" read as two (the space,
    then the bracket): accepted together, the bracket's took the space and the space's
    then took the semicolon ("present resolution")."""
    text = "Requests a report on the present resolution [within existing resources];"
    zero = Revision("Zero draft", (Paragraph("o1", "OP1", OP, text),))
    whole = draft_amendment(zero, Proposal("OP1", delete=" [within existing resources]"),
                            id="A1", proponents=["EU"])
    at = text.index(" [")
    space = replace(whole, span=Span(at, at + 1), old_text=" ")
    bracket = replace(whole, id="A2", span=Span(at + 1, text.index(";")),
                      old_text="[within existing resources]")
    outcome = revise(Document("A/C.2/81/L.99", "Oceans", (zero,)), [space, bracket],
                     Decisions(accepted=frozenset({"A1", "A2"})), label="Rev.1")
    assert outcome.revision.paragraphs[0].text == "Requests a report on the present resolution;"


def test_a_stray_bracket_deleted_alone_leaves_the_space_before_it():
    """The paragraph's own unbalanced "]" (an official text read as written): deleted,
    only it goes; the delegation did not ask for the space before it."""
    text = "Requests a report on progress ]; and to act;"
    assert _revised(text, delete="]") == "Requests a report on progress ; and to act;"


def test_brackets_lifted_keep_the_words_and_their_spacing():
    text = "Requests a report on the present resolution [within existing resources];"
    assert _revised(text, replace="[within existing resources]",
                    with_="within existing resources") == \
        "Requests a report on the present resolution within existing resources;"


MEETING = "Decides to convene a one-day high-level meeting on fisheries;"


def _both(deleted: dict[str, str], inserted: dict[str, str]) -> tuple[str, tuple]:
    """OP1 of Rev.1 with both proposals accepted, and the merge's segments of them."""
    zero = Revision("Zero draft", (Paragraph("o1", "OP1", OP, MEETING),))
    a = draft_amendment(zero, Proposal("OP1", **deleted), id="A1", proponents=["EU"])
    b = draft_amendment(zero, Proposal("OP1", **inserted), id="A2", proponents=["USA"])
    document = Document("A/C.2/81/L.99", "Oceans", (zero,))
    segments = merge(document, [a, b]).entries[0].segments
    outcome = revise(document, [a, b], Decisions(accepted=frozenset({"A1", "A2"})),
                     label="Rev.1")
    return outcome.revision.paragraphs[0].text, segments


@pytest.mark.parametrize("deleted", ["one-day ", "one-day", " one-day"])
@pytest.mark.parametrize("inserted", [{"insert": " two-week", "after": "one-day"},
                                      {"insert": "two-week ", "before": "high-level"}])
def test_a_word_deleted_and_words_put_before_the_next_both_stand(deleted, inserted):
    """One delegation strikes "one-day" (with its space, or the one before), another
    puts "two-week" before "high-level" (typed after "one-day" with its space): not
    rivals; both accepted, one space between each word."""
    made, segments = _both({"delete": deleted}, inserted)
    assert made == "Decides to convene a two-week high-level meeting on fisheries;"
    assert not any(isinstance(segment, Alternatives) for segment in segments)
    changes = [s for s in segments if isinstance(s, Change)]
    assert [c.deleted.strip() for c in changes] == ["one-day", ""]
    assert [c.inserted.strip() for c in changes] == ["", "two-week"]
