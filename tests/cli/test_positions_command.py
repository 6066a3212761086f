"""`drafting positions`: who proposed, supported, asked to retain and withdrew what, and
who had supported what was withdrawn."""

from __future__ import annotations

import json
from pathlib import Path

import docx
from test_workflow_commands import drafting

ROOT = Path(__file__).parents[2]
SYMBOL = "A/C.2/81/L.7"


def test_positions_on_the_command_line(tmp_path):
    db = tmp_path / "s.db"
    for args in (("init",), ("import", str(ROOT / "samples" / "zero-draft.md"), "--doc", SYMBOL),
                 ("delegation", "add", "EU", "USA", "JPN"),
                 ("amend", SYMBOL, "OP10", "-d", "EU", "--replace", "combat",
                  "--with", "end", "--yes"),
                 ("amend", SYMBOL, "OP10", "-d", "USA", "--retain", "--yes"),
                 ("amend", SYMBOL, "OP12", "-d", "JPN", "--delete-paragraph", "--yes"),
                 ("withdraw", "A3", "--delegation", "JPN")):
        done = drafting(db, *args)
        assert done.returncode == 0, (args, done.stderr)
    table = drafting(db, "positions", SYMBOL)
    assert table.returncode == 0
    assert "| Paragraph | EU | JPN | USA |" in table.stdout
    assert "| OP10 | proposed |  | retain |" in table.stdout
    assert "| OP12 |  | withdrew |  |" in table.stdout
    one = json.loads(drafting(db, "positions", SYMBOL, "--para", "op 10", "--json").stdout)
    assert one == {"delegations": ["EU", "USA"], "paragraphs": [
        {"paragraph": "OP10", "positions": {"EU": "proposed", "USA": "retain"}}]}
    out = tmp_path / "positions.docx"
    assert drafting(db, "positions", SYMBOL, "-o", str(out)).returncode == 0
    rows = docx.Document(str(out)).tables[0].rows
    assert [c.text for c in rows[0].cells] == ["Paragraph", "EU", "JPN", "USA"]
    missing = drafting(db, "positions", SYMBOL, "--para", "OP99")
    assert missing.returncode == 1 and "has no paragraph OP99" in missing.stderr
    wrong = drafting(db, "positions", SYMBOL, "-o", str(tmp_path / "p.txt"))
    assert wrong.returncode == 1 and not (tmp_path / "p.txt").exists()


def test_a_supporter_of_a_withdrawn_amendment_keeps_its_position(tmp_path):
    """The EU withdraws what Japan supported: Japan stood for the change and may table it
    again as its own (it vanished from the positions, and `withdraw` said nothing)."""
    db = tmp_path / "s.db"
    for args in (("init",), ("import", str(ROOT / "samples" / "zero-draft.md"), "--doc", SYMBOL),
                 ("delegation", "add", "EU", "JPN"),
                 ("amend", SYMBOL, "OP10", "-d", "EU", "--replace", "combat",
                  "--with", "end", "--yes"),
                 ("support", "A1", "--delegation", "JPN")):
        done = drafting(db, *args)
        assert done.returncode == 0, (args, done.stderr)
    withdrawn = drafting(db, "withdraw", "A1", "--delegation", "EU")
    assert withdrawn.returncode == 0, withdrawn.stderr
    assert "JPN supported A1: it may table it again as its own proposal" in withdrawn.stdout
    table = drafting(db, "positions", SYMBOL, "--para", "OP10")
    assert "| OP10 | withdrew | supported (withdrawn) |" in table.stdout
