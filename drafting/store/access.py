"""Who may write: in a store that requires tokens, the secretariat and each delegation,
each by its own token.

An open store (the default, for one person's laptop) asks for nothing and
ignores tokens. `make_secure` turns a store secure: from then on every write
needs a token (`drafting.store.tokens`), checked in the write's own
transaction:

- the secretariat's token: import, revise, agree, decide, delegation add, tokens;
- a delegation's own token: submit (every amendment's proponents must be that
  delegation alone: a delegation speaks only in its own name; it may name
  supporters) and withdraw (in its own name).

A refused write (no token, a token that is not a token of this store, a
revoked one, or another's) changes nothing of the negotiation: the refusal
alone is recorded, as a ``refused`` event naming the command, who was claimed
and why, never the token. Tokens are issued with each delegation, rotated
(a new one; the old one stops working) and revoked by the secretariat; the
events record each token's id and fingerprint, so `drafting verify` notices a
credential changed behind the library's back.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, Connection, Row, insert, select, update

from drafting.characters import code_twin, twin_said
from drafting.store import tables
from drafting.store.errors import (
    AccessError,
    ConflictError,
    NotFoundError,
    RecordMismatch,
    StoreError,
)
from drafting.store.payloads import stamp, utc
from drafting.store.tokens import DamagedHash, Hashed, matches, new_token, token_id

SECRETARIAT = "secretariat"
"""The holder name of the secretariat's token (no delegation may take this code)."""
SECURE = "secure"
"""The setting that makes a store require tokens (value ``yes``)."""
_HOW = "--token or DRAFTING_TOKEN"


@dataclass(frozen=True, slots=True)
class Need:
    """What a write needs: the token of the holder in ``claimed`` (the secretariat, or a
    delegation; a token is one holder's, so several holders can never all pass).
    ``command`` and ``document`` say what was attempted, for the record of a refusal."""

    command: str
    claimed: tuple[str, ...] = (SECRETARIAT,)
    document: str | None = None


@dataclass(frozen=True, slots=True)
class TokenInfo:
    """A token as `Store.tokens` lists it: never the token, only its id and dates."""

    id: str
    holder: str
    issued_at: datetime
    revoked_at: datetime | None

    @property
    def live(self) -> bool:
        """True while the token works."""
        return self.revoked_at is None


@dataclass(frozen=True, slots=True)
class Refusal:
    """A write refused: the error to raise and the payload of its ``refused`` event."""

    error: AccessError
    payload: dict[str, Any]


def is_secure(connection: Connection) -> bool:
    """True if the store requires tokens."""
    setting = tables.settings.c
    return connection.scalar(select(setting.key).where(setting.key == SECURE)) is not None


def holder_of(row: Row[Any]) -> str:
    """Whose token a credential (a row of ``credentials``) is: a delegation code, or
    `SECRETARIAT`."""
    return row.delegation_code or SECRETARIAT


def _hashed(row: Row[Any]) -> Hashed:
    return Hashed(row.id, row.scheme, row.salt, row.hash)


def _refuse_damaged(connection: Connection, error: Exception,
                    where: ColumnElement[bool] | None) -> None:
    """RecordMismatch naming the row of ``credentials`` (those ``where`` selects) at fault
    if ``error``, raised reading or converting them, comes of a row changed behind
    drafting's back."""
    from drafting.store.damage import refuse_damaged  # not above: its rowcheck imports us

    refuse_damaged(connection, error, [(tables.credentials, where)])


def _check_record(connection: Connection, credential: str | None) -> None:
    """RecordMismatch unless the setting requiring tokens and the token of id
    ``credential`` are as the record says (`drafting.store.verify.verify_access`): a row
    copied or deleted by hand must not let one delegation write as another, or anyone
    write without a token."""
    from drafting.store.verify import verify_access  # not above: verify imports us

    where = None if credential is None else tables.credentials.c.id == credential
    try:
        found = verify_access(connection, credential)
    except Exception as error:
        _refuse_damaged(connection, error, where)
        raise
    if found:
        more = f", and {len(found) - 1} more" if len(found) > 1 else ""
        raise RecordMismatch(
            f"nothing was recorded: who may write is not what the store's record says "
            f"({found[0]}{more}): the store was changed behind drafting's back. Run drafting "
            "verify, and restore the store from a backup")


