"""Issue 15, break 4: rows drafting cannot use are named by `verify`, every one of them in
one run, instead of crashing it (an "internal error"). Each tamper is raw SQL with the
database's constraints out of the way (`tamper`), as rows written before a constraint
existed would be."""

from __future__ import annotations

import subprocess
import sys
from dataclasses import dataclass

import pytest
from sqlalchemy import text
from store_scenario import SYMBOL, fill
from tamper import tamper


@dataclass(frozen=True)
class Bad:
    """A row made bad: the table whose constraints are set aside, the SQL (by dialect, or
    ``*`` for both), the row verify must name and what it must say of it (by dialect)."""

    name: str
    table: str
    sql: dict[str, str]
    where: str
    what: dict[str, str]

    def statement(self, dialect: str, rows: dict[str, int]) -> str | None:
        found = self.sql.get(dialect, self.sql.get("*"))
        return None if found is None else found.format(**rows)

    def said(self, dialect: str) -> str:
        return self.what.get(dialect, self.what.get("*", ""))


BAD = [
    Bad("an event payload that is not JSON", "events",
        {"sqlite": "UPDATE events SET payload = 'not json{{' WHERE seq = 3",
         # PostgreSQL refuses text that is not JSON in a json column: a JSON string it is
         "postgresql": "UPDATE events SET payload = '\"not json{{\"' WHERE seq = 3"},
        "table events, row seq 3",
        {"sqlite": "payload is 'not json{', which cannot be read as JSON",
         "postgresql": "payload is 'not json{', not a JSON object"}),
    Bad("an event payload nested too deep to parse", "events",  # PostgreSQL refuses it
        {"sqlite": "UPDATE events SET payload = '" + "[" * 100_000 + "]" * 100_000 +
         "' WHERE seq = 2"},
        "table events, row seq 2", {"sqlite": "payload is '[[[[[[[[[[[[[[[[[[[[[[[[[[[[["}),
    Bad("an event time that is not a time", "events",
        {"sqlite": "UPDATE events SET at = 'yesterday' WHERE seq = 4",
         "postgresql": "UPDATE events SET at = 'infinity' WHERE seq = 4"},
        "table events, row seq 4",
        {"sqlite": "at is 'yesterday', which cannot be read as a time",
         "postgresql": "at is 'infinity', which cannot be read as a time"}),
    Bad("an event of no known kind", "events",
        {"*": "UPDATE events SET kind = 'rewrite' WHERE seq = 5"},
        "table events, row seq 5", {"*": "kind is 'rewrite', which is not one of: import"}),
    Bad("an amendment's time that is not a time", "amendments",
        {"sqlite": "UPDATE amendments SET submitted_at = '31/02/2026' WHERE id = {a0}",
         "postgresql": "UPDATE amendments SET submitted_at = '-infinity' WHERE id = {a0}"},
        "table amendments, row id {a0}",
        {"sqlite": "submitted_at is '31/02/2026', which cannot be read as a time",
         "postgresql": "submitted_at is '-infinity', which cannot be read as a time"}),
    Bad("a span that runs backwards", "amendments",
        {"*": "UPDATE amendments SET span_start = span_end + 5 WHERE id = {a1}"},
        "table amendments, row id {a1}", {"*": "a span cannot run backwards"}),
    Bad("a span that starts before the text", "amendments",
        {"*": "UPDATE amendments SET span_start = -3 WHERE id = {a2}"},
        "table amendments, row id {a2}",
        {"*": "span_start is -3: a span cannot start before the text does"}),
    Bad("a span with one end NULL", "amendments",
        {"*": "UPDATE amendments SET span_end = NULL WHERE id = {a3}"},
        "table amendments, row id {a3}",
        {"*": "span_end is NULL but span_start is"}),
    Bad("an amendment of no known kind", "amendments",
        {"*": "UPDATE amendments SET kind = 'amend somehow' WHERE id = {a4}"},
        "table amendments, row id {a4}",
        {"*": "kind is 'amend somehow', which is not one of: replace, delete"}),
    Bad("a status history step of no known status", "amendment_statuses",
        {"*": "UPDATE amendment_statuses SET status = 'lost' WHERE amendment_id = {a5} "
              "AND position = 0"},
        "table amendment_statuses, row amendment_id {a5}, position 0",
        {"*": "status is 'lost', which is not one of: submitted"}),
    Bad("a paragraph of no known status", "paragraph_versions",
        {"*": "UPDATE paragraph_versions SET status = 'settled' WHERE revision_id = 1 "
              "AND position = 0"},
        "table paragraph_versions, row revision_id 1, position 0",
        {"*": "status is 'settled', which is not one of: open"}),
    Bad("a paragraph at a level below 0", "paragraph_versions",
        {"*": "UPDATE paragraph_versions SET level = -2 WHERE revision_id = 1 "
              "AND position = 1"},
        "table paragraph_versions, row revision_id 1, position 1",
        {"*": "level is -2, below 0"}),
    Bad("front matter of no known role", "revision_front",
        {"*": "UPDATE revision_front SET role = 'footer' WHERE revision_id = 1 "
              "AND position = 0"},
        "table revision_front, row revision_id 1, position 0",
        {"*": "role is 'footer', which is not one of: front, chapeau"}),
    Bad("a delegation of no known kind", "delegations",
        {"*": "UPDATE delegations SET kind = 'empire' WHERE code = 'CAN'"},
        "table delegations, row code 'CAN'",
        {"*": "kind is 'empire', which is not one of: state, group"}),
    Bad("a decision that is neither", "decisions",
        {"*": "UPDATE decisions SET decision = 'maybe' WHERE id = 1"},
        "table decisions, row id 1", {"*": "decision is 'maybe', which is not one of: "
                                           "accept, reject"}),
    Bad("a database role for a delegation not in the store", "role_delegations",
        {"*": "INSERT INTO role_delegations (role_name, delegation_code) "
              "VALUES ('drafting_zz', 'ZZ')"},
        "table role_delegations, row role_name 'drafting_zz'",
        {"*": "the role drafting_zz acts for delegation 'ZZ', which is not in the store"}),
    Bad("a database role named for one delegation acting for another", "role_delegations",
        {"*": "INSERT INTO role_delegations (role_name, delegation_code) "
              "VALUES ('drafting_eu', 'USA')"},
        "table role_delegations, row role_name 'drafting_eu'",
        {"*": "the role drafting_eu acts for USA, but its name is not a role name of USA "
              "(such as drafting_usa)"}),
    Bad("NULL where a value is required", "documents",
        # SQLite cannot drop a NOT NULL; a PostgreSQL schema could have lost one
        {"postgresql": "ALTER TABLE documents ALTER COLUMN title DROP NOT NULL; "
                       "UPDATE documents SET title = NULL WHERE id = 1"},
        "table documents, row id 1", {"*": "title is NULL, where a value is required"}),
]


