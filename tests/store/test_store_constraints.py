"""The store's tables refuse, on SQLite and PostgreSQL alike, the values that would break
their readers (issue 15, break 2): amendment numbers past the limit, spans and anchors
half given, negative or reversed, a span kind without a span, unknown kinds and statuses,
numbers and positions below their first, times no reader can read. A fresh store and one
upgraded from schema 0005 have the same guards; the library stops numbering cleanly at
the limit."""

from __future__ import annotations

import pytest
from sqlalchemy import CheckConstraint, UniqueConstraint, inspect, text
from sqlalchemy.exc import IntegrityError
from store_scenario import SMALL, amend, fill, views

from drafting.model import Delegation
from drafting.store import StoreError, tables
from drafting.store import schema as store_schema
from drafting.store.chain import EventKind
from drafting.store.connect import make_engine, resolve_url

_COPY = ("document_id, submission_id, paragraph_id, made_against_id, revision_id, kind, "
         "span_start, span_end, anchor_start, anchor_end, old_text, new_text, reason, "
         "submitted_by, submitted_at, status")
_REPLACE = "(SELECT min(id) FROM amendments WHERE kind = 'replace')"
_INSERT = "(SELECT min(id) FROM amendments WHERE kind = 'insert')"

POISONS: dict[str, tuple[str, str]] = {
    # what is tried: (the statement, the constraint that refuses it)
    "amendment number 2147483647": (
        f"INSERT INTO amendments (id, {_COPY}) SELECT 2147483647, {_COPY} FROM amendments "
        f"WHERE id = {_REPLACE}", "ck_amendments_number"),
    "amendment number 0": (
        f"INSERT INTO amendments (id, {_COPY}) SELECT 0, {_COPY} FROM amendments "
        f"WHERE id = {_REPLACE}", "ck_amendments_number"),
    "a reversed span": (f"UPDATE amendments SET span_start = 10, span_end = 3 WHERE id = "
                        f"{_REPLACE}", "ck_amendments_span"),
    "a negative span": (f"UPDATE amendments SET span_start = -5 WHERE id = {_REPLACE}",
                        "ck_amendments_span"),
    "half a span": (f"UPDATE amendments SET span_end = NULL WHERE id = {_REPLACE}",
                    "ck_amendments_span"),
    "a replacement without a span": (
        f"UPDATE amendments SET span_start = NULL, span_end = NULL WHERE id = {_REPLACE}",
        "ck_amendments_span_kind"),
    "a reversed anchor": (f"UPDATE amendments SET anchor_start = anchor_end + 1 WHERE id = "
                          f"{_INSERT}", "ck_amendments_anchor"),
    "an unknown status": (f"UPDATE amendments SET status = 'approved' WHERE id = {_REPLACE}",
                          "ck_amendments_status"),
    "an unknown kind": (f"UPDATE amendments SET kind = 'rewrite' WHERE id = {_REPLACE}",
                        "ck_amendments_kind"),
    "a time of infinity": (f"UPDATE amendments SET submitted_at = 'infinity' WHERE id = "
                           f"{_REPLACE}", "ck_amendments_submitted_at"),
    "a time in the year 10000": (
        "UPDATE amendment_statuses SET at = '10000-01-01 00:00:00' WHERE position = 0",
        "ck_amendment_statuses_at"),
    "an unknown event kind": ("UPDATE events SET kind = 'approve' WHERE seq = 1",
                              "ck_events_kind"),
    "event number 0": ("UPDATE events SET seq = 0 WHERE seq = 1", "ck_events_seq"),
    "an event at no time": ("UPDATE events SET at = 'infinity' WHERE seq = 1", "ck_events_at"),
    "a chain head before the first event": ("UPDATE chain_head SET seq = -1",
                                            "ck_chain_head_seq"),
    "a negative proponent position": ("UPDATE amendment_proponents SET position = -1 WHERE "
                                      "position = 0", "ck_amendment_proponents_position"),
    "a negative supporter position": ("UPDATE amendment_supporters SET position = -1 WHERE "
                                      "position = 0", "ck_amendment_supporters_position"),
    "a negative status step": ("UPDATE amendment_statuses SET position = -1 WHERE position = 0",
                               "ck_amendment_statuses_position"),
    "a status step for event 0": ("UPDATE amendment_statuses SET event_seq = 0",
                                  "ck_amendment_statuses_event_seq"),
    "two status steps from one event": (
        "INSERT INTO amendment_statuses SELECT amendment_id, position + 10, status, event_seq, "
        "at FROM amendment_statuses WHERE position = 0",
        "uq_amendment_statuses_amendment_id_event_seq|"
        "UNIQUE constraint failed: amendment_statuses.amendment_id, amendment_statuses.event_seq"),
    "a submission by event 0": ("UPDATE submissions SET event_seq = 0", "ck_submissions_event_seq"),
}


def _sql(raw, statement: str) -> None:
    with raw.begin() as connection:
        connection.execute(text(statement))


