"""A revision is issued on exactly the record it was prepared from, on SQLite and PostgreSQL.

`revise_document` reads the document and its amendments, makes the revision, then stores
it. What another connection records about the document in between (a submission, a
decision, a withdrawal, an agreement) refuses the revision, naming it, with nothing
recorded; issued again, the revision takes it in. The interleaving is deterministic: the
other write is made from the ``step`` callback, just before the revision is stored.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from store_scenario import SMALL, ZERO, amend

from drafting.engine import Decisions, revise
from drafting.model import AmendmentStatus, Delegation, Document, ParagraphStatus
from drafting.store import ConflictError, Store, open_store
from drafting.workflow import revise_document

_S = AmendmentStatus
LATE = "Requests the late proposal of the USA;"


@pytest.fixture
def negotiation(empty_store: Store) -> Store:
    """The small text, EU's accepted OP2 proposal (A1) and USA's pending one on OP3 (A2)."""
    empty_store.add_delegations([Delegation("EU"), Delegation("USA")])
    empty_store.add_document(SMALL)
    empty_store.submit(SMALL.symbol, [amend("EU", "OP2", replace="submit", with_="present")])
    empty_store.decide("A1", "accept")
    empty_store.submit(SMALL.symbol, [amend("USA", "OP3", delete=" [within existing resources]")])
    return empty_store


def _late(store: Store) -> None:
    store.submit(SMALL.symbol, [amend("USA", "OP1", new_paragraph=LATE)])


def _agree(store: Store) -> None:
    store.set_paragraph_status(SMALL.symbol, "p1", ParagraphStatus.AGREED)


WRITES: dict[str, tuple[Callable[[Store], object], str]] = {
    "submit": (_late, "A3 submitted"),
    "decide": (lambda s: s.decide("A2", "reject"), "A2 rejected"),
    "withdraw": (lambda s: s.withdraw("A2", "USA"), "A2 withdrawn"),
    "support": (lambda s: s.support("A2", "EU"), "EU's support of A2 recorded"),
    "agree": (_agree, "PP1 set agreed"),
}


def _meanwhile(url: str, write: Callable[[Store], object]) -> Callable[[str], None]:
    """A `revise_document` step that makes ``write`` through a connection of its own just
    before the revision is stored."""

    def step(said: str) -> None:
        if said.startswith("storing"):
            with open_store(url) as other:
                write(other)
    return step


def _record(store: Store) -> tuple[object, ...]:
    document = store.document(SMALL.symbol)
    return (store.head(), [r.label for r in document.revisions],
            [(a.id, a.status, a.revision, a.span) for a in store.amendments(SMALL.symbol)])


@pytest.mark.parametrize("kind", sorted(WRITES))
def test_a_write_while_revise_runs_refuses_the_revision_and_changes_nothing(
        negotiation, store_url, kind):
    store = negotiation
    write, told = WRITES[kind]
    events = len(store.events())
    with pytest.raises(ConflictError) as refused:
        revise_document(store, SMALL.symbol, "Rev.1", step=_meanwhile(store_url, write))
    assert str(refused.value) == (f"{SMALL.symbol}: the record changed while Rev.1 was "
                                  f"prepared ({told}); nothing was recorded; run revise again")
    assert [r.label for r in store.document(SMALL.symbol).revisions] == ["Zero draft"]
    assert len(store.events()) == events + 1  # the other write only
    assert store.verify().ok
    before = _record(store)
    revise_document(store, SMALL.symbol, "Rev.1")  # run again: issued on the new record
    assert _record(store) != before
    assert [r.label for r in store.document(SMALL.symbol).revisions] == ["Zero draft", "Rev.1"]


def test_the_late_amendment_is_carried_and_later_applied(negotiation, store_url):
    store = negotiation
    with pytest.raises(ConflictError, match=r"\(A3 submitted\)"):
        revise_document(store, SMALL.symbol, "Rev.1", step=_meanwhile(store_url, _late))
    revise_document(store, SMALL.symbol, "Rev.1")
    late = {a.id: a for a in store.amendments(SMALL.symbol)}["A3"]
    assert (late.status, late.revision) == (_S.SUBMITTED, "Rev.1")  # moved on with the rest
    store.decide("A3", "accept")
    revise_document(store, SMALL.symbol, "Rev.2")
    assert LATE in [p.text for p in store.document(SMALL.symbol).current]
    assert store.verify().ok


def test_a_write_about_another_document_does_not_refuse_it(negotiation, store_url):
    other = Document("TEST/2", "Another text", (ZERO,))
    revise_document(negotiation, SMALL.symbol, "Rev.1",
                    step=_meanwhile(store_url, lambda s: s.add_document(other)))
    assert negotiation.document(SMALL.symbol).current.label == "Rev.1"


def test_a_revision_given_the_head_it_was_prepared_on_is_refused_after_any_write(negotiation):
    store = negotiation
    basis = store.head()
    document = store.document(SMALL.symbol)
    outcome = revise(document, store.amendments(SMALL.symbol, statuses={_S.SUBMITTED}),
                     Decisions(), label="Rev.1")
    store.decide("A2", "reject")
    with pytest.raises(ConflictError, match=r"\(A2 rejected\)"):
        store.add_revision(SMALL.symbol, outcome, based_on=basis)
    assert store.document(SMALL.symbol).current.label == "Zero draft"


@pytest.mark.parametrize(("given", "left_out"), [
    ((), "amendments A1, A2"), (("A1",), "amendment A2"), (("A2",), "amendment A1")])
def test_a_revision_on_a_record_that_leaves_out_an_open_amendment_is_refused(
        negotiation, given, left_out):
    store = negotiation  # A1 is accepted on the zero draft, A2 pending: it must speak of both
    basis = store.head()
    chosen = [a for a in store.amendments(SMALL.symbol) if a.id in given]
    decisions = Decisions(accepted=frozenset({"A1"} & set(given)))
    outcome = revise(store.document(SMALL.symbol), chosen, decisions, label="Rev.1")
    with pytest.raises(ConflictError, match=f"leaves out {left_out}, still open or decided "
                       "on Zero draft; nothing was recorded"):
        store.add_revision(SMALL.symbol, outcome, based_on=basis)
    assert store.head() == basis


def test_an_open_amendment_left_behind_is_carried_by_the_next_revision(negotiation):
    store = negotiation  # a revision stored without A2 (through the library, by hand)
    decided = [a for a in store.amendments(SMALL.symbol) if a.id == "A1"]
    outcome = revise(store.document(SMALL.symbol), decided,
                     Decisions(accepted=frozenset({"A1"})), label="Rev.1")
    store.add_revision(SMALL.symbol, outcome)
    behind = {a.id: a for a in store.amendments(SMALL.symbol)}["A2"]
    assert (behind.status, behind.revision) == (_S.SUBMITTED, "Zero draft")
    with pytest.raises(ConflictError, match=r"A2 was made on Zero draft and the current text "
                       r"is Rev\.1, onto which it was never moved"):
        store.decide("A2", "accept")  # no revision would apply it
    revise_document(store, SMALL.symbol, "Rev.2")
    carried = {a.id: a for a in store.amendments(SMALL.symbol)}["A2"]
    assert (carried.status, carried.revision) == (_S.SUBMITTED, "Rev.2")
    store.decide("A2", "accept")
    revise_document(store, SMALL.symbol, "Rev.3")
    assert "within existing resources" not in store.document(SMALL.symbol).current.by_id(
        "p4").text
