"""Commands that print a new token (``token rotate``, ``delegation add`` and ``init
--secure``) when standard output cannot be written: closed (``>&-``), full
(``>/dev/full``) or a pipe whose reader has gone. A token is shown once and kept only as
a hash, so one printed nowhere is lost: it was kept all the same (the old token revoked,
the delegation added), with "recorded as event #5" on stderr and the token nowhere. Now
the token is written first, inside the write, and nothing is recorded if it cannot be.
Real processes: a closed stream is closed before Python starts."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from test_standard_streams import dead_pipe, run
from test_workflow_commands import SAMPLES, drafting, ok

SYMBOL = "L.7"


@pytest.fixture(scope="module")
def _base(tmp_path_factory) -> tuple[Path, dict[str, str]]:
    db = tmp_path_factory.mktemp("tokens") / "s.db"
    ok(db, "init")
    ok(db, "import", str(SAMPLES / "zero-draft.md"), "--doc", SYMBOL)
    ok(db, "delegation", "add", "EU")
    made = json.loads(ok(db, "init", "--secure", "--json"))
    return db, made["tokens"]


@pytest.fixture
def secure(_base, tmp_path) -> tuple[Path, dict[str, str]]:
    """A copy of a store that requires tokens, with EU; its tokens by holder."""
    shutil.copy(_base[0], tmp_path / "s.db")
    return tmp_path / "s.db", dict(_base[1])


def _lost(db: Path, *args: str, how: str):
    """`drafting ARGS` with standard output ``how``: closed, full or a dead pipe."""
    if how == "closed":
        return run(db, *args, closing=1)
    if how == "broken":
        return dead_pipe(db, *args)
    with open("/dev/full", "w") as full:
        return run(db, *args, stdout=full.fileno())


def _state(db: Path) -> tuple[str, str, str]:
    return ok(db, "head"), ok(db, "token", "list", "--json"), ok(db, "delegation", "list")


REASONS = {"closed": "it is closed", "full": "No space left on device", "broken": "Broken pipe"}
HOW = [pytest.param(how, marks=pytest.mark.skipif(
    how == "full" and not Path("/dev/full").exists(), reason="no /dev/full here"))
    for how in REASONS]


@pytest.mark.parametrize("as_json", [(), ("--json",)], ids=["text", "json"])
@pytest.mark.parametrize("how", HOW)
def test_a_rotation_whose_token_cannot_be_printed_changes_nothing(how, as_json, secure):
    db, tokens = secure
    before = _state(db)
    done = _lost(db, "token", "rotate", "EU", "--token", tokens["secretariat"], *as_json,
                 how=how)
    assert done.returncode == 1
    assert done.stderr == (f"drafting: cannot write to standard output ({REASONS[how]}); "
                           "nothing was recorded (no new token was issued, and EU's token "
                           "is as it was)\n")
    assert _state(db) == before
    amended = drafting(db, "amend", SYMBOL, "OP24", "-d", "EU", "--replace", "submit",
                       "--with", "present", "--yes", "--token", tokens["EU"])
    assert amended.returncode == 0, amended.stderr  # the old token still works


def test_a_rotation_prints_the_token_it_keeps(secure):
    db, tokens = secure
    said = ok(db, "token", "rotate", "EU", "--token", tokens["secretariat"])
    new = said.split("\n  EU  ")[1].split()[0]
    assert said.splitlines()[-1] == f"receipt: {ok(db, 'head').removeprefix('head: ').strip()}"
    for token, code in ((tokens["EU"], 1), (new, 0)):
        amended = drafting(db, "amend", SYMBOL, "OP24", "-d", "EU", "--replace", "submit",
                           "--with", "present", "--yes", "--token", token)
        assert amended.returncode == code, amended.stderr


@pytest.mark.parametrize("how", HOW)
def test_delegations_whose_tokens_cannot_be_printed_are_not_added(how, secure):
    db, tokens = secure
    before = _state(db)
    done = _lost(db, "delegation", "add", "USA", "JPN", "--token", tokens["secretariat"],
                 how=how)
    assert done.returncode == 1
    assert done.stderr == (f"drafting: cannot write to standard output ({REASONS[how]}); "
                           "nothing was recorded (no delegation was added, and no token "
                           "issued)\n")
    assert _state(db) == before
    said = ok(db, "delegation", "add", "USA", "JPN", "--token", tokens["secretariat"])
    assert said.startswith("added 2 delegations: USA, JPN\ntheir tokens: shown this once")
    assert "\n  USA  drf_" in said and "\n  JPN  drf_" in said


def test_a_store_whose_first_tokens_cannot_be_printed_stays_open(tmp_path):
    db = tmp_path / "s.db"
    ok(db, "init")
    ok(db, "delegation", "add", "EU")
    before = _state(db)
    done = run(db, "init", "--secure", closing=1)
    assert done.returncode == 1
    assert done.stderr == ("drafting: cannot write to standard output (it is closed); "
                           "nothing was recorded (the store does not require tokens, and "
                           "none was issued)\n")
    assert _state(db) == before
    assert "no token: this store does not require them" in ok(db, "token", "list")