@pytest.fixture
def filled(filled):
    assert filled.verify().ok
    return filled


def span_rows(raw) -> dict[str, int]:
    """Row ids of amendments that have spans, as a0, a1, ... (one per tamper, so that all
    of them can be made at once)."""
    with raw.connect() as connection:
        ids = connection.scalars(text(
            "SELECT id FROM amendments WHERE span_start IS NOT NULL ORDER BY id")).all()
    assert len(ids) >= 6
    return {f"a{n}": number for n, number in enumerate(ids)}


def make_bad(raw, bad: Bad, rows: dict[str, int]) -> bool:
    """Make ``bad`` in the store; False if this database cannot hold it."""
    statement = bad.statement(raw.dialect.name, rows)
    if statement is None:
        return False
    tamper(raw, *statement.split("; "), tables=[bad.table])
    return True


@pytest.mark.parametrize("bad", BAD, ids=[b.name for b in BAD])
def test_a_bad_row_is_named_and_everything_else_still_compared(filled, raw, bad):
    rows = span_rows(raw)
    if not make_bad(raw, bad, rows):
        pytest.skip(f"{raw.dialect.name} cannot hold {bad.name}")
    tamper(raw, "UPDATE delegations SET name = 'Nowhere' WHERE code = 'NZL'")
    report = filled.verify()  # never raises over what it finds
    assert not report.ok
    where = bad.where.format(**rows)
    named = [m.what for m in report.mismatches if m.where == where]
    assert any(bad.said(raw.dialect.name) in what for what in named), report.mismatches
    # the rest is still compared: the ordinary edit beside it is found too
    assert any(m.where == "delegation NZL" and "'Nowhere' in the store" in m.what
               for m in report.mismatches), report.mismatches
    assert not [m for m in report.mismatches if "cannot be compared" in m.what]


