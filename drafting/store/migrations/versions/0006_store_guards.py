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
  the event's canonical JSON, byte for byte as `drafting.store.chain` does; a payload
  that Python could read differently (a key twice, a number that is not a whole number
  of at most 18 digits, deeper than 32 levels) is refused;
- the head moves one event on at a time, to the event just appended; at commit it
  stands on the last event;
- at commit, a ``submit`` event's payload is what the rows of its one submission hold
  (amendments, proponents, supporters, first status), and the submission's hash is the
  SHA-256 of what it proposes; a ``withdraw`` event's amendment is withdrawn, by it, from
  a state it could be withdrawn from; a ``refused`` event names the command refused;
- a new amendment takes the next number, is submitted, against the current revision of
  its submission's document, on a paragraph of that revision, with its span inside the
  paragraph and its old text the words at its span; a status history grows one step
  at a time from "submitted".

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

CREATE FUNCTION {s}.drafting_canonical(value json, depth integer DEFAULT 0) RETURNS text
LANGUAGE plpgsql IMMUTABLE STRICT AS $$
DECLARE
  found text;
BEGIN
  IF depth > 32 THEN
    {fail} 'a payload nested deeper than 32 levels';
  END IF;
  CASE pg_catalog.json_typeof(value)
  WHEN 'object' THEN
    IF (SELECT count(*) <> count(DISTINCT e.key COLLATE "C") FROM pg_catalog.json_each(value) e)
    THEN
      {fail} 'a payload object holds a key twice';
    END IF;
    SELECT string_agg(pg_catalog.to_json(e.key)::text || ':' || {s}.drafting_canonical(e.value,
                      depth + 1), ',' ORDER BY e.key COLLATE "C")
      INTO found FROM pg_catalog.json_each(value) e;
    RETURN '{{' || coalesce(found, '') || '}}';
  WHEN 'array' THEN
    SELECT string_agg({s}.drafting_canonical(e.value, depth + 1), ',' ORDER BY e.n)
      INTO found FROM pg_catalog.json_array_elements(value) WITH ORDINALITY e(value, n);
    RETURN '[' || coalesce(found, '') || ']';
  WHEN 'string' THEN
    RETURN pg_catalog.to_json(value #>> '{{}}')::text;
  WHEN 'number' THEN
    IF value::text !~ '^(0|-?[1-9][0-9]{{0,17}})$' THEN
      {fail} format('a payload holds the number %s: only whole numbers of up to 18 digits',
                    value::text);
    END IF;
    RETURN value::text;
  ELSE
    RETURN value::text;
  END CASE;
END $$;

CREATE FUNCTION {s}.drafting_event_chained() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, {s}, pg_temp AS $$
DECLARE
  head record;
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
  body := '{{"actor":' || to_json(NEW.actor)::text || ',"at":"' || drafting_stamp(NEW.at)
    || '","document":' || coalesce(to_json(NEW.document)::text, 'null') || ',"kind":'
    || to_json(NEW.kind)::text || ',"payload":' || drafting_canonical(NEW.payload)
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

CREATE FUNCTION {s}.drafting_amendment_json(number integer) RETURNS jsonb
LANGUAGE sql STABLE STRICT AS $$
  SELECT jsonb_build_object(
      'id', 'A' || a.id, 'kind', a.kind, 'paragraph_id', p.key, 'revision', r.label,
      'proponents', (SELECT coalesce(jsonb_agg(x.delegation_code ORDER BY x.position), '[]')
                     FROM {s}.amendment_proponents x WHERE x.amendment_id = a.id),
      'span', CASE WHEN a.span_start IS NOT NULL
                   THEN jsonb_build_array(a.span_start, a.span_end) END,
      'anchor', CASE WHEN a.anchor_start IS NOT NULL
                     THEN jsonb_build_array(a.anchor_start, a.anchor_end) END,
      'old_text', a.old_text, 'new_text', a.new_text,
      'supporters', (SELECT coalesce(jsonb_agg(x.delegation_code ORDER BY x.position), '[]')
                     FROM {s}.amendment_supporters x WHERE x.amendment_id = a.id),
      'reason', a.reason, 'submitted_by', a.submitted_by,
      'submitted_at', {s}.drafting_stamp(a.submitted_at), 'status', 'submitted')
  FROM {s}.amendments a JOIN {s}.paragraphs p ON p.id = a.paragraph_id
  JOIN {s}.revisions r ON r.id = a.made_against_id
  WHERE a.id = number
$$;

CREATE FUNCTION {s}.drafting_submitted(event {s}.events) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, {s}, pg_temp AS $$
DECLARE
  payload jsonb := event.payload::jsonb;
  submission record;
  held jsonb;
  content jsonb;
BEGIN
  IF (SELECT count(*) FROM submissions s WHERE s.event_seq = event.seq) <> 1 THEN
    {fail} format('submit event %s: one submission must be tied to it', event.seq);
  END IF;
  SELECT s.id, s.content_hash, s.delegation, d.symbol INTO submission
    FROM submissions s JOIN documents d ON d.id = s.document_id WHERE s.event_seq = event.seq;
  SELECT coalesce(jsonb_agg(drafting_amendment_json(a.id) ORDER BY a.id), '[]') INTO held
    FROM amendments a WHERE a.submission_id = submission.id;
  held := jsonb_build_object('submission', submission.content_hash, 'amendments', held)
    || CASE WHEN submission.delegation IS NULL THEN '{{}}'::jsonb
            ELSE jsonb_build_object('delegation', submission.delegation) END;
  IF submission.symbol IS DISTINCT FROM event.document OR held IS DISTINCT FROM payload
     OR jsonb_array_length(held -> 'amendments') = 0 THEN
    {fail} format('submit event %s: its payload is not what its submission''s rows hold',
                  event.seq);
  END IF;
  SELECT jsonb_agg(x.item - 'id' - 'submitted_by' - 'submitted_at' - 'status' ORDER BY x.n)
    INTO content FROM jsonb_array_elements(payload -> 'amendments') WITH ORDINALITY x(item, n);
  content := jsonb_build_object('document', event.document, 'amendments', content);
  IF submission.content_hash IS DISTINCT FROM encode(sha256(convert_to(
       drafting_canonical(content::json), 'UTF8')), 'hex') THEN
    {fail} format('submit event %s: its submission''s hash is not the SHA-256 of what it '
                  'proposes', event.seq);
  END IF;
  IF EXISTS (SELECT 1 FROM amendments a WHERE a.submission_id = submission.id AND NOT EXISTS (
      SELECT 1 FROM amendment_statuses x WHERE x.amendment_id = a.id AND x.position = 0)) THEN
    {fail} format('submit event %s: each of its amendments starts its status history with it',
                  event.seq);
  END IF;
END $$;

CREATE FUNCTION {s}.drafting_amendment_recorded() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, {s}, pg_temp AS $$
DECLARE
  number integer;
BEGIN
  IF TG_TABLE_NAME = 'amendments' THEN
    number := NEW.id;
  ELSE
    number := NEW.amendment_id;
  END IF;
  IF NOT EXISTS (
      SELECT 1 FROM amendments a JOIN submissions s ON s.id = a.submission_id
      JOIN events e ON e.seq = s.event_seq AND e.kind = 'submit'
      CROSS JOIN LATERAL jsonb_array_elements(e.payload::jsonb -> 'amendments') x(item)
      WHERE a.id = number AND x.item ->> 'id' = 'A' || number
      AND x.item = drafting_amendment_json(number)) THEN
    {fail} format('A%s is not as the submit event of its submission records it', number);
  END IF;
  RETURN NULL;
END $$;

CREATE FUNCTION {s}.drafting_withdrawn(event {s}.events) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, {s}, pg_temp AS $$
DECLARE
  payload jsonb := event.payload::jsonb;
  number integer;
  last record;
BEGIN
  IF payload - 'amendment' - 'delegation' <> '{{}}'::jsonb
     OR jsonb_typeof(payload -> 'delegation') IS DISTINCT FROM 'string'
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

CREATE FUNCTION {s}.drafting_amendment_added() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, {s}, pg_temp AS $$
DECLARE
  paragraph text;
BEGIN
  IF NEW.id > 1 AND NOT EXISTS (SELECT 1 FROM amendments a WHERE a.id = NEW.id - 1) THEN
    {fail} format('amendment A%s: amendments take the next number, and there is no A%s',
                  NEW.id, NEW.id - 1);
  END IF;
  IF NEW.status <> 'submitted' OR NEW.revision_id <> NEW.made_against_id
     OR NOT EXISTS (SELECT 1 FROM submissions s WHERE s.id = NEW.submission_id
                    AND s.document_id = NEW.document_id)
     OR NEW.made_against_id IS DISTINCT FROM (SELECT r.id FROM revisions r
       WHERE r.document_id = NEW.document_id ORDER BY r.position DESC LIMIT 1) THEN
    {fail} format('amendment A%s is refused: a new amendment is submitted, in the document '
                  'of its submission, made against its current revision', NEW.id);
  END IF;
  SELECT v.text INTO paragraph FROM paragraph_versions v
    WHERE v.revision_id = NEW.made_against_id AND v.paragraph_id = NEW.paragraph_id;
  IF paragraph IS NULL OR NEW.span_end > char_length(paragraph)
     OR NEW.anchor_end > char_length(paragraph)
     OR (NEW.kind IN ('replace', 'delete', 'bracket') AND NEW.old_text IS DISTINCT FROM
         substr(paragraph, NEW.span_start + 1, NEW.span_end - NEW.span_start)) THEN
    {fail} format('amendment A%s is refused: its paragraph must be in the revision, its '
                  'span inside the paragraph, its old text the words at its span', NEW.id);
  END IF;
  RETURN NULL;
END $$;

CREATE FUNCTION {s}.drafting_status_added() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, {s}, pg_temp AS $$
BEGIN
  IF (NEW.position = 0 AND (NEW.status <> 'submitted' OR NEW.event_seq IS DISTINCT FROM (
        SELECT s.event_seq FROM amendments a JOIN submissions s ON s.id = a.submission_id
        WHERE a.id = NEW.amendment_id)))
     OR (NEW.position > 0 AND NOT EXISTS (
      SELECT 1 FROM amendment_statuses x WHERE x.amendment_id = NEW.amendment_id
      AND x.position = NEW.position - 1)) THEN
    {fail} format('A%s: a status history starts with "submitted", by its submission''s '
                  'event, and grows one step at a time; step %s is refused', NEW.amendment_id,
                  NEW.position);
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER drafting_event_chained AFTER INSERT ON {s}.events
  FOR EACH ROW EXECUTE FUNCTION {s}.drafting_event_chained();
CREATE CONSTRAINT TRIGGER drafting_event_settled AFTER INSERT ON {s}.events
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION {s}.drafting_event_settled();
CREATE TRIGGER drafting_head_moved AFTER UPDATE ON {s}.chain_head
  FOR EACH ROW EXECUTE FUNCTION {s}.drafting_head_moved();
CREATE TRIGGER drafting_amendment_added AFTER INSERT ON {s}.amendments
  FOR EACH ROW EXECUTE FUNCTION {s}.drafting_amendment_added();
CREATE TRIGGER drafting_status_added AFTER INSERT ON {s}.amendment_statuses
  FOR EACH ROW EXECUTE FUNCTION {s}.drafting_status_added();
CREATE CONSTRAINT TRIGGER drafting_amendment_recorded AFTER INSERT ON {s}.amendments
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
  EXECUTE FUNCTION {s}.drafting_amendment_recorded();
CREATE CONSTRAINT TRIGGER drafting_amendment_recorded AFTER INSERT ON {s}.amendment_proponents
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
  EXECUTE FUNCTION {s}.drafting_amendment_recorded();
CREATE CONSTRAINT TRIGGER drafting_amendment_recorded AFTER INSERT ON {s}.amendment_supporters
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
  EXECUTE FUNCTION {s}.drafting_amendment_recorded();
"""

_DROP = """
DROP TRIGGER drafting_amendment_recorded ON {s}.amendment_supporters;
DROP TRIGGER drafting_amendment_recorded ON {s}.amendment_proponents;
DROP TRIGGER drafting_amendment_recorded ON {s}.amendments;
DROP FUNCTION {s}.drafting_amendment_recorded();
DROP TRIGGER drafting_status_added ON {s}.amendment_statuses;
DROP TRIGGER drafting_amendment_added ON {s}.amendments;
DROP TRIGGER drafting_head_moved ON {s}.chain_head;
DROP TRIGGER drafting_event_settled ON {s}.events;
DROP TRIGGER drafting_event_chained ON {s}.events;
DROP FUNCTION {s}.drafting_status_added();
DROP FUNCTION {s}.drafting_amendment_added();
DROP FUNCTION {s}.drafting_event_settled();
DROP FUNCTION {s}.drafting_withdrawn({s}.events);
DROP FUNCTION {s}.drafting_submitted({s}.events);
DROP FUNCTION {s}.drafting_amendment_json(integer);
DROP FUNCTION {s}.drafting_head_moved();
DROP FUNCTION {s}.drafting_event_chained();
DROP FUNCTION {s}.drafting_canonical(json, integer);
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
