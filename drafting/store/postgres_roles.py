"""A shared PostgreSQL server where the database itself keeps each delegation to its own
amendments: one role per delegation, grants, and row-level security.

The secretariat connects as the owner of the store's tables (the role that ran
``drafting init``); owners are not held by row-level security. Each delegation
connects as its own role (``drafting_eu`` for EU), a member of one group role
(``drafting_delegations``) that holds the privileges and to which the policies
apply; ``role_delegations`` says which delegation each role is. Such a role can:

- read every table (the record is shared: need to share, not need to know; so
  a delegation can run ``drafting verify`` itself). That includes the tokens'
  salted hashes, which are of no use to a reader: each token holds 256 random
  bits;
- append events that follow the chain head, of four kinds only (the first three only
  while its delegation holds a token not revoked: ``drafting token revoke`` stops the
  role too, ``token rotate`` lets it write again): ``submit``
  (recorded by it; each amendment's one proponent, and every confirmed supporter,
  itself: never an amendment with no proponent), ``withdraw`` (in its
  name, of an amendment it proposed), ``support`` (in its name) and
  ``refused`` (short, and with its own token or none: never another's, so never in
  another delegation's name); and move the head to the last event;
- insert a submission recorded by it and tied to the event just appended, the
  amendments of that submission (status "submitted"), their proponents (itself
  only), supporters and first status, and take the next submission number;
- set to "withdrawn" the status of an amendment it proposed that is submitted
  or stale, with the ``withdraw`` event just appended, and add that status row;
- name no supporter but itself in a submission (others it names are requested), and,
  with a ``support`` event in its own name just appended, add, confirm or withdraw its
  own supporter row of that amendment (schema 0008; run this again after upgrading).

Nothing else: no UPDATE of documents, paragraphs, sources, delegations, decisions or
events, no DELETE anywhere, no other columns of amendments, no DDL; no ``decide`` event, so
no decision, nor the reopening of one (schema 0009), which is the secretariat's alone. This is
exactly what the library writes when a delegation submits or withdraws with its
own token (a store that requires tokens), so the normal code path works as that
role, and a client that skips the library's own checks is refused by the server.
The policies say who may write a row; what it may hold is checked for every role by
the store's constraints and triggers (migration 0006): an event's hash and link, the
head's move, numbering, spans, and that a submission's rows are what its event says.

`script` writes the SQL (to read, or to run with psql); `apply` runs it. Both
are safe to run again, e.g. after adding delegations or upgrading the store:
grants name the tables that exist then. A migration that adds a table to read
grants it to the roles that could read the others (0003 does, for
``revision_front``; 0005 for ``revision_sources``, the Word files revisions came
from), so an upgrade does not lock the delegations out meanwhile.
Roles are created ``LOGIN`` without a password: set one (``ALTER ROLE drafting_eu
PASSWORD '...'``) or use another authentication method of the server.
"""

from __future__ import annotations

import re

from sqlalchemy import Connection, select, text

from drafting.lazy_re import lazy_compile
from drafting.limits import MAX_NAME_CHARS
from drafting.store import access, tables
from drafting.store.errors import StoreError

IDLE_WRITE_S = 60
"""How long a delegation's session may hold a transaction open doing nothing before the
server ends it (a client stopped half way through a write holds the chain head, and every
other write waits: `drafting.store.session` waits `WRITE_WAIT_S` at most, then says so).
A default for the role: a client may set another for its own session."""
PREFIX = "drafting_"
"""The default start of role names: ``drafting_eu``, ``drafting_delegations``."""
GROUP = "delegations"
"""The group role's name after the prefix."""
_PREFIX_FORM = lazy_compile(r"[a-z_][a-z0-9_]{0,39}")
_MAX_NAME = 63  # bytes in a PostgreSQL identifier

READ = tuple(sorted([*tables.metadata.tables, "alembic_version"]))
"""Every table a delegation role may read."""
APPEND = ("events", "submissions", "amendments", "amendment_proponents",
          "amendment_supporters", "amendment_statuses")
"""The tables it may insert into (each under a policy)."""
GUARDED = ("chain_head", *APPEND)
"""The tables under row-level security."""

