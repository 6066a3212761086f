"""The database itself refuses values that break the store.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-10

On every database, CHECK constraints on the tables a delegation's role may write:
amendment numbers from 1 to 1,000,000; spans and anchors both ends or neither, from 0
and forward; a span for every span kind; known event kinds; numbers and positions
from their first; times Python can read; one status step per amendment and event.
SQLite cannot add a constraint to a table, so there each table is copied (batch mode).

On PostgreSQL, triggers owned by the store's owner (SECURITY DEFINER, search_path
pinned, so that a delegation's role can neither skip nor fool them):

- each event must follow the chain head (its number next, its previous hash the
  head's) and carry the hash the database computes itself from the previous hash and
  the event's canonical JSON, byte for byte as `drafting.store.chain` does (a key given
  twice is read as Python reads it, the last; a number that is not a whole number of at
  most 18 digits, which Python would read or write otherwise, and nesting deeper than
  32 levels are refused); a ``refused`` event names the command refused;
- the head moves one event on at a time, to the event just appended; at commit it
  stands on the last event;
- new amendments (checked once per statement, over the rows it added) take the next
  number, are submitted, in their submission's document, against its current revision,
  on a paragraph of it, their span inside the paragraph and their old text the words at
  their span, and are what their submission's event records; so are new proponents and
  supporters, each at the place the event gives it; a status history starts with
  "submitted", by the submission's event, and grows one step at a time;
- at commit, a ``submit`` event has its one submission, of its document and delegation,
  none of its rows missing, the submission's hash the SHA-256 of what it proposes; a
  ``withdraw`` event's amendment is withdrawn by it (status and last step), named by a
  proponent, from submitted or stale.

Keys of a payload that replaying it does not read are left alone (a later version may
add some). Checks of rows run as their statement ends (not deferred, so ``SET CONSTRAINTS`` cannot
move them); only the event's checks wait for the commit, when every row is there.
Values written out here, not imported: a migration stays what it was when it shipped.
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _span(start: str, end: str) -> str:
    return (f"({start} IS NULL AND {end} IS NULL) OR ({start} IS NOT NULL AND {end} IS NOT "
            f"NULL AND {start} >= 0 AND {start} <= {end})")


def _time(column: str) -> tuple[str, str]:
    return column, (f"date({column}) IS NOT NULL AND {column} >= '0001-01-02' AND "
                    f"{column} < '9999-12-31'")


CHECKS: dict[str, list[tuple[str, str]]] = {
    "events": [
        ("seq", "seq >= 1"),
        ("kind", "kind IN ('import', 'delegation', 'submit', 'withdraw', 'decide', 'agree', "
                 "'revise', 'members', 'secure', 'token', 'refused')"),
        _time("at"),
    ],
    "chain_head": [("seq", "seq >= 0")],
    "submissions": [("event_seq", "event_seq >= 1"), _time("recorded_at")],
    "amendments": [
        ("number", "id >= 1 AND id <= 1000000"),
        ("span", _span("span_start", "span_end")),
        ("anchor", _span("anchor_start", "anchor_end")),
        ("span_kind", "span_start IS NOT NULL OR kind NOT IN ('bracket', 'delete', 'insert', "
                      "'replace')"),
        _time("submitted_at"),
    ],
    "amendment_proponents": [("position", "position >= 0")],
    "amendment_supporters": [("position", "position >= 0")],
    "amendment_statuses": [("position", "position >= 0"), ("event_seq", "event_seq >= 1"),
                           _time("at")],
}
"""The CHECK constraints added, by table: (name after ``ck_<table>_``, condition)."""

_STEP = ("amendment_id", "event_seq")  # one status step per amendment and event

_FAIL = "RAISE EXCEPTION USING ERRCODE = 'check_violation', MESSAGE = "

_FUNCTIONS = r"""
CREATE FUNCTION {s}.drafting_stamp(value timestamptz) RETURNS text
LANGUAGE sql IMMUTABLE STRICT AS $$
  SELECT pg_catalog.to_char(value AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US') || '+00:00'
$$;

CREATE FUNCTION {s}.drafting_canonical(value jsonb, depth integer DEFAULT 0) RETURNS text
LANGUAGE plpgsql IMMUTABLE STRICT AS $$
DECLARE
  found text;
BEGIN
  IF depth > 32 THEN
    {fail} 'a payload nested deeper than 32 levels';
  END IF;
  -- members: a scalar as jsonb writes it (a string escaped as Python's json writes it with
  -- ensure_ascii=False, a whole number as given), an array of scalars inline, an object or
  -- any other array one level down
  IF pg_catalog.jsonb_typeof(value) = 'object' THEN
    SELECT string_agg(pg_catalog.to_json(e.key)::text || ':' || CASE
             WHEN pg_catalog.jsonb_typeof(e.value) NOT IN ('object', 'array')
             THEN e.value::text
             WHEN pg_catalog.jsonb_typeof(e.value) = 'object' OR pg_catalog.jsonb_path_exists(
               e.value, 'strict $[*] ? (@.type() == "object" || @.type() == "array")')
             THEN {s}.drafting_canonical(e.value, depth + 1)
             ELSE '[' || coalesce((SELECT string_agg(x.value::text, ',' ORDER BY x.n) FROM
               pg_catalog.jsonb_array_elements(e.value) WITH ORDINALITY x(value, n)), '') || ']'
           END,
           ',' ORDER BY e.key COLLATE "C")
      INTO found FROM pg_catalog.jsonb_each(value) e;
    RETURN '{{' || coalesce(found, '') || '}}';
  ELSIF pg_catalog.jsonb_typeof(value) = 'array' THEN
    SELECT string_agg(CASE
             WHEN pg_catalog.jsonb_typeof(e.value) NOT IN ('object', 'array')
             THEN e.value::text
             WHEN pg_catalog.jsonb_typeof(e.value) = 'object' OR pg_catalog.jsonb_path_exists(
               e.value, 'strict $[*] ? (@.type() == "object" || @.type() == "array")')
             THEN {s}.drafting_canonical(e.value, depth + 1)
             ELSE '[' || coalesce((SELECT string_agg(x.value::text, ',' ORDER BY x.n) FROM
               pg_catalog.jsonb_array_elements(e.value) WITH ORDINALITY x(value, n)), '') || ']'
           END, ',' ORDER BY e.n)
      INTO found FROM pg_catalog.jsonb_array_elements(value) WITH ORDINALITY e(value, n);
    RETURN '[' || coalesce(found, '') || ']';
  END IF;
  RETURN value::text;
END $$;

CREATE FUNCTION {s}.drafting_event_chained() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, {s}, pg_temp AS $$
DECLARE
  head record;
  bare text;
  body text;
BEGIN
  SELECT h.seq, h.hash INTO head FROM chain_head h WHERE h.id = 1;
  IF head.seq IS NULL OR NEW.seq <> head.seq + 1 OR NEW.prev_hash <> head.hash THEN
    {fail} format('event %s does not follow the chain head (event %s): an event is the next '
                  'one, chained to the hash of the last', NEW.seq, head.seq);
  END IF;
  IF json_typeof(NEW.payload) <> 'object' THEN
    {fail} format('event %s: its payload is not a JSON object', NEW.seq);
  END IF;
  IF NEW.kind = 'refused' AND json_typeof(NEW.payload -> 'command') IS DISTINCT FROM 'string'
  THEN
    {fail} format('event %s: a refusal names the command refused', NEW.seq);
  END IF;
  -- Python reads 1.0 or 1e2 as a float and writes it back otherwise: whole numbers only
  bare := regexp_replace(NEW.payload::text, '"(?:[^"\\]|\\.)*"', '""', 'g');
  IF bare ~ '[0-9][.eE]' OR bare ~ '[0-9]{{19}}' THEN
    {fail} format('event %s: its payload holds a number that is not a whole number of up to '
                  '18 digits', NEW.seq);
  END IF;
  body := '{{"actor":' || to_json(NEW.actor)::text || ',"at":"' || drafting_stamp(NEW.at)
    || '","document":' || coalesce(to_json(NEW.document)::text, 'null') || ',"kind":'
    || to_json(NEW.kind)::text || ',"payload":' || drafting_canonical(NEW.payload::jsonb)
    || ',"seq":' || NEW.seq::text || '}}';
  IF NEW.hash IS DISTINCT FROM encode(sha256(convert_to(NEW.prev_hash || body, 'UTF8')), 'hex')
  THEN
    {fail} format('event %s: its hash is not the SHA-256 of the hash before it and its '
                  'content (the database computes it, and takes no other)', NEW.seq);
  END IF;
  RETURN NULL;
END $$;

CREATE FUNCTION {s}.drafting_head_moved() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, {s}, pg_temp AS $$
BEGIN
  IF NEW.id <> OLD.id OR NEW.seq <> OLD.seq + 1 OR NOT EXISTS (
      SELECT 1 FROM events e WHERE e.seq = NEW.seq AND e.hash = NEW.hash) THEN
    {fail} format('the chain head moves one event on, to the event just appended; moving '
                  'it from event %s to %s is refused', OLD.seq, NEW.seq);
  END IF;
  RETURN NULL;
END $$;

CREATE FUNCTION {s}.drafting_submitted(event {s}.events) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, {s}, pg_temp AS $$
DECLARE
  payload jsonb := event.payload::jsonb;
  submission record;
  held record;
  said record;
  content jsonb;
BEGIN
  SELECT s.id, s.event_seq, s.delegation, d.symbol INTO submission
    FROM submissions s JOIN documents d ON d.id = s.document_id
    WHERE s.content_hash = payload ->> 'submission';
  IF submission.id IS NULL OR submission.event_seq <> event.seq
     OR submission.symbol IS DISTINCT FROM event.document
     OR submission.delegation IS DISTINCT FROM payload ->> 'delegation'
     OR jsonb_typeof(payload -> 'amendments') IS DISTINCT FROM 'array'
     OR jsonb_array_length(payload -> 'amendments') = 0 THEN
    {fail} format('submit event %s: one submission of its document, of the delegation it '
                  'names, must be tied to it', event.seq);
  END IF;
  -- each row was checked against the payload as it was written (a proponent or supporter
  -- at a place the payload gives it): here, that none is missing
  SELECT jsonb_agg('A' || a.id ORDER BY a.id) AS ids, count(*) AS amendments,
         sum((SELECT count(*) FROM amendment_proponents x WHERE x.amendment_id = a.id))
           AS proponents,
         sum((SELECT count(*) FROM amendment_supporters x WHERE x.amendment_id = a.id))
           AS supporters,
         count(*) FILTER (WHERE EXISTS (SELECT 1 FROM amendment_statuses x
                                        WHERE x.amendment_id = a.id AND x.position = 0))
           AS begun
    INTO held FROM amendments a WHERE a.submission_id = submission.id;
  SELECT jsonb_agg(x.item -> 'id' ORDER BY x.n) AS ids,
         sum(jsonb_array_length(CASE jsonb_typeof(x.item -> 'proponents')
                                WHEN 'array' THEN x.item -> 'proponents' END)) AS proponents,
         sum(jsonb_array_length(CASE jsonb_typeof(x.item -> 'supporters')
                                WHEN 'array' THEN x.item -> 'supporters' END)) AS supporters
    INTO said FROM jsonb_array_elements(payload -> 'amendments') WITH ORDINALITY x(item, n);
  IF held.ids IS DISTINCT FROM said.ids OR held.proponents IS DISTINCT FROM said.proponents
     OR held.supporters IS DISTINCT FROM said.supporters OR held.begun <> held.amendments THEN
    {fail} format('submit event %s: its payload is not what its submission''s rows hold (an '
                  'amendment, a proponent, a supporter or a first status step is missing)',
                  event.seq);
  END IF;
  SELECT jsonb_agg(x.item - 'id' - 'submitted_by' - 'submitted_at' - 'status' ORDER BY x.n)
    INTO content FROM jsonb_array_elements(payload -> 'amendments') WITH ORDINALITY x(item, n);
  content := jsonb_build_object('document', event.document, 'amendments', content);
  IF payload ->> 'submission' IS DISTINCT FROM encode(sha256(convert_to(
       drafting_canonical(content), 'UTF8')), 'hex') THEN
    {fail} format('submit event %s: its submission''s hash is not the SHA-256 of what it '
                  'proposes', event.seq);
  END IF;
END $$;

CREATE FUNCTION {s}.drafting_withdrawn(event {s}.events) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, {s}, pg_temp AS $$
DECLARE
  payload jsonb := event.payload::jsonb;
  number integer;
  last record;
BEGIN
  IF jsonb_typeof(payload -> 'delegation') IS DISTINCT FROM 'string'
     OR jsonb_typeof(payload -> 'amendment') IS DISTINCT FROM 'string'
     OR (payload ->> 'amendment') !~ '^A[1-9][0-9]{{0,8}}$' THEN
    {fail} format('withdraw event %s: its payload names an amendment and a delegation',
                  event.seq);
  END IF;
  number := substr(payload ->> 'amendment', 2)::integer;
  SELECT x.position, x.status, x.event_seq INTO last FROM amendment_statuses x
    WHERE x.amendment_id = number ORDER BY x.position DESC LIMIT 1;
  IF NOT EXISTS (SELECT 1 FROM amendments a JOIN documents d ON d.id = a.document_id
                 WHERE a.id = number AND a.status = 'withdrawn' AND d.symbol = event.document)
     OR NOT EXISTS (SELECT 1 FROM amendment_proponents x WHERE x.amendment_id = number
                    AND x.delegation_code = payload ->> 'delegation')
     OR last.status IS DISTINCT FROM 'withdrawn' OR last.event_seq <> event.seq
     OR NOT EXISTS (SELECT 1 FROM amendment_statuses x WHERE x.amendment_id = number
                    AND x.position = last.position - 1 AND x.status IN ('submitted', 'stale'))
  THEN
    {fail} format('withdraw event %s: %s is not withdrawn by it (status and last step), by '
                  'a proponent, from submitted or stale', event.seq, payload ->> 'amendment');
  END IF;
END $$;

CREATE FUNCTION {s}.drafting_event_settled() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, {s}, pg_temp AS $$
DECLARE
  head record;
  last record;
BEGIN
  SELECT h.seq, h.hash INTO head FROM chain_head h WHERE h.id = 1;
  SELECT e.seq, e.hash INTO last FROM events e ORDER BY e.seq DESC LIMIT 1;
  IF head.seq IS DISTINCT FROM last.seq OR head.hash IS DISTINCT FROM last.hash THEN
    {fail} format('the chain head (event %s) is not on the last event (%s): a write moves '
                  'the head to the event it appends', head.seq, last.seq);
  END IF;
  IF NEW.kind = 'submit' THEN
    PERFORM drafting_submitted(NEW);
  ELSIF NEW.kind = 'withdraw' THEN
    PERFORM drafting_withdrawn(NEW);
  END IF;
  RETURN NULL;
END $$;

CREATE FUNCTION {s}.drafting_amendments_added() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, {s}, pg_temp AS $$
DECLARE
  bad text;
  seqs integer[];
  items jsonb;
BEGIN
  SELECT n.id INTO bad FROM added n
    WHERE n.id > 1 AND NOT EXISTS (SELECT 1 FROM amendments a WHERE a.id = n.id - 1) LIMIT 1;
  IF bad IS NOT NULL THEN
    {fail} format('amendment A%s: amendments take the next number, and there is no A%s', bad,
                  bad::integer - 1);
  END IF;
  SELECT n.id INTO bad FROM added n LEFT JOIN submissions s ON s.id = n.submission_id
    WHERE n.status <> 'submitted' OR n.revision_id <> n.made_against_id
       OR s.document_id IS DISTINCT FROM n.document_id
       OR n.made_against_id IS DISTINCT FROM (SELECT r.id FROM revisions r
            WHERE r.document_id = n.document_id ORDER BY r.position DESC LIMIT 1) LIMIT 1;
  IF bad IS NOT NULL THEN
    {fail} format('amendment A%s is refused: a new amendment is submitted, in the document '
                  'of its submission, made against its current revision', bad);
  END IF;
  SELECT n.id INTO bad FROM added n LEFT JOIN paragraph_versions v
    ON v.revision_id = n.made_against_id AND v.paragraph_id = n.paragraph_id
    WHERE v.text IS NULL OR n.span_end > char_length(v.text)
       OR n.anchor_end > char_length(v.text)
       OR (n.kind IN ('replace', 'delete', 'bracket') AND n.old_text IS DISTINCT FROM
           substr(v.text, n.span_start + 1, n.span_end - n.span_start)) LIMIT 1;
  IF bad IS NOT NULL THEN
    {fail} format('amendment A%s is refused: its paragraph must be in the revision, its '
                  'span inside the paragraph, its old text the words at its span', bad);
  END IF;
  -- each submit event's payload is read once, its amendments looked up by id
  SELECT array_agg(DISTINCT s.event_seq) INTO seqs
    FROM added n JOIN submissions s ON s.id = n.submission_id;
  SELECT jsonb_object_agg(x.item ->> 'id', x.item - 'proponents' - 'supporters') INTO items
    FROM events e CROSS JOIN LATERAL jsonb_array_elements(e.payload::jsonb -> 'amendments') x(item)
    WHERE e.seq = ANY (seqs) AND e.kind = 'submit';
  SELECT 'A' || n.id INTO bad FROM added n
    JOIN paragraphs p ON p.id = n.paragraph_id JOIN revisions r ON r.id = n.made_against_id
    WHERE (items -> ('A' || n.id)) IS DISTINCT FROM jsonb_build_object(
        'id', 'A' || n.id, 'kind', n.kind, 'paragraph_id', p.key, 'revision', r.label,
        'span', CASE WHEN n.span_start IS NOT NULL
                     THEN jsonb_build_array(n.span_start, n.span_end) END,
        'anchor', CASE WHEN n.anchor_start IS NOT NULL
                       THEN jsonb_build_array(n.anchor_start, n.anchor_end) END,
        'old_text', n.old_text, 'new_text', n.new_text, 'reason', n.reason,
        'submitted_by', n.submitted_by, 'submitted_at', drafting_stamp(n.submitted_at),
        'status', 'submitted')
    LIMIT 1;
  IF bad IS NOT NULL THEN
    {fail} format('%s is not as the submit event of its submission records it', bad);
  END IF;
  RETURN NULL;
END $$;

CREATE FUNCTION {s}.drafting_backers_added() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, {s}, pg_temp AS $$
DECLARE
  side text := CASE TG_TABLE_NAME WHEN 'amendment_proponents' THEN 'proponents'
                                  ELSE 'supporters' END;
  bad text;
  seqs integer[];
  items jsonb;
BEGIN
  SELECT array_agg(DISTINCT s.event_seq) INTO seqs FROM added n
    JOIN amendments a ON a.id = n.amendment_id JOIN submissions s ON s.id = a.submission_id;
  SELECT jsonb_object_agg(x.item ->> 'id', x.item -> side) INTO items
    FROM events e CROSS JOIN LATERAL jsonb_array_elements(e.payload::jsonb -> 'amendments') x(item)
    WHERE e.seq = ANY (seqs) AND e.kind = 'submit';
  SELECT 'A' || n.amendment_id INTO bad FROM added n
    WHERE (items -> ('A' || n.amendment_id) ->> n.position) IS DISTINCT FROM n.delegation_code
    LIMIT 1;
  IF bad IS NOT NULL THEN
    {fail} format('%s is not as the submit event of its submission records it (its %s)',
                  bad, side);
  END IF;
  RETURN NULL;
END $$;

CREATE FUNCTION {s}.drafting_statuses_added() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, {s}, pg_temp AS $$
DECLARE
  bad record;
BEGIN
  SELECT n.amendment_id, n.position INTO bad FROM added n
    WHERE (n.position = 0 AND (n.status <> 'submitted' OR n.event_seq IS DISTINCT FROM (
             SELECT s.event_seq FROM amendments a JOIN submissions s ON s.id = a.submission_id
             WHERE a.id = n.amendment_id)))
       OR (n.position > 0 AND NOT EXISTS (SELECT 1 FROM amendment_statuses x
             WHERE x.amendment_id = n.amendment_id AND x.position = n.position - 1))
    LIMIT 1;
  IF bad.amendment_id IS NOT NULL THEN
    {fail} format('A%s: a status history starts with "submitted", by its submission''s '
                  'event, and grows one step at a time; step %s is refused', bad.amendment_id,
                  bad.position);
  END IF;
  RETURN NULL;
END $$;

-- only the triggers (running as the owner) call these; nobody needs them directly
REVOKE EXECUTE ON FUNCTION {s}.drafting_submitted({s}.events) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION {s}.drafting_withdrawn({s}.events) FROM PUBLIC;

CREATE TRIGGER drafting_event_chained AFTER INSERT ON {s}.events
  FOR EACH ROW EXECUTE FUNCTION {s}.drafting_event_chained();
CREATE CONSTRAINT TRIGGER drafting_event_settled AFTER INSERT ON {s}.events
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION {s}.drafting_event_settled();
CREATE TRIGGER drafting_head_moved AFTER UPDATE ON {s}.chain_head
  FOR EACH ROW EXECUTE FUNCTION {s}.drafting_head_moved();
CREATE TRIGGER drafting_amendments_added AFTER INSERT ON {s}.amendments
  REFERENCING NEW TABLE AS added
  FOR EACH STATEMENT EXECUTE FUNCTION {s}.drafting_amendments_added();
CREATE TRIGGER drafting_backers_added AFTER INSERT ON {s}.amendment_proponents
  REFERENCING NEW TABLE AS added
  FOR EACH STATEMENT EXECUTE FUNCTION {s}.drafting_backers_added();
CREATE TRIGGER drafting_backers_added AFTER INSERT ON {s}.amendment_supporters
  REFERENCING NEW TABLE AS added
  FOR EACH STATEMENT EXECUTE FUNCTION {s}.drafting_backers_added();
CREATE TRIGGER drafting_statuses_added AFTER INSERT ON {s}.amendment_statuses
  REFERENCING NEW TABLE AS added
  FOR EACH STATEMENT EXECUTE FUNCTION {s}.drafting_statuses_added();
"""

_DROP = """
DROP TRIGGER drafting_statuses_added ON {s}.amendment_statuses;
DROP TRIGGER drafting_backers_added ON {s}.amendment_supporters;
DROP TRIGGER drafting_backers_added ON {s}.amendment_proponents;
DROP TRIGGER drafting_amendments_added ON {s}.amendments;
DROP TRIGGER drafting_head_moved ON {s}.chain_head;
DROP TRIGGER drafting_event_settled ON {s}.events;
DROP TRIGGER drafting_event_chained ON {s}.events;
DROP FUNCTION {s}.drafting_statuses_added();
DROP FUNCTION {s}.drafting_backers_added();
DROP FUNCTION {s}.drafting_amendments_added();
DROP FUNCTION {s}.drafting_event_settled();
DROP FUNCTION {s}.drafting_withdrawn({s}.events);
DROP FUNCTION {s}.drafting_submitted({s}.events);
DROP FUNCTION {s}.drafting_head_moved();
DROP FUNCTION {s}.drafting_event_chained();
DROP FUNCTION {s}.drafting_canonical(jsonb, integer);
DROP FUNCTION {s}.drafting_stamp(timestamptz);
"""


def _run(script: str) -> None:
    """Run ``script`` (several statements, ``%`` and ``:`` in them taken literally) in the
    migration's transaction, in the store's schema: the first on the search path."""
    bind = op.get_bind()
    name = str(bind.exec_driver_sql("SELECT current_schema()").scalar())
    schema = '"' + name.replace('"', '""') + '"'
    cursor = bind.connection.dbapi_connection.cursor()  # no parameters: nothing is parsed
    cursor.execute(script.format(s=schema, fail=_FAIL))


def upgrade() -> None:
    """Add the CHECK constraints; on PostgreSQL, the triggers."""
    for table, checks in CHECKS.items():
        with op.batch_alter_table(table) as batch:
            for name, condition in checks:
                batch.create_check_constraint(op.f(f"ck_{table}_{name}"), condition)
            if table == "amendment_statuses":
                batch.create_unique_constraint(op.f(f"uq_{table}_{'_'.join(_STEP)}"), _STEP)
    if op.get_bind().dialect.name == "postgresql":
        _run(_FUNCTIONS)


def downgrade() -> None:
    """Back to 0005: the triggers and the constraints go; no row changes."""
    if op.get_bind().dialect.name == "postgresql":
        _run(_DROP)
    for table, checks in reversed(CHECKS.items()):
        with op.batch_alter_table(table) as batch:
            if table == "amendment_statuses":
                batch.drop_constraint(op.f(f"uq_{table}_{'_'.join(_STEP)}"), type_="unique")
            for name, _ in reversed(checks):
                batch.drop_constraint(op.f(f"ck_{table}_{name}"), type_="check")
