"""Forging writes as a delegation's role, for the tests of the server's own guards
(tests/store/test_pg_guards.py, test_support_roles.py; `secure_store` and `granted_roles`
make the store and its roles): the raw SQL the
library would write for a submission or an event, any value of it changed."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import pytest
from sqlalchemy import Connection, Engine, create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError
from store_scenario import SMALL, views

from drafting.model import Delegation
from drafting.store import SECRETARIAT, open_store
from drafting.store.chain import canonical, chain_hash
from drafting.store.connect import resolve_url
from drafting.store.payloads import stamp
from drafting.store.postgres_roles import GRANTING_LOCK

CONTENT = ("revision", "kind", "paragraph_id", "span", "anchor", "old_text", "new_text",
           "proponents", "supporters", "reason")
"""What a submission's content hash covers, of each amendment (`submission_content`)."""


@dataclass(frozen=True)
class Server:
    url: str
    tokens: dict[str, str]
    roles: dict[str, str]
    accepted: str  # EU's amendment the secretariat accepted
    pending: str  # EU's amendment still submitted

    def as_role(self, code: str) -> str:
        """The store's URL, connecting as ``code``'s role."""
        return make_url(self.url).set(username=self.roles[code]).render_as_string(False)


def secure_store(url: str) -> dict[str, str]:
    """A store requiring tokens, with EU, USA and the small document: the tokens."""
    with open_store(url, check_version=False) as store:
        store.init()
        for code in ("EU", "USA"):
            store.add_delegation(Delegation(code))
        store.add_document(SMALL, actor="secretariat")
        return store.make_secure(actor="secretariat")


@contextmanager
def granted_roles(url: str, prefix: str, tokens: dict[str, str]) -> Iterator[dict[str, str]]:
    """The delegations' roles (``prefix``), granted with the secretariat's token and
    dropped afterwards: they are cluster-wide."""
    with open_store(url, token=tokens[SECRETARIAT]) as secretariat:
        roles = secretariat.grant_delegation_roles(prefix)
    try:
        yield roles
    finally:
        admin = create_engine(resolve_url(url))
        with admin.begin() as connection:  # one store's roles at a time, as granted
            connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": GRANTING_LOCK})
            for role in [*roles.values(), f"{prefix}delegations"]:
                connection.execute(text(f'DROP OWNED BY "{role}"'))
                connection.execute(text(f'DROP ROLE "{role}"'))
        admin.dispose()


def record(url: str) -> dict:
    """Everything the store shows, once it has verified."""
    with open_store(url) as store:
        assert store.verify().ok
        return views(store)


def one(connection: Connection, sql: str, **values: Any) -> Any:
    """The one row ``sql`` gives."""
    return connection.execute(text(sql), values).one()


def append_event(connection: Connection, *, kind: str, payload: Any, head: Any = True,
                 **changed: Any) -> int:
    """Append an event after the head, hashed as the library hashes it, and move the head
    to it (``head``: True; False leaves it; or the (seq, hash) to move it to). ``changed``
    replaces any column; a payload given as text is written as it stands. Returns its seq."""
    seq, last = one(connection, "SELECT seq, hash FROM chain_head WHERE id = 1 FOR UPDATE")
    row = {"seq": seq + 1, "at": datetime.now(UTC), "actor": "forger", "kind": kind,
           "document": SMALL.symbol, "prev_hash": last, **changed}
    written = payload if isinstance(payload, str) else json.dumps(payload)
    if "hash" not in row:
        row["hash"] = chain_hash(row["prev_hash"], row["seq"], row["at"], row["actor"],
                                 row["kind"], row["document"], json.loads(written))
    connection.execute(text(
        "INSERT INTO events (seq, at, actor, kind, document, payload, prev_hash, hash) VALUES "
        "(:seq, CAST(:at AS timestamptz), :actor, :kind, :document, CAST(:payload AS json), "
        ":prev_hash, :hash)"), {**row, "payload": written})
    if head:
        moved = (row["seq"], row["hash"]) if head is True else head
        connection.execute(text("UPDATE chain_head SET seq = :seq, hash = :hash WHERE id = 1"),
                           {"seq": moved[0], "hash": moved[1]})
    return row["seq"]