def test_every_bad_row_is_named_in_one_run_and_the_command_exits_1(filled, raw, store_url):
    rows = span_rows(raw)
    made = [bad for bad in BAD if make_bad(raw, bad, rows)]
    report = filled.verify()
    dialect = raw.dialect.name
    for bad in made:
        where = bad.where.format(**rows)
        assert any(m.where == where and bad.said(dialect) in m.what
                   for m in report.mismatches), (bad.name, report.mismatches)
    run = subprocess.run([sys.executable, "-m", "drafting_cli", "verify", "--db", store_url],
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 1, run.stderr
    assert run.stdout == ""
    first, *listed = run.stderr.splitlines()
    assert first.startswith(f"drafting: the record does not match: {report.first}")
    assert len(listed) == len(report.mismatches) - 1  # the others, one a line
    assert "internal error" not in run.stderr and "Traceback" not in run.stderr
    for bad in made:
        where = bad.where.format(**rows)
        assert any(f"{where}: " in line and bad.said(dialect) in line
                   for line in [first, *listed]), (bad.name, run.stderr)


def test_a_bad_row_put_right_verifies_again(filled, raw):
    rows = span_rows(raw)
    with raw.connect() as connection:
        start, end = connection.execute(text(
            "SELECT span_start, span_end FROM amendments WHERE id = :n"), {"n": rows["a1"]}).one()
    make_bad(raw, next(b for b in BAD if b.name == "a span that runs backwards"), rows)
    assert not filled.verify().ok
    tamper(raw, "UPDATE amendments SET span_start = :start, span_end = :end WHERE id = :n",
           start=start, end=end, n=rows["a1"])
    assert filled.verify().ok


def test_no_value_in_any_column_of_any_table_stops_verify(tmp_path):
    """Every column of every table, in turn, given text or bytes that are not text (SQLite
    holds either in any column): verify names what it finds and compares the rest; it
    never raises, and never gives up on a part of the store."""
    import shutil
    import sqlite3

    from drafting.store import open_store, tables
    from drafting.store.connect import make_engine, resolve_url
    from drafting.store.verify import verify

    base = tmp_path / "base.db"
    with open_store(f"sqlite:///{base}", check_version=False) as store:
        store.init()
        fill(store)
        store.make_secure()  # tokens too
    copy = tmp_path / "copy.db"
    engine = make_engine(resolve_url(f"sqlite:///{copy}"))
    tried = 0
    for table in tables.metadata.sorted_tables:
        for column in table.columns:
            for value in ("zz", b"\x00\xff"):
                engine.dispose()
                shutil.copy(base, copy)
                with sqlite3.connect(copy) as connection:
                    connection.execute("PRAGMA ignore_check_constraints = ON")
                    try:
                        changed = connection.execute(
                            f"UPDATE {table.name} SET {column.name} = ? WHERE rowid = "
                            f"(SELECT min(rowid) FROM {table.name})", (value,)).rowcount
                    except sqlite3.IntegrityError:  # a key taken
                        continue
                if not changed:
                    continue
                tried += 1
                with engine.connect() as connection:
                    report = verify(connection)
                given_up = [m for m in report.mismatches if "cannot be compared" in m.what]
                assert not given_up, (table.name, column.name, value, given_up)
    engine.dispose()
    assert tried > 150


def test_no_revision_is_issued_from_a_store_that_does_not_verify(filled, raw):
    """An amendment's words changed in the database were issued as Rev.N's text, with
    no warning, while `verify` said the store did not match its record."""
    from drafting.store.errors import RecordMismatch
    from drafting.workflow import revise_document

    before = filled.document(SYMBOL)
    row = span_rows(raw)["a0"]
    with raw.connect() as connection:
        words = connection.scalar(text("SELECT new_text FROM amendments WHERE id = :n"),
                                  {"n": row})
    tamper(raw, "UPDATE amendments SET new_text = 'forged words' WHERE id = :n", n=row)
    label = f"Rev.{len(before.revisions)}"
    for dry_run in (True, False):
        with pytest.raises(RecordMismatch, match=f"{label} was not issued: the store does "
                           "not match its record .*'forged words'"):
            revise_document(filled, SYMBOL, label, dry_run=dry_run)
    assert len(filled.document(SYMBOL).revisions) == len(before.revisions)
    tamper(raw, "UPDATE amendments SET new_text = :words WHERE id = :n", words=words, n=row)
    assert revise_document(filled, SYMBOL, label).revision.label == label
