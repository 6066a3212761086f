"""On a shared PostgreSQL server the database itself keeps each delegation to its own
amendments: EU's role submits and withdraws its own through the library, and every
other write is refused by the server, through the library as well as in raw SQL.

The roles are cluster-wide: each test makes its own (a random prefix) and drops
them afterwards.
"""

from __future__ import annotations

import secrets
from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from pg_forgery import granted_roles
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url
from store_scenario import SAMPLE_DOCX, SMALL, amend, views

from drafting.model import Delegation, ParagraphStatus
from drafting.store import SECRETARIAT, AccessError, StoreError, open_store
from drafting.store.connect import resolve_url
from drafting.store.postgres_roles import READ, role_name

pytestmark = pytest.mark.parametrize("store_url", ["postgresql"], indirect=True)


@dataclass(frozen=True)
class Server:
    url: str
    tokens: dict[str, str]
    roles: dict[str, str]
    usa_amendment: str

    def as_role(self, code: str) -> str:
        """The store's URL, connecting as ``code``'s role."""
        return make_url(self.url).set(username=self.roles[code]).render_as_string(False)


@pytest.fixture
def server(store_url) -> Iterator[Server]:
    prefix = f"dt{secrets.token_hex(4)}_"
    with open_store(store_url, check_version=False) as store:
        store.init()
        for code in ("EU", "USA"):
            store.add_delegation(Delegation(code))
        store.add_document(SMALL, source=SAMPLE_DOCX.read_bytes(), actor="secretariat")
        tokens = store.make_secure(actor="secretariat")
    with open_store(store_url, token=tokens["USA"]) as usa:
        usa_amendment = usa.submit(SMALL.symbol, [amend("USA", "OP1", bracket="a meeting")]).ids[0]
    with granted_roles(store_url, prefix, tokens) as roles:
        with open_store(store_url, token=tokens[SECRETARIAT]) as secretariat:
            assert secretariat.grant_delegation_roles(prefix) == roles  # safe to run again
        yield Server(store_url, tokens, roles, usa_amendment)


def record(url: str) -> dict:
    with open_store(url) as store:
        assert store.verify().ok
        return views(store)


def test_the_roles_are_made_one_per_delegation(server):
    assert server.roles == {code: role_name(code, server.roles["EU"][:-2])
                            for code in ("EU", "USA")}
    with open_store(server.url) as store:
        script = store.delegation_roles_sql(server.roles["EU"][:-2])
    assert script.startswith("BEGIN;\nSET LOCAL search_path TO") and script.endswith("COMMIT;\n")
    assert f'CREATE ROLE "{server.roles["EU"]}" LOGIN' in script
    assert "ENABLE ROW LEVEL SECURITY" in script and "DELETE" not in script


def test_a_delegation_role_submits_and_withdraws_its_own_through_the_library(server):
    with open_store(server.as_role("EU"), token=server.tokens["EU"]) as eu:
        mine = eu.submit(SMALL.symbol, [
            amend("EU", "OP2", replace="submit", with_="present", supporters=("USA",)),
            amend("EU", "OP3", delete=" [within existing resources]")], actor="Ms. Rossi")
        assert eu.withdraw(mine.ids[0], "EU").status == "withdrawn"
        assert eu.verify().ok  # a delegation can check the whole record itself
    with open_store(server.as_role("EU")) as no_token, pytest.raises(AccessError):
        no_token.submit(SMALL.symbol, [amend("EU", "OP1", bracket="a meeting")])
    with open_store(server.url) as store:
        assert [(a.id, a.status) for a in store.amendments(SMALL.symbol)] == [
            (server.usa_amendment, "submitted"), (mine.ids[0], "withdrawn"),
            (mine.ids[1], "submitted")]
        assert [e.kind for e in store.events()[-3:]] == ["submit", "withdraw", "refused"]
        assert store.verify().ok


