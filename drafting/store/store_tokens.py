"""Who may write to a store: requiring tokens, issuing, rotating and revoking them, and
the PostgreSQL roles that hold each delegation to its own amendments. `Store` takes these
methods from `TokenKeeping`."""

from __future__ import annotations

from contextlib import AbstractContextManager
from typing import TYPE_CHECKING

from drafting.store import access, names, postgres_roles
from drafting.store.access import SECRETARIAT, Need, TokenInfo
from drafting.store.chain import EventKind
from drafting.store.errors import StoreError

if TYPE_CHECKING:
    from sqlalchemy.engine import Connection

    from drafting.store.session import Handed, Write


class TokenKeeping:
    """The token methods of `Store`, which gives them its reads and writes."""

    def _read(self) -> AbstractContextManager[Connection]:
        raise NotImplementedError  # Store's own

    def _write(self, actor: str, need: Need) -> AbstractContextManager[Write]:
        raise NotImplementedError  # Store's own

    @property
    def secure(self) -> bool:
        """True if the store requires tokens to write."""
        with self._read() as connection:
            return access.is_secure(connection)

    def make_secure(self, *, actor: str = "", handed: Handed | None = None) -> dict[str, str]:
        """Require tokens from now on. Issues the secretariat's token and one for each
        delegation already in the store, and returns them by holder (``secretariat``,
        then codes): each is shown this once, and kept only as a salted hash. ``handed``
        is given them before anything is kept, and if it raises, nothing is (`Handed`).
        ConflictError if the store already requires tokens."""
        if self.secure:  # said plainly, whoever asks; the write below checks it again
            raise access.already_secure()
        with self._write(actor, Need("require tokens")) as write:
            tokens, payload = access.make_secure(write.connection, write.at)
            write.record(EventKind.SECURE, None, payload)
            write.hand_over(tokens, handed)
            return tokens

    def rotate_token(self, holder: str, *, actor: str = "", handed: Handed | None = None,
                     ) -> str:
        """A new token for ``holder`` (a delegation's code, or ``secretariat``); the one
        it had stops working. The secretariat's token is needed. Returns the new token
        (shown once). Also issues a first token to a delegation that has none. ``handed``
        is given it (``{holder: token}``) before it is kept; if it raises, nothing is
        recorded and the old token still works (`Handed`)."""
        names.check_line("the holder", holder)
        with self._write(actor, Need("rotate tokens")) as write:
            access.check_holder(write.connection, holder)
            revoked = access.revoke(write.connection, holder, write.at)
            token, issued = access.issue(write.connection, holder, write.at)
            write.record(EventKind.TOKEN, None, {"holder": holder, "issued": issued,
                                                 "revoked": revoked})
            write.hand_over({holder: token}, handed)
            return token

    def revoke_token(self, holder: str, *, actor: str = "") -> list[str]:
        """Stop the token of delegation ``holder`` (the secretariat's token is needed);
        returns the ids of the tokens stopped (none, and nothing recorded, if it had
        none). The secretariat's own token is rotated, never revoked: that would leave
        no one able to manage the store."""
        if holder == SECRETARIAT:
            raise StoreError("the secretariat's token cannot be revoked, or no one could "
                             "manage the store: rotate it instead (drafting token rotate "
                             "secretariat)")
        names.check_line("the holder", holder)
        with self._write(actor, Need("revoke tokens")) as write:
            access.check_holder(write.connection, holder)
            revoked = access.revoke(write.connection, holder, write.at)
            if revoked:
                write.record(EventKind.TOKEN, None, {"holder": holder, "issued": None,
                                                     "revoked": revoked})
            return revoked

    def tokens(self) -> list[TokenInfo]:
        """Every token issued, live or not, oldest first: holder, id and dates (the
        tokens themselves are not kept)."""
        with self._read() as connection:
            return access.token_list(connection)

    def delegation_roles_sql(self, prefix: str = postgres_roles.PREFIX) -> str:
        """The SQL that gives each delegation its own PostgreSQL role (``<prefix><code>``)
        which can add and withdraw only that delegation's amendments: see
        `drafting.store.postgres_roles`. StoreError on SQLite, or for a store that does
        not require tokens."""
        with self._read() as connection:
            return postgres_roles.script(connection, prefix)

    def grant_delegation_roles(self, prefix: str = postgres_roles.PREFIX, *,
                               actor: str = "") -> dict[str, str]:
        """Run `delegation_roles_sql` (as the store's owner, with the secretariat's token);
        returns each delegation's role name, by code. Safe to run again, e.g. after
        adding delegations or upgrading the store."""
        with self._write(actor, Need("set up database roles")) as write:
            return postgres_roles.apply(write.connection, prefix)
