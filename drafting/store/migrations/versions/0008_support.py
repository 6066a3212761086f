"""Support after the fact: a delegation joins an amendment, or leaves it, in its own name.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-04

One new column, ``amendment_supporters.state``: ``requested`` for a supporter that another
delegation named in a store that requires tokens and that has not confirmed yet,
``withdrawn`` for one that withdrew its support, ``confirmed`` otherwise (every supporter
stored before). A new event kind, ``support``: its payload names the amendment, the
delegation and whether it withdraws its support; it confirms that delegation's row (moved
after every other, or added there) or marks it withdrawn. No row is ever deleted.

On PostgreSQL the owner's triggers of 0006 learn it: a supporter row is what the submit
event of its submission records (``supporters`` confirmed, then ``requested``), or the row
of the delegation whose ``support`` event was just appended, confirmed and last; a
supporter row changes only with a ``support`` event of its delegation on its amendment
(confirmed and moved last, or withdrawn where it stands); at commit, after a ``support``
event its delegation holds one row of the amendment, confirmed, or withdrawn. A
submission's rows and hash count and hash the requested supporters too.
SQL written out here, not imported: a migration stays what it was when it shipped (the
downgrade takes 0006's own functions back from that migration).
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_KINDS = ("'import', 'delegation', 'submit', 'withdraw', 'decide', 'agree', 'revise', "
          "'members', 'secure', 'token', 'refused'")

_STATES = "state IN ('confirmed', 'requested', 'withdrawn')"

_FAIL = "RAISE EXCEPTION USING ERRCODE = 'check_violation', MESSAGE = "

_FUNCTIONS = r"""
CREATE FUNCTION {s}.drafting_supported(event {s}.events) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, {s}, pg_temp AS $$
DECLARE
  payload jsonb := event.payload::jsonb;
  number integer;
  held integer;
  wanted text := CASE payload -> 'withdraw' WHEN 'true'::jsonb THEN 'withdrawn'
                 ELSE 'confirmed' END;
BEGIN
  IF jsonb_typeof(payload -> 'delegation') IS DISTINCT FROM 'string'
     OR jsonb_typeof(payload -> 'withdraw') IS DISTINCT FROM 'boolean'
     OR jsonb_typeof(payload -> 'amendment') IS DISTINCT FROM 'string'
     OR (payload ->> 'amendment') !~ '^A[1-9][0-9]{{0,8}}$' THEN
    {fail} format('support event %s: its payload names an amendment, a delegation and '
                  'whether it withdraws', event.seq);
  END IF;
  number := substr(payload ->> 'amendment', 2)::integer;
  SELECT count(*) FILTER (WHERE x.state = wanted) - count(*) INTO held
    FROM amendment_supporters x
    WHERE x.amendment_id = number AND x.delegation_code = payload ->> 'delegation';
  IF NOT EXISTS (SELECT 1 FROM amendments a JOIN documents d ON d.id = a.document_id
                 WHERE a.id = number AND d.symbol = event.document)
     OR held <> 0 OR NOT EXISTS (SELECT 1 FROM amendment_supporters x
       WHERE x.amendment_id = number AND x.delegation_code = payload ->> 'delegation') THEN
    {fail} format('support event %s: %s of %s does not have %s as its supporter as the '
                  'event says', event.seq, payload ->> 'amendment', event.document,
                  payload ->> 'delegation');
  END IF;
END $$;

CREATE OR REPLACE FUNCTION {s}.drafting_backers_added() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, {s}, pg_temp AS $$
DECLARE
  side text := CASE TG_TABLE_NAME WHEN 'amendment_proponents' THEN 'proponents'
                                  ELSE 'supporters' END;
  bad text;
  seqs integer[];
  items jsonb;
  head record;