def test_a_delegation_role_tables_again_what_it_withdrew(server):
    proposal = [amend("EU", "OP2", replace="submit", with_="present")]
    with open_store(server.as_role("EU"), token=server.tokens["EU"]) as eu:
        first = eu.submit(SMALL.symbol, proposal)
        eu.withdraw(first.ids[0], "EU")
        again = eu.submit(SMALL.symbol, proposal)
        assert not again.duplicate and again.anew == (f"{first.ids[0]} (withdrawn)",)
        assert eu.submit(SMALL.symbol, proposal).duplicate  # sent again while pending
    record(server.url)


def test_the_server_refuses_eu_what_the_library_would_let_a_stolen_token_do(server):
    before = record(server.url)
    usa_token, secretariat_token = server.tokens["USA"], server.tokens[SECRETARIAT]
    attempts = [
        (usa_token, lambda s: s.submit(SMALL.symbol, [amend("USA", "OP2", replace="submit",
                                                            with_="present")])),
        (usa_token, lambda s: s.withdraw(server.usa_amendment, "USA")),
        (secretariat_token, lambda s: s.decide(server.usa_amendment, "reject")),
        (secretariat_token, lambda s: s.set_paragraph_status(SMALL.symbol, "p1",
                                                             ParagraphStatus.AGREED)),
        (secretariat_token, lambda s: s.add_delegation(Delegation("JPN"))),
        (secretariat_token, lambda s: s.rotate_token("USA")),
    ]
    for token, attempt in attempts:
        with (open_store(server.as_role("EU"), token=token) as stolen,
              pytest.raises(AccessError, match="refused the change for the role")):
            attempt(stolen)
    assert record(server.url) == before


def raw_refusals(server: Server) -> dict[str, str]:
    """Statements EU's role sends behind the library's back, by what they try."""
    usa = int(server.usa_amendment[1:])
    event = ("INSERT INTO events SELECT seq + 1, now(), 'x', '{kind}', 'TEST/1', '{payload}', "
             "hash, md5(random()::text) || md5(random()::text) FROM chain_head")
    copied = ("id, document_id, submission_id, paragraph_id, made_against_id, revision_id, "
              "kind, span_start, span_end, anchor_start, anchor_end, old_text, new_text, "
              "reason, submitted_by, submitted_at, status")
    return {
        "a proponent row for USA": f"INSERT INTO amendment_proponents VALUES ({usa}, 1, 'USA')",
        "an amendment in USA's submission": f"INSERT INTO amendments ({copied}) SELECT "
        f"{copied.replace('id,', 'id + 100,', 1)} FROM amendments WHERE id = {usa}",
        "a submit event for USA": event.format(kind="submit", payload=(
            '{"delegation": "USA", "submission": "x", "amendments": [{"proponents": ["USA"]}]}')),
        "a withdraw event for USA's amendment": event.format(kind="withdraw", payload=(
            f'{{"delegation": "EU", "amendment": "A{usa}"}}')),
        "a refusal of 30,000 characters": event.format(
            kind="refused", payload='{"reason": "' + "x" * 30_000 + '"}'),
        "a refusal by an actor of 300 characters": event.format(
            kind="refused", payload="{}").replace("now(), 'x'", "now(), repeat('x', 300)"),
        "the chain head moved back": "UPDATE chain_head SET seq = 0",
        "another column of an amendment": "UPDATE amendments SET new_text = 'x'",
        "a document's title": "UPDATE documents SET title = 'x'",
        "a paragraph's text": "UPDATE paragraph_versions SET text = 'x'",
        "a front matter line": "UPDATE revision_front SET text = 'x'",
        "a chapeau for a revision": "INSERT INTO revision_front SELECT revision_id, 99, "
        "'chapeau', 'x' FROM revision_front",
        "a source's bytes": "UPDATE revision_sources SET content = 'x', size = 1",
        "a source's SHA-256": "UPDATE revision_sources SET sha256 = repeat('0', 64)",
        "a source for a revision": "INSERT INTO revision_sources SELECT id, 'docx', "
        "repeat('0', 64), 1, 'x' FROM revisions",
        "an event": "UPDATE events SET actor = 'x'",
        "a delegation": "UPDATE delegations SET name = 'x'",
        "a decision": f"INSERT INTO decisions (amendment_id, decision, note, event_seq, "
        f"decided_at) VALUES ({usa}, 'reject', '', 1, now())",
        "a token": "UPDATE credentials SET revoked_at = now()",
        "the role mapping": "UPDATE role_delegations SET delegation_code = 'USA'",
        **{f"deleting from {table}": f"DELETE FROM {table}" for table in READ},
    }


