"""New tokens are kept only once shown: each write that issues tokens (rotating one,
adding delegations to a store that requires tokens, making a store require them) gives
them to the caller's ``handed`` inside the write, before it commits. If that fails (the
command's output is closed or full), nothing is recorded: the old token still works, no
delegation is added, the store still requires no token. It was: the old token revoked
and the new one kept, shown nowhere. SQLite and PostgreSQL."""

from __future__ import annotations

import pytest
from store_scenario import SMALL, amend

from drafting.delegations import AddedDelegations, add_delegations
from drafting.model import Delegation, DelegationKind
from drafting.store import SECRETARIAT, Receipt, open_store


class Unshown(Exception):
    """What a caller raises whose output cannot be written."""


def _fails(*_: object) -> None:
    raise Unshown("standard output is closed")


@pytest.fixture
def secure(empty_store, store_url):
    """A store with EU and the small document, made secure; its tokens."""
    empty_store.add_delegation(Delegation("EU"))
    empty_store.add_document(SMALL)
    return store_url, empty_store.make_secure()


def test_a_rotation_whose_token_cannot_be_shown_changes_nothing(secure):
    url, tokens = secure
    with open_store(url, token=tokens[SECRETARIAT]) as secretariat:
        before = (secretariat.events(), secretariat.tokens())
        with pytest.raises(Unshown):
            secretariat.rotate_token("EU", handed=_fails)
        assert (secretariat.events(), secretariat.tokens()) == before
        assert secretariat.recorded == ()
        shown: list[tuple[dict[str, str], tuple[Receipt, ...]]] = []
        new = secretariat.rotate_token("EU", handed=lambda *given: shown.append(given))
        assert shown == [({"EU": new}, secretariat.receipts)]
        assert secretariat.verify().ok
    with open_store(url, token=new) as eu:  # the token shown is the one that works
        assert eu.submit(SMALL.symbol, [amend("EU", "OP2", replace="submit",
                                              with_="present")]).ids == ("A1",)


def test_the_old_token_still_works_after_a_rotation_that_failed(secure):
    url, tokens = secure
    with open_store(url, token=tokens[SECRETARIAT]) as secretariat, \
            pytest.raises(Unshown):
        secretariat.rotate_token("EU", handed=_fails)
    with open_store(url, token=tokens["EU"]) as eu:
        assert eu.submit(SMALL.symbol, [amend("EU", "OP2", replace="submit",
                                              with_="present")]).ids == ("A1",)


def test_delegations_whose_tokens_cannot_be_shown_are_not_added(secure):
    url, tokens = secure
    with open_store(url, token=tokens[SECRETARIAT]) as secretariat:
        secretariat.add_delegation(Delegation("G77", kind=DelegationKind.GROUP))
        before = (secretariat.events(), secretariat.tokens(), secretariat.delegations())
        with pytest.raises(Unshown):
            add_delegations(secretariat, ["BRA", "CHN"], member_of="G77", handed=_fails)
        assert (secretariat.events(), secretariat.tokens(),
                secretariat.delegations()) == before
        shown: list[AddedDelegations] = []
        added = add_delegations(secretariat, ["BRA", "CHN"], member_of="G77",
                                handed=lambda added, _: shown.append(added))
        assert shown == [added]  # the group as it stands after, tokens and all
        assert added.group is not None and added.group.members == ("BRA", "CHN")
        assert set(added.tokens) == {"BRA", "CHN"}


def test_an_open_store_issues_no_token_and_shows_none(empty_store):
    added = add_delegations(empty_store, ["EU"], handed=_fails)
    assert added.tokens == {} and [d.code for d in empty_store.delegations()] == ["EU"]


def test_a_store_whose_first_tokens_cannot_be_shown_stays_open(empty_store):
    empty_store.add_delegation(Delegation("EU"))
    before = empty_store.events()
    with pytest.raises(Unshown):
        empty_store.make_secure(handed=_fails)
    assert empty_store.secure is False and empty_store.tokens() == []
    assert empty_store.events() == before
    shown: list[dict[str, str]] = []
    tokens = empty_store.make_secure(handed=lambda given, _: shown.append(given))
    assert shown == [tokens] and set(tokens) == {SECRETARIAT, "EU"}
