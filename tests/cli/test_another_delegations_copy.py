"""A Word copy whose tracked changes are by another delegation's code ("USA"), submitted
as the EU's (by mistake, --by-filename on a misnamed file, or passed on): it was recorded
as six EU amendments without a word. It is refused, nothing recorded, saying how to
submit it as the USA's or to map the author to the EU when that is meant."""

from __future__ import annotations

import json
import shutil

import pytest
from test_receipt_commands import SAMPLES, SYMBOL, Cli

USA_COPY = SAMPLES / "docx" / "usa-tracked.docx"


@pytest.fixture
def cli(monkeypatch, capsys, tmp_path) -> Cli:
    cli = Cli(monkeypatch, capsys, tmp_path / "n.db")
    cli.ok("init")
    cli.ok("import", str(SAMPLES / "docx" / "zero-draft.docx"), "--doc", SYMBOL)
    cli.ok("delegation", "add", "EU", "USA", "G77")
    return cli


def _amendments(cli: Cli) -> list[dict]:
    return json.loads(cli.ok("amendments", SYMBOL, "--json"))


def test_another_delegations_copy_is_not_recorded_in_this_ones_name(cli, tmp_path):
    code, _, err = cli.run("submit", SYMBOL, str(USA_COPY), "-d", "EU", "--yes")
    assert code == 1
    assert "tracked changes are by Word author 'USA', naming USA, another delegation, not EU" \
        in err and "--delegation USA" in err and "--author 'USA=EU'" in err
    misnamed = tmp_path / "EU-reply.docx"
    shutil.copy(USA_COPY, misnamed)
    code, _, err = cli.run("submit", SYMBOL, str(misnamed), "--by-filename", "--yes")
    assert code == 1 and "naming USA, another delegation, not EU" in err
    assert _amendments(cli) == []
    cli.ok("submit", SYMBOL, str(USA_COPY), "-d", "USA", "--yes")
    assert {tuple(a["proponents"]) for a in _amendments(cli)} == {("USA",)}


def test_an_author_mapped_to_the_delegation_is_its_own(cli):
    cli.ok("submit", SYMBOL, str(USA_COPY), "-d", "EU", "--author", "USA=EU", "--yes")
    assert {tuple(a["proponents"]) for a in _amendments(cli)} == {("EU",)}


@pytest.mark.parametrize("given", ["A99999999999999999999999", "A\u0661", "A01"])
def test_an_amendment_id_past_any_number_or_in_look_alike_digits_is_no_amendment(cli, given):
    """A number past a database integer crashed (OverflowError); "A١" (an Arabic-Indic
    one) and "A01" acted on A1."""
    cli.ok("amend", SYMBOL, "OP1", "-d", "EU", "--delete-paragraph", "--yes")
    for command in (("decide", given, "reject"), ("withdraw", given, "-d", "EU")):
        code, _, err = cli.run(*command)
        assert code == 1 and f"there is no amendment '{given}'" in err
    assert [a["status"] for a in _amendments(cli)] == ["submitted"]