def test_every_table_a_delegation_writes_refuses_what_breaks_its_readers(filled, raw):
    before = views(filled)
    problems = []
    for what, (statement, constraint) in POISONS.items():
        try:
            _sql(raw, statement)
            problems.append(f"{what}: let through")
        except IntegrityError as error:
            if not any(answer in str(error.orig) for answer in constraint.split("|")):
                problems.append(f"{what}: refused, but with {error.orig}")
    assert problems == []
    assert views(filled) == before
    assert filled.verify().ok
    current = filled.document(SMALL.symbol).current
    filled.submit(SMALL.symbol, [amend("EU", "PP1", revision=current, replace="Recalling",
                                       with_="Recalling further")])
    assert filled.verify().ok


def test_the_event_kinds_allowed_are_the_library_s():
    assert set(tables.EVENT_KINDS) == {str(kind) for kind in EventKind}


def _guards(url: str) -> dict[str, set[str]]:
    """The CHECK and UNIQUE constraints of every table, and (PostgreSQL) the triggers."""
    engine = make_engine(resolve_url(url))
    inspector = inspect(engine)
    found = {table: {c["name"] for c in inspector.get_check_constraints(table)}
             | {c["name"] for c in inspector.get_unique_constraints(table)}
             for table in tables.metadata.tables}
    if engine.dialect.name == "postgresql":
        with engine.connect() as connection:
            found["triggers"] = set(connection.scalars(text(
                "SELECT tgrelid::regclass::text || ' ' || tgname FROM pg_trigger WHERE NOT "
                "tgisinternal AND tgrelid::regclass::text NOT LIKE '%.%'")))
    engine.dispose()
    return found


def _declared() -> dict[str, set[str]]:
    """The CHECK and UNIQUE constraints `drafting.store.tables` declares, by table."""
    return {table.name: {str(c.name) for c in table.constraints
                         if isinstance(c, CheckConstraint | UniqueConstraint)}
            for table in tables.metadata.sorted_tables}


def _downgrade(raw, target: str) -> None:
    """Take the store back to schema ``target`` (SQLite copies tables: its foreign keys are
    not enforced meanwhile, as `drafting.store.schema.upgrade` does)."""
    from alembic import command

    with raw.connect() as connection:
        sqlite = raw.dialect.name == "sqlite"
        if sqlite:
            connection.connection.dbapi_connection.execute("PRAGMA foreign_keys = OFF")
        with connection.begin():
            command.downgrade(store_schema.alembic_config(connection), target)
        if sqlite:
            connection.connection.dbapi_connection.execute("PRAGMA foreign_keys = ON")


def test_a_store_upgraded_from_0005_has_the_guards_of_a_new_one(empty_store, store_url, raw):
    filled = empty_store
    fill(filled, support=False, reopen=False, subamend=False)  # what 0005 can hold
    fresh, before = _guards(store_url), views(filled)
    declared = _declared()
    if raw.dialect.name == "postgresql":  # the texts' check of schema 0012, there only
        declared["amendments"] |= {"ck_amendments_texts"}
    assert {name: fresh[name] for name in tables.metadata.tables} == declared
    _downgrade(raw, "0005")
    back = _guards(store_url)
    assert "ck_amendments_span" not in back["amendments"] and not back.get("triggers")
    assert "uq_amendment_statuses_amendment_id_event_seq" not in back["amendment_statuses"]
    assert filled.init() == store_schema.head_revision()  # every row of a negotiation in it
    assert _guards(store_url) == fresh
    assert views(filled) == before and filled.verify().ok
    with pytest.raises(IntegrityError, match="ck_amendments_span"):
        _sql(raw, POISONS["a reversed span"][0])
    if "triggers" in fresh:
        assert {t.split()[1] for t in fresh["triggers"]} == {
            "drafting_event_chained", "drafting_event_settled", "drafting_head_moved",
            "drafting_amendments_added", "drafting_backers_added", "drafting_statuses_added",
            "drafting_supporters_changed", "drafting_decision_kept", "drafting_steps_reopened",
            "drafting_reopened", "drafting_event_timed", "drafting_support_allowed"}
        assert len(fresh["triggers"]) == 13  # "backers" on proponents and supporters
    current = filled.document(SMALL.symbol).current
    filled.submit(SMALL.symbol, [amend("EU", "PP1", revision=current, replace="Recalling",
                                       with_="Recalling further")])
    assert filled.verify().ok


@pytest.mark.parametrize("store_url", ["sqlite"], indirect=True)
def test_numbering_stops_cleanly_at_a1000000(empty_store, raw):
    empty_store.add_delegation(Delegation("EU"))
    empty_store.add_document(SMALL)
    empty_store.submit(SMALL.symbol, [amend("EU", "OP1", bracket="a meeting")])
    _sql(raw, f"INSERT INTO amendments (id, {_COPY}) SELECT 999999, {_COPY} FROM amendments")
    events = len(empty_store.events())
    two = [amend("EU", "OP2", replace="submit", with_="present"),
           amend("EU", "OP3", delete=" [within existing resources]")]
    with pytest.raises(StoreError, match=r"numbered up to A999999, and numbers stop at "
                                         r"A1000000: there is no number left for 2 more; "
                                         r"nothing was recorded"):
        empty_store.submit(SMALL.symbol, two)
    assert len(empty_store.events()) == events
    assert empty_store.submit(SMALL.symbol, two[:1]).ids == ("A1000000",)
    with pytest.raises(StoreError, match="numbers stop at A1000000"):
        empty_store.submit(SMALL.symbol, two[1:])
    assert tables.MAX_AMENDMENT == 1_000_000
