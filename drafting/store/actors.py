"""Who acts (``--actor``, ``DRAFTING_ACTOR``): a name kept in the record beside what was
done, never the proponent. Two names are refused before anything is recorded, since the
record is for ever and anyone with the store reads it:

- a token (``drf_...``): the variables swapped by mistake; a token is never written into
  the record, and one kept there would be everyone's to use;
- a delegation's name, as shown (``EU``, ``Jane Doe (EU)``, ``EU_mission``), for the
  secretariat's write (a decision, a revision): the log would read "decide by EU", as if
  the EU had decided; and for a delegation's write (a submission, a withdrawal, a
  support), another delegation's name: the log would read "(entered by USA) by EU", as
  if USA's staff had entered EU's proposal. A name naming the delegation itself, or
  none, or the secretariat ("Secretariat (EU desk)": its staff entering it), stays as
  given.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from typing import TYPE_CHECKING

from drafting.lazy_re import lazy_compile
from drafting.sender_checks import acting_for_other, named_delegation, secretariat_staff
from drafting.store.errors import StoreError

if TYPE_CHECKING:
    from drafting.model import Delegation

_TOKEN = lazy_compile(r"drf_[0-9a-f]{16}_")
"""How every token begins (`drafting.store.tokens`): enough to know one, never kept."""


def check_actor(actor: str, claimed: Collection[str],
                delegations: Callable[[], Sequence[Delegation]], secretariat: str) -> None:
    """StoreError when ``actor`` holds a token, or names a delegation where the write is
    the secretariat's (``claimed`` is ``secretariat`` alone), or, where it is
    delegations', one that is none of them (`drafting.sender_checks.acting_for_other`);
    ``delegations`` gives the store's, asked for only then."""
    if not actor:
        return
    if _TOKEN.search(actor) is not None:
        raise StoreError("who acts (the actor) holds a token (drf_...): a token is never "
                         "written into the record, which anyone with the store reads; "
                         "nothing was recorded: give the token as DRAFTING_TOKEN (or "
                         "--token) and your own name as the actor, and replace that token "
                         "(drafting token rotate), since it was shown")
    if set(claimed) != {secretariat}:
        if (why := acting_for_other(actor, claimed, delegations())) is not None:
            raise StoreError(why)
        return
    if secretariat_staff(actor):  # "Secretariat (EU desk)": the secretariat's own staff
        return
    if (named := named_delegation(actor, "", [d.code for d in delegations()])) is not None:
        raise StoreError(
            f"who acts (the actor) {actor!r} names {named}, a delegation, but this is the "
            f"secretariat's to record: the log would show it done by {named}; nothing was "
            "recorded: give your own name as the actor")