def _name(holder: str) -> str:
    return "the secretariat" if holder == SECRETARIAT else holder


class Gate:
    """A store's token and the check of it against what each write needs.

    A token whose hash matched once is remembered (its id and hash), so that a
    `Store` used for many writes hashes it once; its row is still read in every
    write, so a token revoked meanwhile stops working at once.
    """

    def __init__(self, token: str | None) -> None:
        self.token = (token or "").strip() or None
        self._matched: set[tuple[str, str]] = set()

    def admit(self, connection: Connection, need: Need) -> tuple[str | None, Refusal | None]:
        """(holder, None) if the write may go ahead (holder None: an open store), else
        (None, the refusal). RecordMismatch where the tokens or the setting that requires
        them are not what the record says (changed behind drafting's back)."""
        if not is_secure(connection):
            _check_record(connection, None)  # the setting deleted by hand: no way in
            return None, None
        row = self._row(connection)  # a row that cannot be checked is refused as such
        _check_record(connection, None if row is None else row.id)
        holder = None if row is None else holder_of(row)
        reason = self._fault(row, need)
        if reason is None:
            return holder, None
        return None, _refusal(need, reason, holder, row)

    def holder(self, connection: Connection) -> str | None:
        """Whose live token this is, in a store that requires tokens (None: an open store, or
        no live token)."""
        if not is_secure(connection):
            return None
        row = self._row(connection)
        return None if row is None or row.revoked_at is not None else holder_of(row)

    def _row(self, connection: Connection) -> Row[Any] | None:
        found = None if self.token is None else token_id(self.token)
        if found is None:
            return None
        mine = tables.credentials.c.id == found
        try:
            row = connection.execute(select(tables.credentials).where(mine)).first()
        except Exception as error:
            _refuse_damaged(connection, error, mine)
            raise
        if row is None:
            return None
        key = (row.id, row.hash)
        if key not in self._matched:
            try:
                if not matches(self.token or "", _hashed(row)):
                    return None
            except DamagedHash as damage:
                raise RecordMismatch(
                    f"the token given cannot be checked: the store's record of it (table "
                    f"credentials, row id {row.id!r}) was changed behind drafting's back "
                    f"({damage}); nothing was recorded: run `drafting verify`, and restore "
                    "the store from a backup or ask the secretariat for a new token") \
                    from damage
            self._matched.add(key)
        return row

    def _fault(self, row: Row[Any] | None, need: Need) -> str | None:
        if row is None:
            return "no token" if self.token is None else "unknown token"
        if row.revoked_at is not None:
            return "revoked token"
        if any(code != holder_of(row) for code in need.claimed):
            return "another's token"
        return None


def _refusal(need: Need, reason: str, holder: str | None, row: Row[Any] | None) -> Refusal:
    wanted = next((c for c in need.claimed if c != holder), None)
    wanted = wanted or (need.claimed[0] if need.claimed else "its proponent")
    if reason == "no token":
        message = (f"this store requires a token to {need.command}: give {_name(wanted)}'s "
                   f"token ({_HOW}); nothing was recorded")
    elif reason == "revoked token" and row is not None and row.revoked_at is not None:
        message = (f"the token given was {_name(holder_of(row))}'s until "
                   f"{utc(row.revoked_at):%Y-%m-%d %H:%M} UTC, when the secretariat replaced "
                   "or revoked it; nothing was recorded: ask the secretariat for the new one")
    elif wanted == SECRETARIAT:
        message = (f"the token given is not the secretariat's token: only the secretariat may "
                   f"{need.command}; nothing was recorded")
    else:
        message = f"the token given is not {wanted}'s token; nothing was recorded"
    payload = {"command": need.command, "claimed": list(need.claimed), "reason": reason,
               "holder": holder}
    return Refusal(AccessError(message), payload)


# Issuing and revoking


def issue(connection: Connection, holder: str, at: datetime) -> tuple[str, dict[str, Any]]:
    """A new token for ``holder``: its row added, the token (to show once) and what the
    event records of it returned."""
    token, hashed = new_token()
    connection.execute(insert(tables.credentials).values(
        id=hashed.id, scheme=hashed.scheme, salt=hashed.salt, hash=hashed.hash, issued_at=at,
        delegation_code=None if holder == SECRETARIAT else holder))
    return token, {"holder": holder, "credential": hashed.id, "fingerprint": hashed.fingerprint}


