"""The event chain checked: each event follows the one before and matches its hash, the
head names the last event, and the log still passes through every receipt kept outside
the store (anchors).

The chain alone cannot show a log rewritten whole (every hash and the head recomputed
after changing an event): only a receipt issued before the rewrite can, since the event
of its number no longer has its hash. An event whose row cannot be read (see
`drafting.store.rowcheck`, which names it) is still a link of the chain by its stored
number and hashes; only its content is not hashed again.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from datetime import datetime
from typing import Any, NamedTuple

from sqlalchemy import Connection, select

from drafting.store import tables
from drafting.store.chain import Event, chain_hash
from drafting.store.mismatch import Mismatch
from drafting.store.payloads import utc
from drafting.store.receipts import Receipt
from drafting.store.tables import GENESIS


class Link(NamedTuple):
    """An event as a link of the chain: its number, the hash it follows, its hash."""

    seq: int
    prev_hash: str
    hash: str


def read_links(connection: Connection) -> list[Link]:
    """Every event's number and hashes, in order (columns that always read)."""
    event = tables.events.c
    return [Link(*row) for row in connection.execute(
        select(event.seq, event.prev_hash, event.hash).order_by(event.seq))]


def read_head(connection: Connection) -> Receipt | None:
    """What the chain head row says, or None if the row is missing."""
    head = tables.chain_head.c
    row = connection.execute(select(head.seq, head.hash).where(head.id == 1)).first()
    return None if row is None else Receipt(row.seq, row.hash)


def events_from(rows: Iterable[Mapping[str, Any]]) -> dict[int, Event]:
    """The events of rows of ``events`` read whole, by number; rows that cannot be hashed
    again (a time that is not a time, text that is not text) are left out: the row checks
    name them."""
    return {row["seq"]: Event(row["seq"], utc(row["at"]), row["actor"], row["kind"],
                              row["document"], row["payload"], row["prev_hash"], row["hash"])
            for row in rows if _hashable(row)}


def _hashable(row: Mapping[str, Any]) -> bool:
    return (isinstance(row["at"], datetime) and isinstance(row["seq"], int)
            and all(isinstance(row[name], str) for name in ("actor", "kind", "prev_hash"))
            and isinstance(row["document"], str | None))


def check_chain(links: Sequence[Link], events: Mapping[int, Event],
                head: Receipt | None) -> Iterator[Mismatch]:
    """A changed, missing or reordered event, and a head that does not name the last."""
    previous_seq, previous_hash = 0, GENESIS
    for seq, prev_hash, digest in links:
        event = events.get(seq)
        where = f"event {seq} ({event.kind})" if event is not None else f"event {seq}"
        if seq != previous_seq + 1:
            gap = seq - previous_seq - 1
            more = f", and {gap - 1} more after it" if gap > 1 else ""
            yield Mismatch(f"event {previous_seq + 1}", f"is missing{more}: the log goes from "
                           f"event {previous_seq} to event {seq}", previous_seq + 1)
        elif prev_hash != previous_hash:
            yield Mismatch(where, f"does not follow event {previous_seq}: the hash it chains "
                           "to is not that event's", seq)
        if event is not None and chain_hash(prev_hash, seq, event.at, event.actor, event.kind,
                                            event.document, event.payload) != digest:
            yield Mismatch(where, "its content does not match its hash: it was changed after "
                           "it was recorded", seq)
        previous_seq, previous_hash = seq, digest
    if head is None:
        yield Mismatch("chain head", "the row is missing")
    elif (head.seq, head.hash) != (previous_seq, previous_hash):
        yield Mismatch("chain head", f"it says the log ends at event {head.seq}, but the last "
                       f"event is {previous_seq}: events were removed or changed at the end",
                       head.seq)


def check_anchors(links: Sequence[Link], anchors: Iterable[Receipt]) -> Iterator[Mismatch]:
    """Each receipt the log no longer passes through: the event of its number is gone, or
    has another hash."""
    stored = {link.seq: link.hash for link in links}
    last = links[-1].seq if links else 0
    for anchor in anchors:
        where = f"receipt #{anchor.seq}"
        if anchor.seq == 0:
            if anchor.hash != GENESIS:
                yield Mismatch(where, "every log starts from 64 zeros at number 0; this "
                               "receipt says otherwise, so it is not a receipt of this store")
            continue
        digest = stored.get(anchor.seq)
        if digest is None:
            yield Mismatch(where, f"the log has no event {anchor.seq} (it ends at event "
                           f"{last}): the receipt is of another store, or events were "
                           "removed since it was issued", anchor.seq)
        elif digest != anchor.hash:
            yield Mismatch(where, f"event {anchor.seq} has the hash {digest[:16]}... now, not "
                           f"the receipt's {anchor.hash[:16]}...: the log was rewritten at or "
                           f"before event {anchor.seq} since the receipt was issued (or the "
                           "receipt is of another store)", anchor.seq)
