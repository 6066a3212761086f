"""A write left open on PostgreSQL (a client stopped half way, or a delegation's role
holding the chain head on purpose) kept every other write waiting without end, and
without a word. A write now waits `WRITE_WAIT_S` at most for the head, then stops with
a message saying what holds it and what to do; nothing is recorded. Delegation roles end
a transaction left idle (`IDLE_WRITE_S`) by default."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from drafting.engine import Proposal
from drafting.store import postgres_roles, session
from drafting.store.errors import StoreError
from drafting.workflow import prepare_amendment

pytestmark = pytest.mark.parametrize("store_url", ["postgresql"], indirect=True)


def test_a_write_waits_for_a_held_head_only_so_long_and_says_why(filled, raw, monkeypatch):
    monkeypatch.setattr(session, "WRITE_WAIT_S", 1.0)
    before = filled.head().seq
    amendment = prepare_amendment(filled, "A/C.2/81/L.7", Proposal("OP2", delete="sustainably "),
                                  "JPN")
    with raw.connect() as holder:  # were the wait endless, the server ends this in 20 s
        holder.execute(text("SET idle_in_transaction_session_timeout = '20s'"))
        holder.execute(text("SELECT seq FROM chain_head WHERE id = 1 FOR UPDATE"))
        with pytest.raises(StoreError) as caught:
            filled.submit("A/C.2/81/L.7", [amendment])
        holder.rollback()
    said = str(caught.value)
    assert "stayed locked by another write for too long" in said
    assert "nothing was recorded" in said and "pg_terminate_backend" in said
    assert filled.head().seq == before
    filled.submit("A/C.2/81/L.7", [amendment])  # the head free again: recorded
    assert filled.head().seq == before + 1


def test_delegation_roles_end_a_transaction_left_idle(filled, raw):
    filled.make_secure(actor="secretariat")
    with raw.connect() as connection:
        made = postgres_roles.statements(connection)
    assert any(f"SET idle_in_transaction_session_timeout = '{postgres_roles.IDLE_WRITE_S}s'"
               in statement and "drafting_eu" in statement for statement in made)