_MINE = ("(SELECT r.delegation_code FROM role_delegations r "
         "WHERE r.role_name = current_user)")
_HEAD = "(SELECT h.seq FROM chain_head h WHERE h.id = 1)"
_FRESH_SUBMISSIONS = f"SELECT s.id FROM submissions s WHERE s.delegation = {_MINE} " \
                     f"AND s.event_seq = {_HEAD}"
_FRESH_AMENDMENTS = f"SELECT a.id FROM amendments a WHERE a.submission_id IN " \
                    f"({_FRESH_SUBMISSIONS})"
_PROPOSED_BY_ME = ("EXISTS (SELECT 1 FROM amendment_proponents p WHERE "
                   "'A' || p.amendment_id = {amendment} AND p.delegation_code = " + _MINE + ")")
_WITHDRAW_EVENT = ("EXISTS (SELECT 1 FROM events e WHERE e.seq = {seq} AND e.kind = 'withdraw' "
                   "AND e.payload->>'amendment' = 'A' || {amendment} "
                   "AND e.payload->>'delegation' = " + _MINE + ")")

_SUBMIT_EVENT = (
    f"kind = 'submit' AND payload->>'delegation' = {_MINE} AND NOT EXISTS (SELECT 1 FROM "
    "json_array_elements(payload->'amendments') AS a(item) "
    "WHERE json_typeof(a.item->'proponents') IS DISTINCT FROM 'array' "
    "OR json_array_length(a.item->'proponents') <> 1 "
    f"OR a.item->'proponents'->>0 IS DISTINCT FROM {_MINE}) AND NOT EXISTS (SELECT 1 FROM "
    "json_array_elements(payload->'amendments') AS a(item), "
    "json_array_elements_text(coalesce(a.item->'supporters', '[]')) AS p(code) "
    f"WHERE p.code IS DISTINCT FROM {_MINE})"
)
_SUPPORT_EVENT = ("EXISTS (SELECT 1 FROM events e WHERE e.seq = " + _HEAD + " AND e.kind = "
                  "'support' AND e.payload->>'amendment' = 'A' || amendment_supporters."
                  "amendment_id AND e.payload->>'delegation' = " + _MINE + ")")
_REFUSAL_CHARS = 20_000
"""The longest refusal's payload a delegation's role may record (its command, the
delegations it named, every one of them at most, the reason and the holder): refusals,
never a log-filling one."""
_LIVE_TOKEN = (f"EXISTS (SELECT 1 FROM credentials c WHERE c.delegation_code = {_MINE} "
               "AND c.revoked_at IS NULL)")
"""The role's delegation holds a token not revoked: `drafting token revoke` stops its
role's submissions, withdrawals and support at once (its refusals are still recorded),
and `token rotate` lets them through again."""
_EVENT_ALLOWED = (
    "seq = (SELECT h.seq + 1 FROM chain_head h WHERE h.id = 1) "
    "AND prev_hash = (SELECT h.hash FROM chain_head h WHERE h.id = 1) "
    f"AND (({_SUBMIT_EVENT} AND {_LIVE_TOKEN}) "
    f"OR (kind = 'withdraw' AND payload->>'delegation' = {_MINE} AND {_LIVE_TOKEN} "
    "AND " + _PROPOSED_BY_ME.format(amendment="(payload->>'amendment')") + ") "
    f"OR (kind = 'support' AND payload->>'delegation' = {_MINE} AND {_LIVE_TOKEN}) "
    f"OR (kind = 'refused' AND length(actor) <= {MAX_NAME_CHARS} "
    f"AND length(payload::text) <= {_REFUSAL_CHARS} "
    f"AND (payload->>'holder' IS NULL OR payload->>'holder' = {_MINE})))"
)
"""What a delegation's role may append. A submission, withdrawal or support only while its
delegation holds a live token (`_LIVE_TOKEN`: the server cannot check the token given,
which the library checks, but it does see a token revoked). A refusal it records names as
the holder of the token given (``holder``) its own delegation or no one (no token, or one
that is no token of the store): a role cannot put a refusal in another delegation's name."""