def forge(engine: Engine, *, row: dict | None = None,
          payload: Callable[[dict], Any] | None = None, steps: int = 1,
          then: tuple[str, ...] = (), **event: Any) -> str:
    """Write one submission of EU's as the library writes it, in raw SQL: OP2's "submit"
    replaced by "present". ``row`` changes the amendment's columns (its event's payload
    follows them, as a forger would make it); ``payload`` then changes the payload (dict
    or text); ``steps`` is the number of status rows (0, 1, or 2 for the first twice);
    ``then`` are statements run after, in the same transaction; ``event`` changes the
    event's columns (see `append_event`). Returns the amendment's id."""
    with engine.begin() as connection:
        document, revision = one(
            connection, "SELECT d.id, r.id FROM documents d JOIN revisions r ON "
            "r.document_id = d.id WHERE d.symbol = :s ORDER BY r.position DESC LIMIT 1",
            s=SMALL.symbol)
        paragraph, words = one(
            connection, "SELECT p.id, v.text FROM paragraphs p JOIN paragraph_versions v ON "
            "v.paragraph_id = p.id WHERE v.revision_id = :r AND p.key = 'p3'", r=revision)
        number = one(connection, "SELECT coalesce(max(id), 0) + 1 FROM amendments")[0]
        at = datetime.now(UTC)
        start = words.index("submit")
        values = {"id": number, "document_id": document, "paragraph_id": paragraph,
                  "made_against_id": revision, "revision_id": revision, "kind": "replace",
                  "span_start": start, "span_end": start + 6, "anchor_start": None,
                  "anchor_end": None, "old_text": "submit", "new_text": "present",
                  "reason": "", "submitted_by": "forger", "submitted_at": at,
                  "status": "submitted", **(row or {})}
        label = one(connection, "SELECT label FROM revisions WHERE id = :r",
                     r=values["made_against_id"])[0]
        item = item_of(values, label)
        content = {"document": SMALL.symbol, "amendments": [{k: item[k] for k in CONTENT}]}
        made = {"submission": hashlib.sha256(canonical(content).encode()).hexdigest(),
                "amendments": [item], "delegation": "EU"}
        made = payload(made) if payload else made
        seq = append_event(connection, kind="submit", payload=made, **{"at": at, **event})
        digest = made["submission"] if isinstance(made, dict) else json.loads(made)["submission"]
        values["submission_id"] = one(
            connection, "INSERT INTO submissions (document_id, content_hash, event_seq, "
            "recorded_at, delegation) VALUES (:d, :h, :s, :at, 'EU') RETURNING id",
            d=document, h=digest, s=seq, at=at)[0]
        columns = ", ".join(values)
        connection.execute(text(f"INSERT INTO amendments ({columns}) VALUES "
                                f"({', '.join(':' + c for c in values)})"), values)
        connection.execute(text("INSERT INTO amendment_proponents VALUES (:n, 0, 'EU')"),
                           {"n": values["id"]})
        for step in range(steps):
            connection.execute(text("INSERT INTO amendment_statuses VALUES "
                                    "(:n, :p, 'submitted', :s, :at)"),
                               {"n": values["id"], "p": step, "s": seq, "at": at})
        for statement in then:
            connection.execute(text(statement))
    return item["id"]


def item_of(values: dict, label: str) -> dict:
    """The amendment's entry in its event, as `amendment_json` writes it."""
    def span(start: str, end: str) -> list | None:
        return None if values[start] is None else [values[start], values[end]]

    return {"id": f"A{values['id']}", "kind": values["kind"], "paragraph_id": "p3",
            "revision": label, "proponents": ["EU"], "span": span("span_start", "span_end"),
            "anchor": span("anchor_start", "anchor_end"), "old_text": values["old_text"],
            "new_text": values["new_text"], "supporters": [], "reason": values["reason"],
            "submitted_by": values["submitted_by"], "status": values["status"],
            "submitted_at": stamp(at) if isinstance(at := values["submitted_at"], datetime)
            else at}


def refused(attempt: Callable[[], Any]) -> str:
    """The server's refusal of ``attempt``, first line (the test fails if it is let through)."""
    with pytest.raises(DBAPIError) as caught:
        attempt()
    return str(caught.value.orig).splitlines()[0]


def run(engine: Engine, *statements: str) -> None:
    with engine.begin() as connection:
        for statement in statements:
            connection.execute(text(statement))


BOGUS = "ab" * 32
"""A hash no content has."""
