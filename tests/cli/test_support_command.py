"""`drafting support` and `amend --supporters` (issue 16, point 1), through the command
line's own entry point: support given and withdrawn in the room, with the supporter's own
token in a store that requires tokens, shown in `amendments`, `compile` and `positions`."""

from __future__ import annotations

import json

import pytest
from test_receipt_commands import SAMPLES, SYMBOL, TOKEN, Cli, receipts


@pytest.fixture
def cli(monkeypatch, capsys, tmp_path) -> Cli:
    return Cli(monkeypatch, capsys, tmp_path / "n.db")


def test_supporters_named_in_an_open_store_stand_and_support_comes_and_goes(cli, tmp_path):
    cli.ok("init")
    cli.ok("import", str(SAMPLES / "zero-draft.md"), "--doc", SYMBOL)
    cli.ok("delegation", "add", "EU", "USA", "JPN", "G77")
    cli.ok("amend", SYMBOL, "OP21", "-d", "EU", "--replace", "one-day", "--with", "two-day",
           "--supporters", "USA,G77", "--yes")
    assert "(supported by USA/G77)" in cli.ok("amendments", SYMBOL)
    given = cli.ok("support", "A1", "--delegation", "JPN")
    assert given.startswith("recorded the support of JPN for A1: EU, supported by USA/G77/JPN")
    assert len(receipts(given)) == 1
    gone = json.loads(cli.ok("support", "A1", "-d", "USA", "--withdraw", "--json"))
    assert gone["supporters"] == ["G77", "JPN"] and gone["withdrawn"] is True
    compiled = tmp_path / "c.md"
    cli.ok("compile", SYMBOL, "-o", str(compiled))
    assert "supported by G77, JPN" in compiled.read_text(encoding="utf-8")
    positions = json.loads(cli.ok("positions", SYMBOL, "--para", "OP21", "--json"))
    assert "USA" not in json.dumps(positions) and "JPN" in json.dumps(positions)
    code, _, err = cli.run("support", "A1", "-d", "USA", "--withdraw")
    assert code != 0 and "USA does not support A1" in err
    assert cli.ok("verify").startswith("the record is intact")


def test_in_a_secure_store_only_the_supporters_token_confirms(cli, tmp_path):
    cli.ok("init")
    cli.ok("import", str(SAMPLES / "zero-draft.md"), "--doc", SYMBOL)
    cli.ok("delegation", "add", "EU", "USA", "G77")
    tokens = dict(TOKEN.findall(cli.ok("init", "--secure")))
    cli.monkeypatch.setenv("DRAFTING_TOKEN", tokens["EU"])
    code, preview, _ = cli.run("amend", SYMBOL, "OP21", "-d", "EU", "--replace", "one-day",
                               "--with", "two-day", "--supporters", "USA,G77", "--dry-run")
    assert code == 0 and "(EU, support requested: USA/G77)" in preview  # as it will be kept
    cli.ok("amend", SYMBOL, "OP21", "-d", "EU", "--replace", "one-day", "--with", "two-day",
           "--supporters", "USA", "--supporters", "G77", "--yes")
    listed = cli.ok("amendments", SYMBOL)
    assert "(support requested: USA/G77)" in listed and "supported by" not in listed
    data = json.loads(cli.ok("amendments", SYMBOL, "--json"))
    assert data[0]["supporters"] == [] and data[0]["support_requested"] == ["USA", "G77"]
    code, _, err = cli.run("support", "A1", "-d", "USA")  # EU's token: refused, recorded
    assert code != 0 and "token" in err
    cli.monkeypatch.setenv("DRAFTING_TOKEN", tokens["USA"])
    confirmed = cli.ok("support", "A1", "-d", "USA")
    assert "EU, supported by USA, support requested: G77" in confirmed
    compiled = tmp_path / "c.md"
    cli.ok("compile", SYMBOL, "-o", str(compiled))
    text = compiled.read_text(encoding="utf-8")
    assert "supported by USA" in text and "G77" not in text
    verified = cli.ok("verify")
    assert verified.startswith("the record is intact")
    with_kinds = cli.ok("log", SYMBOL)
    assert "refused" in with_kinds and "support" in with_kinds
