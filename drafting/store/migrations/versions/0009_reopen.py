"""Correcting a decision: a reopening, recorded beside the decision it takes back.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-05

``decisions.decision`` may now be ``reopen`` as well as ``accept`` and ``reject``. A
reopening is a ``decide`` event whose payload's ``decision`` is ``reopen`` (no new event
kind): it returns an accepted or rejected amendment to the status it had before (submitted,
or stale), with a status step and a row of ``decisions`` of its own, until a revision is
issued after the decision.

On PostgreSQL, triggers owned by the store's owner (as those of 0006 and 0008) hold every
role to it:

- an amendment accepted or rejected changes status only with a reopening of it, the event
  just appended;
- a status step after "accepted" or "rejected" is "submitted" or "stale", made by a
  reopening of its amendment;
- at commit, a reopening's payload names an amendment of its document and says why (a
  note); the amendment's last status step is the event's, back to the status it had before
  the decision it takes back; that decision came after the document's last revision; a
  row of ``decisions`` records the reopening, with its note.

The triggers of 0006 and 0008 are left as they were: they do not read a ``decide`` event.
SQL written out here, not imported: a migration stays what it was when it shipped.
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_DECISIONS = "decision IN ('accept', 'reject')"
_WITH_REOPEN = "decision IN ('accept', 'reject', 'reopen')"

_FAIL = "RAISE EXCEPTION USING ERRCODE = 'check_violation', MESSAGE = "

_FUNCTIONS = r"""
CREATE FUNCTION {s}.drafting_reopening(amendment integer) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, {s}, pg_temp AS $$
  SELECT EXISTS (SELECT 1 FROM events e WHERE e.seq = (SELECT h.seq FROM chain_head h
                                                       WHERE h.id = 1)
                 AND e.kind = 'decide' AND e.payload ->> 'decision' = 'reopen'
                 AND e.payload ->> 'amendment' = 'A' || amendment)
$$;

CREATE FUNCTION {s}.drafting_decision_kept() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, {s}, pg_temp AS $$
BEGIN
  IF NEW.status NOT IN ('submitted', 'stale') OR NOT drafting_reopening(NEW.id) THEN
    {fail} format('A%s was %s: a decision is taken back only by reopening it (a decide '
                  'event "reopen" of A%s, just recorded), back to submitted or stale',
                  OLD.id, OLD.status, OLD.id);
  END IF;
  RETURN NULL;
END $$;

CREATE FUNCTION {s}.drafting_steps_reopened() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, {s}, pg_temp AS $$
DECLARE
  bad record;
BEGIN
  SELECT n.amendment_id, n.position, n.status INTO bad FROM added n
    JOIN amendment_statuses x ON x.amendment_id = n.amendment_id
     AND x.position = n.position - 1 AND x.status IN ('accepted', 'rejected')
    WHERE n.status NOT IN ('submitted', 'stale') OR NOT EXISTS (
      SELECT 1 FROM events e WHERE e.seq = n.event_seq AND e.kind = 'decide'
        AND e.payload ->> 'decision' = 'reopen'
        AND e.payload ->> 'amendment' = 'A' || n.amendment_id)
    LIMIT 1;
  IF bad.amendment_id IS NOT NULL THEN
    {fail} format('A%s: after a decision, a status step is a reopening of it (submitted or '
                  'stale, by its decide event "reopen"); step %s (%s) is refused',
                  bad.amendment_id, bad.position, bad.status);
  END IF;
  RETURN NULL;
END $$;

CREATE FUNCTION {s}.drafting_reopened() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, {s}, pg_temp AS $$
DECLARE
  payload jsonb := NEW.payload::jsonb;
  number integer;
  steps text[];
  decided integer;
  issued integer;
