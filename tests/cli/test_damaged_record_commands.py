"""A record changed behind drafting's back, on the command line: `log` and `export` refuse
an event that cannot be read, and a token whose stored salt was damaged is refused, each
in one line naming the table and row and pointing to `drafting verify` (exit 1, never an
internal error). Real processes on a real SQLite file."""

from __future__ import annotations

import sqlite3
import subprocess
from pathlib import Path

from test_secure_commands import ROOT, SYMBOL, TOKEN_LINE
from test_secure_commands import process as drafting


def ok(result: subprocess.CompletedProcess[str]) -> str:
    assert result.returncode == 0, result.stderr
    return result.stdout


def refused_plainly(result: subprocess.CompletedProcess[str]) -> str:
    """The one line of a refusal (exit 1, nothing on stdout, no internal error)."""
    assert result.returncode == 1, result.stderr
    assert result.stdout == ""
    assert "internal error" not in result.stderr and "Traceback" not in result.stderr
    assert result.stderr.count("\n") == 1
    return result.stderr


def negotiation(tmp_path: Path) -> Path:
    db = tmp_path / "n.db"
    ok(drafting(db, "init"))
    ok(drafting(db, "import", str(ROOT / "samples" / "zero-draft.md"), "--doc", SYMBOL))
    return db


def test_log_and_export_refuse_an_event_nested_too_deep_to_read(tmp_path):
    db = negotiation(tmp_path)
    with sqlite3.connect(db) as raw:
        seq = raw.execute("SELECT min(seq) FROM events WHERE document = ?", (SYMBOL,)).fetchone()[0]
        raw.execute("UPDATE events SET payload = ? WHERE seq = ?",
                    ("[" * 100_000 + "]" * 100_000, seq))
    where = f"table events, row seq {seq}: payload is '[[[["
    out = tmp_path / "l7.json"
    for command in (("log", SYMBOL), ("log", SYMBOL, "--json"),
                    ("export", SYMBOL, "--format", "json", "-o", str(out))):
        said = refused_plainly(drafting(db, *command))
        assert said.startswith(f"drafting: the record cannot be read: {where}"), said
        assert "which cannot be read as JSON" in said and "run `drafting verify`" in said
    assert not out.exists()
    checked = drafting(db, "verify")
    assert checked.returncode == 1 and where in checked.stderr.splitlines()[0]


def secure_negotiation(db: Path) -> tuple[str, str]:
    """A store needing tokens at ``db`` with the sample draft and the EU: the
    secretariat's token and the EU's."""
    secretariat = TOKEN_LINE.findall(ok(drafting(db, "init", "--secure")))[0][1]
    eu = dict(TOKEN_LINE.findall(ok(drafting(db, "delegation", "add", "EU",
                                             token=secretariat))))["EU"]
    ok(drafting(db, "import", str(ROOT / "samples" / "zero-draft.md"), "--doc", SYMBOL,
                token=secretariat))
    return secretariat, eu


def test_a_token_whose_salt_was_damaged_is_refused_plainly(tmp_path):
    db = tmp_path / "n.db"
    _, eu = secure_negotiation(db)
    with sqlite3.connect(db) as raw:
        raw.execute("UPDATE credentials SET salt = 'not hex at all' WHERE delegation_code = 'EU'")
        events = raw.execute("SELECT count(*) FROM events").fetchone()[0]
    said = refused_plainly(drafting(db, "amend", SYMBOL, "OP1", "--delegation", "EU",
                                    "--retain", "--yes", token=eu))
    assert said.startswith("drafting: the token given cannot be checked: the store's record "
                           "of it (table credentials, row id ")
    assert "run `drafting verify`" in said and "nothing was recorded" in said
    with sqlite3.connect(db) as raw:
        assert raw.execute("SELECT count(*) FROM events").fetchone()[0] == events
    checked = drafting(db, "verify")
    assert checked.returncode == 1
    assert "its salt is not hex digits as drafting writes them" in checked.stderr