POLICIES: tuple[tuple[str, str, str, str, str], ...] = (
    # (table, policy name, command, USING, WITH CHECK)
    ("events", "drafting_append", "INSERT", "", _EVENT_ALLOWED),
    ("chain_head", "drafting_move", "UPDATE", "true",
     "seq = (SELECT max(e.seq) FROM events e) AND hash = (SELECT e.hash FROM events e "
     "WHERE e.seq = (SELECT max(m.seq) FROM events m))"),
    ("submissions", "drafting_add", "INSERT", "",
     f"delegation = {_MINE} AND event_seq = {_HEAD} AND EXISTS (SELECT 1 FROM events e "
     "WHERE e.seq = submissions.event_seq AND e.kind = 'submit' "
     "AND e.payload->>'submission' = submissions.content_hash)"),
    ("amendments", "drafting_add", "INSERT", "",
     f"status = 'submitted' AND submission_id IN ({_FRESH_SUBMISSIONS})"),
    ("amendments", "drafting_withdraw", "UPDATE",
     "status IN ('submitted', 'stale') AND "
     + _PROPOSED_BY_ME.format(amendment="'A' || amendments.id"),
     "status = 'withdrawn' AND "
     + _WITHDRAW_EVENT.format(seq=_HEAD, amendment="amendments.id")),
    ("amendment_proponents", "drafting_add", "INSERT", "",
     f"delegation_code = {_MINE} AND amendment_id IN ({_FRESH_AMENDMENTS})"),
    ("amendment_supporters", "drafting_add", "INSERT", "",
     f"amendment_id IN ({_FRESH_AMENDMENTS}) OR (delegation_code = {_MINE} "
     f"AND state = 'confirmed' AND {_SUPPORT_EVENT})"),
    ("amendment_supporters", "drafting_support", "UPDATE", f"delegation_code = {_MINE}",
     f"delegation_code = {_MINE} AND {_SUPPORT_EVENT}"),
    ("amendment_statuses", "drafting_add", "INSERT", "",
     f"event_seq = {_HEAD} AND ((status = 'submitted' AND amendment_id IN "
     f"({_FRESH_AMENDMENTS})) OR (status = 'withdrawn' AND "
     + _WITHDRAW_EVENT.format(seq="amendment_statuses.event_seq",
                              amendment="amendment_statuses.amendment_id") + "))"),
)
"""What a delegation role may write, row by row; every guarded table is also readable."""


def quoted(name: str) -> str:
    """``name`` as a PostgreSQL identifier."""
    return '"' + name.replace('"', '""') + '"'


