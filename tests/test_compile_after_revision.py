"""After Rev.1, the merged draft or compilation of what was accepted is this round's: the
amendments accepted for the Zero draft are in Rev.1's text already (they were applied to
it again: "the essential essential role") and those rejected are out of it."""

from __future__ import annotations

from pathlib import Path

from drafting.engine import Proposal
from drafting.store import init_store, open_store
from drafting.workflow import (
    add_delegations,
    compilation_of,
    import_draft,
    prepare_amendment,
    record,
    revise_document,
)

SAMPLE = Path(__file__).parents[1] / "samples" / "zero-draft.md"
SYMBOL = "A/C.2/81/L.7"


def _propose(store, label, proposal, delegation):
    (recorded,) = record(store, SYMBOL, [prepare_amendment(store, SYMBOL, proposal,
                                                           delegation)]).amendments
    return recorded.id


def test_the_accepted_of_this_round_only(tmp_path):
    url = f"sqlite:///{tmp_path / 's.db'}"
    init_store(url)
    with open_store(url) as store:
        import_draft(store, SAMPLE, SYMBOL)
        add_delegations(store, ["EU", "USA"])
        first = store.document(SYMBOL).current
        label = next(p.label for p in first if p.label.startswith("OP"))
        word = next(p for p in first if p.label == label).text.split()[1]
        earlier = _propose(store, label, Proposal(label, insert=" also", after=word), "USA")
        refused = _propose(store, label, Proposal(label, delete_paragraph=True), "EU")
        store.decide(earlier, "accept")
        store.decide(refused, "reject")
        revise_document(store, SYMBOL, "Rev.1")
        now = _propose(store, label, Proposal(label, insert=" further", after=word), "EU")
        store.decide(now, "accept")
        compilation, chosen = compilation_of(store, SYMBOL, statuses=["accepted", "rejected"])
    assert [a.id for a in chosen] == [now]
    assert compilation.revision == "Rev.1"
