"""Everyday reads that meet a row changed behind drafting's back refuse it by name, as
RecordMismatch (table, row, column, and `drafting verify`), instead of failing inside:
amendments (a time that is not a time, a kind that does not exist), a token's own row
when it is checked, the list of tokens, a document and its revisions. On SQLite and
PostgreSQL; each tamper is raw SQL behind the library's back (`tamper`)."""

from __future__ import annotations

import pytest
from sqlalchemy import text
from store_scenario import SYMBOL
from tamper import tamper

from drafting.store import open_store
from drafting.store.errors import RecordMismatch
from drafting.store.tokens import token_id

NOT_A_TIME = {"sqlite": "garbage", "postgresql": "infinity"}
"""A time Python cannot read, as each database can hold it (PostgreSQL once the column's
CHECK is out of the way, where it has one)."""


def refused(caught: pytest.ExceptionInfo[RecordMismatch], where: str, what: str) -> None:
    said = str(caught.value)
    assert said.startswith(f"the record cannot be read: {where}: {what}"), said
    assert "changed behind drafting's back: run `drafting verify`" in said


def event_count(raw) -> int:
    with raw.connect() as connection:
        return connection.scalar(text("SELECT count(*) FROM events"))


def test_an_amendment_whose_time_is_not_a_time(filled, raw):
    bad = NOT_A_TIME[raw.dialect.name]
    tamper(raw, "UPDATE amendments SET submitted_at = :t WHERE id = 1", tables=["amendments"],
           t=bad)
    where, what = "table amendments, row id 1", f"submitted_at is '{bad}', which cannot be read"
    with pytest.raises(RecordMismatch) as caught:
        filled.amendments(SYMBOL)
    refused(caught, where, what)
    before = event_count(raw)
    with pytest.raises(RecordMismatch) as caught:
        filled.decide("A1", "reject", note="no")
    refused(caught, where, what)
    assert event_count(raw) == before
    assert any(m.where == where for m in filled.verify().mismatches)  # named alike there


def test_an_amendment_of_a_kind_that_does_not_exist(filled, raw):
    tamper(raw, "UPDATE amendments SET kind = 'amend somehow' WHERE id = 2",
           tables=["amendments"])
    with pytest.raises(RecordMismatch) as caught:
        filled.amendments(SYMBOL)
    refused(caught, "table amendments, row id 2",
            "kind is 'amend somehow', which is not one of: replace, delete")


def test_amendments_that_can_be_read_are_read_as_before(filled):
    found = filled.amendments(SYMBOL)
    assert found and all(a.submitted_at is not None for a in found)


@pytest.mark.parametrize("column", ["created_at"])
@pytest.mark.parametrize("table", ["documents", "revisions"])
def test_a_document_whose_time_is_not_a_time(filled, raw, table, column):
    bad = NOT_A_TIME[raw.dialect.name]
    with raw.connect() as connection:
        number = connection.scalar(text(
            "SELECT min(id) FROM documents WHERE symbol = :s" if table == "documents" else
            "SELECT min(r.id) FROM revisions r JOIN documents d ON d.id = r.document_id "
            "WHERE d.symbol = :s"), {"s": SYMBOL})
    tamper(raw, f"UPDATE {table} SET {column} = :t WHERE id = :n", tables=[table], t=bad,
           n=number)
    where = f"table {table}, row id {number}"
    what = f"{column} is '{bad}', which cannot be read as a time"
    reads = [filled.document, *([filled.amendments] if table == "documents" else [])]
    for read in reads:
        with pytest.raises(RecordMismatch) as caught:
            read(SYMBOL)
        refused(caught, where, what)


@pytest.fixture
def tokens(filled) -> dict[str, str]:
    return filled.make_secure(actor="secretariat")


@pytest.mark.parametrize("column", ["issued_at", "revoked_at"])
def test_a_token_whose_time_is_not_a_time(filled, raw, tokens, store_url, column):
    bad = NOT_A_TIME[raw.dialect.name]
    eu = token_id(tokens["EU"])
    tamper(raw, f"UPDATE credentials SET {column} = :t WHERE id = :i", t=bad, i=eu)
    where = f"table credentials, row id '{eu}'"
    what = f"{column} is '{bad}', which cannot be read as a time"
    before = event_count(raw)
    with (open_store(store_url, token=tokens["EU"]) as store,
          pytest.raises(RecordMismatch) as caught):
        store.withdraw("A1", "EU")
    refused(caught, where, what)
    assert event_count(raw) == before  # not even a refusal
    with pytest.raises(RecordMismatch) as caught:
        filled.tokens()
    refused(caught, where, what)
    with open_store(store_url, token=tokens["USA"]) as usa:  # another's token still works
        usa.support("A1", "USA")
    assert [m.where for m in filled.verify().mismatches] == [where]


def test_verify_still_reports_what_a_refusing_read_meets(filled, raw):
    """The loaders verify shares with everyday reads refuse a faulty row they meet; verify
    says so of the part it was comparing, and goes on."""
    if raw.dialect.name != "sqlite":
        pytest.skip("only SQLite holds text that is not UTF-8")
    with raw.connect() as connection:
        number = connection.scalar(text("SELECT paragraph_id FROM amendments WHERE id = 1"))
    tamper(raw, "UPDATE paragraphs SET key = CAST(x'ff' AS TEXT) WHERE id = :n", n=number)
    found = [str(m) for m in filled.verify().mismatches]
    assert found[0] == f"table paragraphs, row id {number}: key is \"x'ff'\", which cannot be " \
                       "read as text"
    assert found[1].startswith("amendments: cannot be compared with the record: a row cannot "
                               f"be used (RecordMismatch: the record cannot be read: table "
                               f"paragraphs, row id {number}: ")