def _literal(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def role_name(code: str, prefix: str = PREFIX) -> str:
    """The role of delegation ``code``: the prefix, then the code in lower case with
    ``- . +`` made ``_`` (``G-77`` -> ``drafting_g_77``)."""
    return prefix + re.sub(r"[-.+]", "_", code.casefold())


def roles(connection: Connection, prefix: str = PREFIX) -> dict[str, str]:
    """Each delegation's role name, by code. StoreError for a prefix that is not lower-case
    letters, digits and ``_``, or for two codes that would share a role, or a name too
    long for PostgreSQL."""
    if not _PREFIX_FORM.fullmatch(prefix):
        raise StoreError(f"'{prefix}' cannot start role names: use lower-case letters, digits "
                         "and _, up to 40 characters (e.g. drafting_)")
    code = tables.delegations.c.code
    codes = list(connection.scalars(select(code).order_by(code)))
    found: dict[str, str] = {}
    for code in codes:
        name = role_name(code, prefix)
        if len(name.encode("utf-8")) > _MAX_NAME:
            raise StoreError(f"the role for {code} would be '{name}', longer than PostgreSQL "
                             "allows (63 bytes): choose a shorter prefix")
        if name in found.values() or name == prefix + GROUP:
            other = next((c for c, n in found.items() if n == name), "the group role")
            raise StoreError(f"{code} and {other} would share the role '{name}': choose "
                             "another prefix, or codes that differ by more than case")
        found[code] = name
    return found


def _check(connection: Connection) -> None:
    if connection.dialect.name != "postgresql":
        raise StoreError("database roles are for a store on a PostgreSQL server; an SQLite "
                         "store is one file: guard it with the file's permissions")
    if not access.is_secure(connection):
        raise StoreError("delegation roles need a store that requires tokens, so that each "
                         "submission says whose it is: run `drafting init --secure` first")


def statements(connection: Connection, prefix: str = PREFIX) -> list[str]:
    """The SQL statements that set up (or bring up to date) the delegation roles."""
    _check(connection)
    found = roles(connection, prefix)
    group = quoted(prefix + GROUP)
    database = connection.scalar(text("SELECT current_database()"))
    schema = connection.scalar(text("SELECT current_schema()"))
    sequence = connection.scalar(text("SELECT pg_get_serial_sequence('submissions', 'id')"))
    if not database or not schema or not sequence:
        raise StoreError("the store's schema is not on the search path of this connection")
    made = [_create_role(prefix + GROUP, login=False)]
    for name in found.values():
        made += [_create_role(name, login=True), f"GRANT {group} TO {quoted(name)}",
                 f"ALTER ROLE {quoted(name)} SET idle_in_transaction_session_timeout = "
                 f"'{IDLE_WRITE_S}s'"]
    made += [
        f"GRANT CONNECT ON DATABASE {quoted(database)} TO {group}",
        f"GRANT USAGE ON SCHEMA {quoted(schema)} TO {group}",
        f"GRANT SELECT ON {', '.join(map(quoted, READ))} TO {group}",
        f"GRANT INSERT ON {', '.join(map(quoted, APPEND))} TO {group}",
        f"GRANT UPDATE (seq, hash) ON chain_head TO {group}",
        f"GRANT UPDATE (status) ON amendments TO {group}",
        f"GRANT UPDATE (state, position) ON amendment_supporters TO {group}",
        f"GRANT USAGE ON SEQUENCE {sequence} TO {group}",
    ]
    if found:
        pairs = ", ".join(f"({_literal(name)}, {_literal(code)})" for code, name in found.items())
        made.append(f"INSERT INTO role_delegations (role_name, delegation_code) VALUES {pairs} "
                    "ON CONFLICT (role_name) DO UPDATE SET delegation_code = "
                    "EXCLUDED.delegation_code")
    for table in GUARDED:
        made += [f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY",
                 f"DROP POLICY IF EXISTS drafting_read ON {table}",
                 f"CREATE POLICY drafting_read ON {table} FOR SELECT TO {group} USING (true)"]
    for table, name, command, using, check in POLICIES:
        clauses = (f" USING ({using})" if using else "") + (
            f" WITH CHECK ({check})" if check else "")
        made += [f"DROP POLICY IF EXISTS {name} ON {table}",
                 f"CREATE POLICY {name} ON {table} FOR {command} TO {group}{clauses}"]
    return made


def _create_role(name: str, *, login: bool) -> str:
    kind = "LOGIN" if login else "NOLOGIN"
    return (f"DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = {_literal(name)}) "
            f"THEN CREATE ROLE {quoted(name)} {kind} NOSUPERUSER NOCREATEDB NOCREATEROLE; "
            "END IF; END $$")


def script(connection: Connection, prefix: str = PREFIX) -> str:
    """The statements as one script for psql, in one transaction, on the store's schema."""
    body = ";\n".join(statements(connection, prefix))
    schema = connection.scalar(text("SELECT current_schema()")) or "public"
    return f"BEGIN;\nSET LOCAL search_path TO {quoted(schema)};\n{body};\nCOMMIT;\n"


GRANTING_LOCK = 0x64726166  # "draf": one lock for every store's grants on this server
"""The advisory lock `apply` holds: two stores granting at once (``GRANT CONNECT ON
DATABASE`` changes one catalog row) would otherwise fail with "tuple concurrently
updated"."""


def apply(connection: Connection, prefix: str = PREFIX) -> dict[str, str]:
    """Run the statements in the caller's transaction, one store's grants at a time;
    returns the role names by code."""
    connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": GRANTING_LOCK})
    for statement in statements(connection, prefix):
        connection.exec_driver_sql(statement)
    return roles(connection, prefix)
