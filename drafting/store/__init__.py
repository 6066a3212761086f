"""The store: documents, delegations, amendments and a tamper-evident record of every change.

``open_store(url)`` gives a `Store` over SQLite (the default, ``sqlite:///drafting.db``)
or PostgreSQL; ``Store.init()`` creates or upgrades it. The store takes and gives the
model's dataclasses; the engine does the work, the store keeps it.
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
from drafting.store.sources import MAX_SOURCE_BYTES, SourceInfo
from drafting.store.store import Store, init_store, open_store
from drafting.store.submissions import SubmitResult
from drafting.store.verify import Mismatch, VerifyReport

__all__ = [
    "MAX_SOURCE_BYTES",
    "SECRETARIAT",
    "AccessError",
    "ConflictError",
    "Event",
    "EventKind",
    "Mismatch",
    "NotFoundError",
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