def revoke(connection: Connection, holder: str, at: datetime) -> list[str]:
    """Stop every live token of ``holder``; returns their ids (oldest first)."""
    code = None if holder == SECRETARIAT else holder
    credential = tables.credentials.c
    revoked = list(connection.scalars(select(credential.id).where(
        credential.delegation_code.is_(None) if code is None
        else credential.delegation_code == code,
        credential.revoked_at.is_(None)).order_by(credential.issued_at, credential.id)))
    if revoked:
        connection.execute(update(tables.credentials).where(credential.id.in_(revoked))
                           .values(revoked_at=at))
    return revoked


def make_secure(connection: Connection, at: datetime) -> tuple[dict[str, str], dict[str, Any]]:
    """Require tokens from now on: the setting, a token for the secretariat and one for
    each delegation already in the store. Returns the tokens by holder and the payload
    of the ``secure`` event. ConflictError if the store already requires tokens."""
    if is_secure(connection):
        raise already_secure()
    connection.execute(insert(tables.settings).values(key=SECURE, value="yes"))
    code = tables.delegations.c.code
    codes = list(connection.scalars(select(code).order_by(code)))
    tokens, issued = {}, []
    for holder in [SECRETARIAT, *codes]:
        tokens[holder], record = issue(connection, holder, at)
        issued.append(record)
    return tokens, {"issued": issued}


def already_secure() -> ConflictError:
    """The error for making secure a store that already is."""
    return ConflictError("the store already requires tokens; no token was issued (to "
                         "replace one: drafting token rotate HOLDER)")


def check_holder(connection: Connection, holder: str) -> None:
    """NotFoundError unless ``holder`` is the secretariat or a delegation in the store;
    ConflictError if the store does not require tokens."""
    if not is_secure(connection):
        raise ConflictError("this store does not require tokens, so it has none to rotate "
                            "or revoke: run `drafting init --secure` to require them")
    code = tables.delegations.c.code
    if holder != SECRETARIAT and connection.scalar(select(code).where(code == holder)) is None:
        twin = code_twin(holder, [SECRETARIAT, *connection.scalars(select(code))])
        hint = (f"it is {twin} {twin_said(holder, twin)}" if twin is not None
                else f"the secretariat's token is '{SECRETARIAT}'")
        raise NotFoundError(f"there is no delegation '{holder}' in the store ({hint})")


def check_reserved(code: str) -> None:
    """StoreError if ``code`` is the name reserved for the secretariat's token."""
    if code.casefold() == SECRETARIAT:
        raise StoreError(f"'{code}' is reserved for the secretariat's token; "
                         "give the delegation another code")


def token_list(connection: Connection) -> list[TokenInfo]:
    """Every token the store has issued (live and revoked), oldest first; those issued
    together, the secretariat's first, then by code."""
    try:
        found = [TokenInfo(row.id, holder_of(row), utc(row.issued_at),
                           None if row.revoked_at is None else utc(row.revoked_at))
                 for row in connection.execute(select(tables.credentials))]
    except Exception as error:
        _refuse_damaged(connection, error, None)
        raise
    return sorted(found, key=lambda t: (t.issued_at, t.holder != SECRETARIAT, t.holder))


# What verify compares


def credentials_kept(connection: Connection, *, skip: Collection[str] = (),
                     only: str | None = None,
                     ) -> dict[str, tuple[str, str, str | None, str | None]]:
    """Each credential but those in ``skip`` (only that of id ``only``, if given) as
    (holder, fingerprint, time issued, time revoked or None), by id."""
    credential = tables.credentials.c
    query = select(credential.id, credential.delegation_code, credential.scheme,
                   credential.salt, credential.hash, credential.issued_at,
                   credential.revoked_at).where(credential.id.not_in(skip))
    if only is not None:
        query = query.where(credential.id == only)
    return {row.id: (holder_of(row), _hashed(row).fingerprint, stamp(row.issued_at),
                     stamp(row.revoked_at)) for row in connection.execute(query)}