def test_the_server_refuses_eu_every_other_write_in_raw_sql(server):
    import psycopg
    from psycopg import errors

    before = record(server.url)
    url = make_url(server.as_role("EU"))
    connect = {"host": url.host, "port": url.port, "dbname": url.database, "user": url.username,
               "options": url.query.get("options", "")}
    with psycopg.connect(**connect) as connection:
        for what, statement in raw_refusals(server).items():
            with pytest.raises(errors.InsufficientPrivilege), connection.transaction():
                connection.execute(statement)
                pytest.fail(f"EU's role was let write {what}")
        with connection.transaction():  # row-level security: USA's amendment is not EU's
            done = connection.execute("UPDATE amendments SET status = 'withdrawn' "
                                      f"WHERE id = {server.usa_amendment[1:]}")
            assert done.rowcount == 0
    assert record(server.url) == before


def test_an_upgrade_lets_the_roles_read_a_new_table_without_granting_again(server):
    from alembic import command

    from drafting.store.schema import alembic_config

    engine = create_engine(resolve_url(server.url))
    with engine.begin() as connection:  # back to before revision_front was made
        command.downgrade(alembic_config(connection), "0002")
    with open_store(server.url, check_version=False) as store:
        store.init()
    eu = server.roles["EU"]
    with engine.connect() as connection:
        may = {(table, what): connection.scalar(text(
            f"SELECT has_table_privilege('{eu}', '{table}', '{what}')"))
            for table in ("revision_front", "revision_sources")
            for what in ("SELECT", "INSERT", "UPDATE", "DELETE")}
    engine.dispose()
    assert may == {(table, what): what == "SELECT"
                   for table in ("revision_front", "revision_sources")
                   for what in ("SELECT", "INSERT", "UPDATE", "DELETE")}
    with open_store(server.as_role("EU"), token=server.tokens["EU"]) as mine:
        assert mine.document(SMALL.symbol).current.front_matter == ()  # the downgrade lost it
        assert mine.source(SMALL.symbol) is None  # and the source
        mine.submit(SMALL.symbol, [amend("EU", "OP1", bracket="a meeting")])


def test_roles_need_postgresql_and_a_store_that_requires_tokens(server, tmp_path):
    with open_store(f"sqlite:///{tmp_path / 'one.db'}", check_version=False) as store:
        store.init()
        store.make_secure()
        with pytest.raises(StoreError, match="PostgreSQL server"):
            store.delegation_roles_sql()
    schema = make_url(server.url).query["options"].split("=")[-1]
    open_url = server.url.replace(schema, schema + "_open")
    admin = create_engine(resolve_url(server.url), isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f"CREATE SCHEMA {schema}_open"))
    try:
        with open_store(open_url, check_version=False) as store:
            store.init()
            with pytest.raises(StoreError, match=r"requires tokens.*`drafting init --secure`"):
                store.grant_delegation_roles()
    finally:
        with admin.connect() as connection:
            connection.execute(text(f"DROP SCHEMA {schema}_open CASCADE"))
        admin.dispose()
    with open_store(server.url) as store, pytest.raises(StoreError, match="start role names"):
        store.delegation_roles_sql("Bad-Prefix")
    assert role_name("G-77") == "drafting_g_77" and role_name("Côte") == "drafting_côte"
