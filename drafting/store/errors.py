"""Errors the store raises; all are DraftingErrors, so one ``except`` still catches everything::

    DraftingError
    └── StoreError                anything the store refuses or cannot do
        ├── SchemaError           no store yet, or one made by another version of drafting
        ├── NotFoundError         an unknown document, revision, paragraph, delegation
        │                         or amendment (the message lists what is known)
        ├── ConflictError         a write that contradicts the record: a symbol or code that
        │                         exists, a superseded revision, a withdrawn or decided
        │                         amendment, a withdrawal by someone who is not a proponent
        └── AccessError           a store that requires tokens was not given the right one
                                  (none, unknown, revoked, or another's); the refusal alone
                                  is recorded

Database faults (a locked file, a lost connection, a violated constraint) are
wrapped in a plain StoreError whose message says what to try; the original
exception is kept as ``__cause__``.
"""

from __future__ import annotations

from drafting.errors import DraftingError


class StoreError(DraftingError):
    """The store refused or could not do what was asked; nothing was changed."""


class SchemaError(StoreError):
    """The database holds no store yet, or one made by another version of drafting.

    The message names the command that fixes it (``drafting init``, or an upgrade
    of drafting itself).
    """


class NotFoundError(StoreError):
    """Something named is not in the store."""


class RecordMismatch(StoreError):
    """The store's rows or log do not match its record (what `drafting verify` checks):
    changed behind drafting's back. Nothing is issued from it."""


class ConflictError(StoreError):
    """A write that would contradict what is already recorded."""


class AccessError(StoreError):
    """The write needs a token this store accepts for it; nothing but the refusal was
    recorded. The message says whose token is needed, never the token given."""