BEGIN
  IF payload ->> 'decision' IS DISTINCT FROM 'reopen' THEN
    RETURN NULL;
  END IF;
  IF jsonb_typeof(payload -> 'amendment') IS DISTINCT FROM 'string'
     OR (payload ->> 'amendment') !~ '^A[1-9][0-9]{{0,8}}$'
     OR jsonb_typeof(payload -> 'note') IS DISTINCT FROM 'string'
     OR btrim(payload ->> 'note') = '' THEN
    {fail} format('decide event %s: a reopening names an amendment and says why (a note)',
                  NEW.seq);
  END IF;
  number := substr(payload ->> 'amendment', 2)::integer;
  SELECT array_agg(x.status ORDER BY x.position DESC) INTO steps
    FROM (SELECT y.status, y.position FROM amendment_statuses y WHERE y.amendment_id = number
          ORDER BY y.position DESC LIMIT 3) x;
  SELECT x.event_seq INTO decided FROM amendment_statuses x WHERE x.amendment_id = number
    ORDER BY x.position DESC OFFSET 1 LIMIT 1;
  SELECT max(e.seq) INTO issued FROM events e
    WHERE e.kind = 'revise' AND e.document = NEW.document;
  IF NOT EXISTS (SELECT 1 FROM amendments a JOIN documents d ON d.id = a.document_id
                 WHERE a.id = number AND d.symbol = NEW.document AND a.status = steps[1])
     OR NOT EXISTS (SELECT 1 FROM amendment_statuses x WHERE x.amendment_id = number
                    AND x.event_seq = NEW.seq AND x.position = (SELECT max(y.position)
                      FROM amendment_statuses y WHERE y.amendment_id = number))
     OR coalesce(array_length(steps, 1), 0) < 3 OR steps[1] NOT IN ('submitted', 'stale')
     OR steps[2] NOT IN ('accepted', 'rejected') OR steps[3] IS DISTINCT FROM steps[1]
     OR decided <= coalesce(issued, 0)
     OR NOT EXISTS (SELECT 1 FROM decisions c WHERE c.amendment_id = number
                    AND c.decision = 'reopen' AND c.event_seq = NEW.seq
                    AND c.note = payload ->> 'note') THEN
    {fail} format('decide event %s: %s is not reopened by it (its last status step, back to '
                  'what it was before a decision taken since the last revision, and a '
                  'decision row "reopen" with the note)', NEW.seq, payload ->> 'amendment');
  END IF;
  RETURN NULL;
END $$;

REVOKE EXECUTE ON FUNCTION {s}.drafting_reopening(integer) FROM PUBLIC;

CREATE TRIGGER drafting_decision_kept AFTER UPDATE OF status ON {s}.amendments
  FOR EACH ROW WHEN (OLD.status IN ('accepted', 'rejected') AND NEW.status <> OLD.status)
  EXECUTE FUNCTION {s}.drafting_decision_kept();
CREATE TRIGGER drafting_steps_reopened AFTER INSERT ON {s}.amendment_statuses
  REFERENCING NEW TABLE AS added
  FOR EACH STATEMENT EXECUTE FUNCTION {s}.drafting_steps_reopened();
CREATE CONSTRAINT TRIGGER drafting_reopened AFTER INSERT ON {s}.events
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW WHEN (NEW.kind = 'decide')
  EXECUTE FUNCTION {s}.drafting_reopened();
"""

_DROP = """
DROP TRIGGER drafting_reopened ON {s}.events;
DROP TRIGGER drafting_steps_reopened ON {s}.amendment_statuses;
DROP TRIGGER drafting_decision_kept ON {s}.amendments;
DROP FUNCTION {s}.drafting_reopened();
DROP FUNCTION {s}.drafting_steps_reopened();
DROP FUNCTION {s}.drafting_decision_kept();
DROP FUNCTION {s}.drafting_reopening(integer);
"""


def _run(script: str) -> None:
    """Run ``script`` in the migration's transaction, in the store's schema (as 0006)."""
    bind = op.get_bind()
    name = str(bind.exec_driver_sql("SELECT current_schema()").scalar())
    schema = '"' + name.replace('"', '""') + '"'
    cursor = bind.connection.dbapi_connection.cursor()  # no parameters: nothing is parsed
    cursor.execute(script.format(s=schema, fail=_FAIL))


def _decisions(condition: str) -> None:
    with op.batch_alter_table("decisions") as batch:
        batch.drop_constraint(op.f("ck_decisions_decision"), type_="check")
        batch.create_check_constraint(op.f("ck_decisions_decision"), condition)


def upgrade() -> None:
    """The decision ``reopen``; on PostgreSQL, the triggers that hold a reopening to it."""
    _decisions(_WITH_REOPEN)
    if op.get_bind().dialect.name == "postgresql":
        _run(_FUNCTIONS)


def downgrade() -> None:
    """Back to 0008: refused while a reopening is stored (0008 could not hold it);
    otherwise the triggers and the decision go."""
    bind = op.get_bind()
    if bind.exec_driver_sql("SELECT count(*) FROM decisions WHERE decision = 'reopen'").scalar():
        raise RuntimeError("this store records a decision reopened; schema 0008 cannot hold "
                           "it: keep 0009")
    if bind.dialect.name == "postgresql":
        _run(_DROP)
    _decisions(_DECISIONS)
