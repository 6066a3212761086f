"""`drafting init` and `drafting verify` on a real SQLite file, as a user runs them."""

import sqlite3
import subprocess
import sys

from drafting.model import Delegation
from drafting.store import open_store


def drafting(*args: str, env_db: str | None = None) -> subprocess.CompletedProcess[str]:
    import os

    env = dict(os.environ)
    env.pop("DRAFTING_DB", None)
    if env_db:
        env["DRAFTING_DB"] = env_db
    return subprocess.run([sys.executable, "-m", "drafting_cli", *args],
                          capture_output=True, text=True, timeout=120, env=env)


def test_init_creates_then_leaves_the_store_and_verify_passes(tmp_path):
    url = f"sqlite:///{tmp_path / 'negotiation.db'}"
    first = drafting("init", "--db", url)
    assert first.returncode == 0, first.stderr
    assert first.stdout.startswith(f"store ready at {url}")
    assert drafting("init", "--db", url).returncode == 0  # running it again is safe
    with open_store(url) as store:
        store.add_delegation(Delegation("EU", "European Union"), actor="secretariat")
    checked = drafting("verify", env_db=url)
    assert checked.returncode == 0, checked.stderr
    assert checked.stdout.strip() == "the record is intact: 1 event, every row matches"


def test_verify_names_a_row_edited_behind_the_librarys_back(tmp_path):
    path = tmp_path / "negotiation.db"
    url = f"sqlite:///{path}"
    assert drafting("init", "--db", url).returncode == 0
    with open_store(url) as store:
        store.add_delegation(Delegation("EU", "European Union"))
    with sqlite3.connect(path) as raw:
        raw.execute("UPDATE delegations SET name = 'Someone else' WHERE code = 'EU'")
    result = drafting("verify", "--db", url)
    assert result.returncode == 1
    assert result.stderr.startswith("drafting: the record does not match: ")
    assert "EU" in result.stderr and "Someone else" in result.stderr


def test_a_missing_store_says_which_command_creates_it(tmp_path):
    result = drafting("verify", "--db", f"sqlite:///{tmp_path / 'none.db'}")
    assert result.returncode == 1
    assert "run `drafting init` to create one" in result.stderr
    assert "Traceback" not in result.stderr
    for command in (("verify",), ("show", "L.7"), ("amendments", "L.7"), ("log", "L.7")):
        again = drafting(*command, "--db", f"sqlite:///{tmp_path / 'none.db'}")
        assert again.returncode == 1 and "drafting init" in again.stderr, command
    assert list(tmp_path.iterdir()) == []  # asking leaves no empty file behind