BEGIN
  SELECT array_agg(DISTINCT s.event_seq) INTO seqs FROM added n
    JOIN amendments a ON a.id = n.amendment_id JOIN submissions s ON s.id = a.submission_id;
  -- supporters: those confirmed, then those requested, each at its place
  SELECT jsonb_object_agg(x.item ->> 'id', CASE side WHEN 'proponents'
           THEN x.item -> 'proponents' ELSE jsonb_build_object(
             'codes', coalesce(x.item -> 'supporters', '[]') || CASE
               jsonb_typeof(x.item -> 'requested') WHEN 'array' THEN x.item -> 'requested'
               ELSE '[]' END,
             'confirmed', jsonb_array_length(coalesce(x.item -> 'supporters', '[]'))) END)
    INTO items
    FROM events e
    CROSS JOIN LATERAL jsonb_array_elements(e.payload::jsonb -> 'amendments') x(item)
    WHERE e.seq = ANY (seqs) AND e.kind = 'submit';
  IF side = 'proponents' THEN
    SELECT 'A' || n.amendment_id INTO bad FROM added n
      WHERE (items -> ('A' || n.amendment_id) ->> n.position) IS DISTINCT FROM n.delegation_code
      LIMIT 1;
  ELSE
    SELECT e.kind, e.payload::jsonb AS payload INTO head FROM events e
      WHERE e.seq = (SELECT h.seq FROM chain_head h WHERE h.id = 1);
    SELECT 'A' || n.amendment_id INTO bad FROM added n
      WHERE NOT ((items -> ('A' || n.amendment_id) -> 'codes' ->> n.position)
                   IS NOT DISTINCT FROM n.delegation_code
                 AND n.state = CASE WHEN n.position >= (items -> ('A' || n.amendment_id)
                     ->> 'confirmed')::integer THEN 'requested' ELSE 'confirmed' END)
        AND NOT (head.kind = 'support' AND n.state = 'confirmed'
                 AND head.payload ->> 'amendment' = 'A' || n.amendment_id
                 AND head.payload ->> 'delegation' = n.delegation_code
                 AND head.payload -> 'withdraw' = 'false'::jsonb
                 AND NOT EXISTS (SELECT 1 FROM amendment_supporters x
                   WHERE x.amendment_id = n.amendment_id AND x.position > n.position))
      LIMIT 1;
  END IF;
  IF bad IS NOT NULL THEN
    {fail} format('%s is not as the submit event of its submission records it (its %s), '
                  'nor the support just recorded, last, by the delegation it names',
                  bad, side);
  END IF;
  RETURN NULL;
END $$;

CREATE FUNCTION {s}.drafting_supporters_changed() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, {s}, pg_temp AS $$
DECLARE
  head record;
BEGIN
  SELECT e.kind, e.payload::jsonb AS payload INTO head FROM events e
    WHERE e.seq = (SELECT h.seq FROM chain_head h WHERE h.id = 1);
  IF head.kind IS DISTINCT FROM 'support' OR NEW.amendment_id <> OLD.amendment_id
     OR NEW.delegation_code <> OLD.delegation_code
     OR head.payload ->> 'amendment' IS DISTINCT FROM 'A' || NEW.amendment_id
     OR head.payload ->> 'delegation' IS DISTINCT FROM NEW.delegation_code
     OR NOT ((head.payload -> 'withdraw' = 'true'::jsonb AND NEW.state = 'withdrawn'
              AND NEW.position = OLD.position)
             OR (head.payload -> 'withdraw' = 'false'::jsonb AND NEW.state = 'confirmed'
              AND NOT EXISTS (SELECT 1 FROM amendment_supporters x
                WHERE x.amendment_id = NEW.amendment_id AND x.position > NEW.position))) THEN
    {fail} format('the supporter %s of A%s changes only with its own support event, just '
                  'recorded: confirmed and last, or withdrawn where it stands',
                  OLD.delegation_code, OLD.amendment_id);
  END IF;
  RETURN NULL;
END $$;

REVOKE EXECUTE ON FUNCTION {s}.drafting_supported({s}.events) FROM PUBLIC;

CREATE TRIGGER drafting_supporters_changed AFTER UPDATE ON {s}.amendment_supporters
  FOR EACH ROW EXECUTE FUNCTION {s}.drafting_supporters_changed();

CREATE OR REPLACE FUNCTION {s}.drafting_submitted(event {s}.events) RETURNS void
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
                                WHEN 'array' THEN x.item -> 'supporters' END)
             + CASE jsonb_typeof(x.item -> 'requested')
               WHEN 'array' THEN jsonb_array_length(x.item -> 'requested') ELSE 0 END)
           AS supporters
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

CREATE OR REPLACE FUNCTION {s}.drafting_amendments_added() RETURNS trigger
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
  SELECT jsonb_object_agg(x.item ->> 'id', x.item - 'proponents' - 'supporters' - 'requested')
    INTO items FROM events e
    CROSS JOIN LATERAL jsonb_array_elements(e.payload::jsonb -> 'amendments') x(item)
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

