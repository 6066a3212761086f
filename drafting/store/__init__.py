"""The store: documents, delegations, amendments and a tamper-evident record of every change.

``open_store(url)`` gives a `Store` over SQLite (the default, ``sqlite:///drafting.db``)
or PostgreSQL; ``Store.init()`` creates or upgrades it. The store takes and gives the
model's dataclasses; the engine does the work, the store keeps it. Every write's event
comes with a `Receipt` (number and hash) to keep outside the store, and
``Store.verify(anchors)`` checks the log still passes through receipts kept.
"""

from drafting.store.access import SECRETARIAT, TokenInfo
from drafting.store.chain import Event, EventKind
from drafting.store.errors import (
    AccessError,
    ConflictError,
    NotFoundError,
    SchemaError,
    StoreError,
)
from drafting.store.mismatch import Mismatch
from drafting.store.opening import init_store, open_store
from drafting.store.receipts import Receipt
from drafting.store.sources import MAX_SOURCE_BYTES, SourceInfo
from drafting.store.store import Store
from drafting.store.submissions import SubmitResult
from drafting.store.verify import VerifyReport

__all__ = [
    "MAX_SOURCE_BYTES",
    "SECRETARIAT",
    "AccessError",
    "ConflictError",
    "Event",
    "EventKind",
    "Mismatch",
    "NotFoundError",
    "Receipt",
    "SchemaError",
    "SourceInfo",
    "Store",
    "StoreError",
    "SubmitResult",
    "TokenInfo",
    "VerifyReport",
    "init_store",
    "open_store",
]
