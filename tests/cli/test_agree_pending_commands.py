"""`drafting agree SYMBOL OPn [--ad-ref]` while a proposal to change OPn is pending: it
was marked agreed (ad ref) beside the undecided proposal, which a later decision could
then make in the agreed text. It is refused, naming the pending proposals and what to do,
with nothing recorded; a proposed new paragraph after it, or a retain, holds nothing up."""

from __future__ import annotations

import json

import pytest
from test_copy_identity_commands import SYMBOL, _draft
from test_workflow_commands import drafting, ok


@pytest.fixture
def pending(tmp_path):
    """The USA's A1 ("submit" -> "present" in OP2) pending; the EU's A2 (a new paragraph
    after OP2) and the JPN's A3 (retain OP2) beside it."""
    db = tmp_path / "s.db"
    ok(db, "init")
    ok(db, "import", str(_draft(tmp_path / "zero.docx")), "--doc", SYMBOL)
    ok(db, "delegation", "add", "EU", "USA", "JPN")
    ok(db, "amend", SYMBOL, "OP2", "-d", "USA", "--replace", "submit", "--with", "present",
       "--yes")
    ok(db, "amend", SYMBOL, "OP2", "-d", "EU", "--new-paragraph",
       "Invites donors to contribute to the trust fund;", "--yes")
    ok(db, "amend", SYMBOL, "OP2", "-d", "JPN", "--retain", "--yes")
    return db


def _events(db) -> int:
    return len(json.loads(ok(db, "log", SYMBOL, "--json")))


@pytest.mark.parametrize("how", [("--ad-ref",), ()])
def test_a_paragraph_with_a_pending_change_is_not_agreed(pending, how):
    before = _events(pending)
    done = drafting(pending, "agree", SYMBOL, "OP2", *how)
    said = " ".join(done.stderr.split())
    assert done.returncode == 1
    assert f"OP2 cannot be {'agreed ad ref' if how else 'agreed'} while proposals to change " \
        "it are pending: A1 (USA: replace 'submit' -> 'present'); nothing was recorded" in said
    assert "drafting decide A1 reject" in said and "drafting withdraw A1" in said
    assert "A2" not in said and "A3" not in said  # neither changes OP2's words
    assert _events(pending) == before
    ok(pending, "decide", "A1", "reject")
    assert "OP2: agreed ad ref" in ok(pending, "agree", SYMBOL, "OP2", "--ad-ref")
    assert "OP2: open" in ok(pending, "agree", SYMBOL, "OP2", "--reopen")