CREATE OR REPLACE FUNCTION {s}.drafting_event_settled() RETURNS trigger
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
  ELSIF NEW.kind = 'support' THEN
    PERFORM drafting_supported(NEW);
  END IF;
  RETURN NULL;
END $$;

"""

_DROP = """
DROP TRIGGER drafting_supporters_changed ON {s}.amendment_supporters;
DROP FUNCTION {s}.drafting_supporters_changed();
"""

_POLICIES_BACK = """
DROP POLICY IF EXISTS drafting_support ON {s}.amendment_supporters;
DO $$ BEGIN
  IF EXISTS (SELECT FROM pg_policies WHERE schemaname = current_schema()
             AND tablename = 'amendment_supporters' AND policyname = 'drafting_add') THEN
    ALTER POLICY drafting_add ON amendment_supporters WITH CHECK (amendment_id IN (
      SELECT a.id FROM amendments a WHERE a.submission_id IN (SELECT s.id FROM submissions s
        WHERE s.delegation = (SELECT r.delegation_code FROM role_delegations r
                              WHERE r.role_name = current_user)
        AND s.event_seq = (SELECT h.seq FROM chain_head h WHERE h.id = 1))));
  END IF;
END $$;
"""
"""The delegation roles' policies on supporters as before (`drafting.store.postgres_roles`
at 0007), where they were made: they name the column that goes."""

_RESTORED = ("drafting_submitted", "drafting_amendments_added", "drafting_event_settled",
             "drafting_backers_added")


def _run(script: str) -> None:
    """Run ``script`` in the migration's transaction, in the store's schema (as 0006)."""
    bind = op.get_bind()
    name = str(bind.exec_driver_sql("SELECT current_schema()").scalar())
    schema = '"' + name.replace('"', '""') + '"'
    cursor = bind.connection.dbapi_connection.cursor()  # no parameters: nothing is parsed
    cursor.execute(script.format(s=schema, fail=_FAIL))


def _kinds(kinds: str) -> None:
    with op.batch_alter_table("events") as batch:
        batch.drop_constraint(op.f("ck_events_kind"), type_="check")
        batch.create_check_constraint(op.f("ck_events_kind"), f"kind IN ({kinds})")


def upgrade() -> None:
    """The column, the new event kind; on PostgreSQL, the triggers that know it."""
    with op.batch_alter_table("amendment_supporters") as batch:
        batch.add_column(sa.Column("state", sa.String(30), nullable=False,
                                   server_default="confirmed"))
        batch.create_check_constraint(op.f("ck_amendment_supporters_state"), _STATES)
    _kinds(_KINDS + ", 'support'")
    if op.get_bind().dialect.name == "postgresql":
        _run(_FUNCTIONS)


def _functions_of_0006() -> str:
    """0006's own definitions of the functions this migration replaced."""
    guards = importlib.import_module("drafting.store.migrations.versions.0006_store_guards")
    found = []
    for name in _RESTORED:
        match = re.search(r"CREATE FUNCTION \{s\}\." + name + r"\(.*?END \$\$;",
                          guards._FUNCTIONS, re.S)
        assert match is not None
        found.append(match.group(0).replace("CREATE FUNCTION", "CREATE OR REPLACE FUNCTION"))
    return "\n".join(found)


def downgrade() -> None:
    """Back to 0007: refused while a support event or a requested supporter is stored (0007
    could not read them); otherwise the column, the kind and the triggers go."""
    bind = op.get_bind()
    if bind.exec_driver_sql("SELECT count(*) FROM events WHERE kind = 'support'").scalar() or \
            bind.exec_driver_sql(
                "SELECT count(*) FROM amendment_supporters WHERE state <> 'confirmed'"
            ).scalar():
        raise RuntimeError("this store records support given after the fact, or requested; "
                           "schema 0007 cannot hold it: keep 0008")
    if bind.dialect.name == "postgresql":
        _run(_POLICIES_BACK + _DROP + "DROP FUNCTION {s}.drafting_supported({s}.events);\n"
             + _functions_of_0006())
    _kinds(_KINDS)
    with op.batch_alter_table("amendment_supporters") as batch:
        batch.drop_constraint(op.f("ck_amendment_supporters_state"), type_="check")
        batch.drop_column("state")
