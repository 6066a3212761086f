"""Everyday commands that meet a row changed behind drafting's back (an amendment's time, a
token's time of issue that are not times) refuse in one line naming the table, row and
column and pointing to `drafting verify` (exit 1, never an internal error). Real processes
on a real SQLite file."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from test_damaged_record_commands import (
    ROOT,
    SYMBOL,
    drafting,
    negotiation,
    ok,
    refused_plainly,
    secure_negotiation,
)


def tampered(db: Path, statement: str) -> None:
    with sqlite3.connect(db) as raw:
        raw.execute("PRAGMA ignore_check_constraints = ON")  # as on a store made before them
        raw.execute(statement)


def test_amendment_commands_refuse_an_amendment_whose_time_is_not_a_time(tmp_path):
    db = negotiation(tmp_path)
    ok(drafting(db, "delegation", "add", "EU", "G77", "USA", "JPN", "AOSIS"))
    ok(drafting(db, "submit", SYMBOL, str(ROOT / "samples" / "submissions" / "eu.json"),
                "--yes"))
    tampered(db, "UPDATE amendments SET submitted_at = 'garbage' WHERE id = 2")
    where = "table amendments, row id 2: submitted_at is 'garbage', which cannot be read as a time"
    for command in (("amendments", SYMBOL), ("compile", SYMBOL, "-o", str(tmp_path / "c.docx")),
                    ("decide", "A2", "reject")):
        said = refused_plainly(drafting(db, *command))
        assert said.startswith(f"drafting: the record cannot be read: {where}"), said
        assert "run `drafting verify`" in said
    assert where in drafting(db, "verify").stderr.splitlines()[0]


def test_token_commands_refuse_a_token_whose_time_of_issue_is_not_a_time(tmp_path):
    db = tmp_path / "n.db"
    secretariat, eu = secure_negotiation(db)
    tampered(db, "UPDATE credentials SET issued_at = 'garbage' WHERE delegation_code = 'EU'")
    where = "which cannot be read as a time"
    for command, token in ((("amend", SYMBOL, "OP1", "--delegation", "EU", "--retain",
                             "--yes"), eu), (("token", "list"), secretariat)):
        said = refused_plainly(drafting(db, *command, token=token))
        assert said.startswith("drafting: the record cannot be read: table credentials, row "
                               "id '"), said
        assert "issued_at is 'garbage', " + where in said and "run `drafting verify`" in said
