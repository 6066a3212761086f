"""Support after the fact (issue 16, point 1): a delegation joins an amendment or leaves
it, in its own name, on SQLite and PostgreSQL.

In a store that requires tokens, supporters another delegation names are *requested*
until they confirm with their own token; a support given or withdrawn is a ``support``
event, replayed by `verify`, and shown in the compilation and the position matrix.
"""

from __future__ import annotations

from dataclasses import replace

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError
from store_scenario import SMALL, amend

from drafting.model import Delegation
from drafting.outputs import compile_to
from drafting.store import SECRETARIAT, AccessError, ConflictError, open_store
from drafting.workflow import position_matrix


def _eu_op2(**fields):
    return replace(amend("EU", "OP2", replace="submit", with_="present"), **fields)


def compile_text(store, path) -> str:
    compile_to(store, SMALL.symbol, path)
    return path.read_text(encoding="utf-8")


@pytest.fixture
def secure(empty_store, store_url):
    """EU, USA, JPN, G77 and the small document, made secure; the tokens."""
    for code in ("EU", "USA", "JPN", "G77"):
        empty_store.add_delegation(Delegation(code))
    empty_store.add_document(SMALL, actor="secretariat")
    return store_url, empty_store.make_secure(actor="secretariat")


def test_in_an_open_store_named_supporters_stand_and_support_can_be_added(empty_store):
    for code in ("EU", "USA", "JPN"):
        empty_store.add_delegation(Delegation(code))
    empty_store.add_document(SMALL)
    (number,) = empty_store.submit(SMALL.symbol, [_eu_op2(supporters=("USA",))]).ids
    assert empty_store.amendments(SMALL.symbol)[0].supporters == ("USA",)
    after = empty_store.support(number, "JPN")
    assert after.supporters == ("USA", "JPN") and after.requested == ()
    assert empty_store.support(number, "USA", withdraw=True).supporters == ("JPN",)
    stored = empty_store.amendments(SMALL.symbol)[0]
    assert stored.supporters == ("JPN",)
    assert empty_store.verify().ok


def test_a_supporter_named_by_another_is_requested_until_it_confirms(secure, tmp_path):
    url, tokens = secure
    with open_store(url, token=tokens["EU"]) as eu:
        (number,) = eu.submit(SMALL.symbol, [_eu_op2(supporters=("USA", "G77"))]).ids
        (stored,) = eu.amendments(SMALL.symbol)
        assert stored.supporters == () and stored.requested == ("USA", "G77")
        assert eu.verify().ok
        with pytest.raises(AccessError):
            eu.support(number, "USA")  # EU cannot speak in the USA's name
    with open_store(url) as reader:
        assert reader.amendments(SMALL.symbol)[0].requested == ("USA", "G77")
        assert [e.kind for e in reader.events()][-1] == "refused"
    with open_store(url, token=tokens["USA"]) as usa:
        after = usa.support(number, "USA")
        assert after.supporters == ("USA",) and after.requested == ("G77",)
        with pytest.raises(ConflictError, match="already supports"):
            usa.support(number, "USA")
        assert usa.verify().ok
    with open_store(url, token=tokens["JPN"]) as jpn:
        assert jpn.support(number, "JPN").supporters == ("USA", "JPN")
    with open_store(url) as reader:
        (stored,) = reader.amendments(SMALL.symbol)
        assert stored.supporters == ("USA", "JPN") and stored.requested == ("G77",)
        text = compile_text(reader, tmp_path / "c.md")
        assert "supported by USA, JPN" in text and "G77" not in text
        (row,) = position_matrix(reader, SMALL.symbol, paragraph="OP2").rows
        assert row.cell("USA") == "supported" and row.cell("JPN") == "supported"
        assert row.cell("G77") == ""
        assert reader.verify().ok
    with open_store(url, token=tokens["G77"]) as g77:  # a requested support, declined
        assert g77.support(number, "G77", withdraw=True).requested == ()
    with open_store(url, token=tokens["USA"]) as usa:
        assert usa.support(number, "USA", withdraw=True).supporters == ("JPN",)
    with open_store(url) as reader:
        (stored,) = reader.amendments(SMALL.symbol)
        assert stored.supporters == ("JPN",) and stored.requested == ()
        assert "supported by JPN" in compile_text(reader, tmp_path / "c.md")
        assert reader.verify().ok


def test_support_refused_for_a_proponent_or_an_unknown_delegation(secure):
    url, tokens = secure
    with open_store(url, token=tokens["EU"]) as eu:
        (number,) = eu.submit(SMALL.symbol, [_eu_op2()]).ids
        with pytest.raises(ConflictError, match="proposes"):
            eu.support(number, "EU")
    with (open_store(url, token=tokens[SECRETARIAT]) as secretariat,
          pytest.raises(AccessError)):  # the secretariat does not speak for a state
        secretariat.support(number, "USA")
    with open_store(url, token=tokens["USA"]) as usa:
        with pytest.raises(ConflictError, match="does not support"):
            usa.support(number, "USA", withdraw=True)
        assert usa.verify().ok


def test_a_requested_support_confirmed_behind_the_librarys_back_is_caught(secure, raw):
    url, tokens = secure
    with open_store(url, token=tokens["EU"]) as eu:
        eu.submit(SMALL.symbol, [_eu_op2(supporters=("USA",))])
    forged = "UPDATE amendment_supporters SET state = 'confirmed' WHERE delegation_code = 'USA'"
    if raw.dialect.name == "postgresql":  # the owner's own trigger refuses it
        with pytest.raises(DBAPIError, match="changes only with its own support event"), \
                raw.begin() as connection:
            connection.execute(text(forged))
        return
    with raw.begin() as connection:  # a SQLite file holds no trigger: verify finds it
        connection.execute(text(forged))
    with open_store(url) as reader:
        report = reader.verify()
        assert not report.ok and "A1" in report.summary()
