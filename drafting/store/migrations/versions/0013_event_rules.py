"""The database refuses an event `drafting verify` would doubt for its time or its support.

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-06

An event's time is the clock of the machine that writes it. The library writes the time it
reads; a client that skips the library (a delegation's own role on a shared server) could
write any. `drafting.store.eventcheck` names, when the record is verified, an event dated
more than five minutes before the event it follows, or in the future, and a support the
library never records (of the supporter's own amendment, of one no longer open, or with
fields the library never writes). On PostgreSQL the database now refuses them when they
are written, so a shared store never holds them:

- ``drafting_event_timed`` (before an event is inserted): its time may be at most five
  minutes before the last event's, and at most five minutes after the server's clock;
- ``drafting_support_allowed`` (likewise, for a support event): the supporter is not
  among the amendment's proponents, the amendment is open (submitted or stale) when
  supported, and the payload holds only ``amendment``, ``delegation`` and ``withdraw``.

A writer whose clock is wrong is told so and records nothing; setting the clock right
and trying again records it. Events stored before are left as they are (`verify` names
them). SQLite gets nothing: whoever can write an SQLite store can drop a trigger. SQL
written out here, not imported: a migration stays what it was when it shipped.
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0013"
down_revision: str | None = "0012"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_FAIL = "RAISE EXCEPTION USING ERRCODE = 'check_violation', MESSAGE = "

_FUNCTIONS = r"""
CREATE FUNCTION {s}.drafting_event_timed() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, {s}, pg_temp AS $$
DECLARE
  last timestamptz;
  server timestamptz := clock_timestamp();
BEGIN
  IF NEW.at IS NULL OR NOT isfinite(NEW.at) THEN
    RETURN NEW;  -- no time at all: the table's own check (ck_events_at) refuses it
  END IF;
  SELECT e.at INTO last FROM events e ORDER BY e.seq DESC LIMIT 1;
  IF last IS NOT NULL AND NEW.at < last - interval '5 minutes' THEN
    {fail} format('event %s is dated %s UTC, before the last event (%s UTC): an event''s '
                  'time is the clock of the machine writing it, which is wrong or set back; '
                  'set it right and try again', NEW.seq,
                  to_char(NEW.at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS'),
                  to_char(last AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS'));
  END IF;
  IF NEW.at > server + interval '5 minutes' THEN
    {fail} format('event %s is dated %s UTC, later than the database server''s clock (%s '
                  'UTC): an event''s time is the clock of the machine writing it, which is '
                  'wrong or set forward; set it right and try again', NEW.seq,
                  to_char(NEW.at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS'),
                  to_char(server AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS'));
  END IF;
  RETURN NEW;
END $$;

CREATE FUNCTION {s}.drafting_support_allowed() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, {s}, pg_temp AS $$
DECLARE
  payload jsonb := NEW.payload::jsonb;
  code text := payload ->> 'delegation';
  number integer;
  standing text;
BEGIN
  IF NEW.kind NOT IN ('support', 'withdraw') THEN
    RETURN NEW;
  END IF;
  IF jsonb_typeof(payload) = 'object' AND (payload - 'amendment' - 'delegation'
      - CASE NEW.kind WHEN 'support' THEN 'withdraw' ELSE '' END) <> '{{}}'::jsonb THEN
    {fail} format('%s event %s: its payload holds fields the library never writes (only '
                  'the amendment, the delegation%s)', NEW.kind, NEW.seq,
                  CASE NEW.kind WHEN 'support' THEN ' and whether it withdraws' ELSE '' END);
  END IF;
  IF NEW.kind <> 'support' OR payload -> 'withdraw' IS DISTINCT FROM 'false'::jsonb
     OR (payload ->> 'amendment') !~ '^A[1-9][0-9]{{0,8}}$' THEN
    RETURN NEW;  -- what else a support event must hold, drafting_supported checks
  END IF;
  number := substr(payload ->> 'amendment', 2)::integer;
  IF EXISTS (SELECT 1 FROM amendment_proponents p
             WHERE p.amendment_id = number AND p.delegation_code = code) THEN
    {fail} format('support event %s: %s supports %s, which it proposes: a proponent does '
                  'not support its own amendment', NEW.seq, code, payload ->> 'amendment');
  END IF;
  SELECT s.status INTO standing FROM amendment_statuses s
    WHERE s.amendment_id = number ORDER BY s.position DESC LIMIT 1;
  IF standing IS NOT NULL AND standing NOT IN ('submitted', 'stale') THEN
    {fail} format('support event %s: %s supports %s, which is %s: an amendment no longer '
                  'open cannot be supported', NEW.seq, code, payload ->> 'amendment', standing);
  END IF;
  RETURN NEW;
END $$;

CREATE TRIGGER drafting_event_timed BEFORE INSERT ON {s}.events
  FOR EACH ROW EXECUTE FUNCTION {s}.drafting_event_timed();
CREATE TRIGGER drafting_support_allowed BEFORE INSERT ON {s}.events
  FOR EACH ROW EXECUTE FUNCTION {s}.drafting_support_allowed();
"""

_DROP = r"""
DROP TRIGGER IF EXISTS drafting_support_allowed ON {s}.events;
DROP TRIGGER IF EXISTS drafting_event_timed ON {s}.events;
DROP FUNCTION IF EXISTS {s}.drafting_support_allowed();
DROP FUNCTION IF EXISTS {s}.drafting_event_timed();
"""


def _run(script: str) -> None:
    """Run ``script`` (``%`` and ``:`` in it taken literally) in the migration's
    transaction, in the store's schema: the first on the search path."""
    bind = op.get_bind()
    name = str(bind.exec_driver_sql("SELECT current_schema()").scalar())
    schema = '"' + name.replace('"', '""') + '"'
    cursor = bind.connection.dbapi_connection.cursor()  # no parameters: nothing is parsed
    cursor.execute(script.format(s=schema, fail=_FAIL))


def upgrade() -> None:
    """On PostgreSQL, the two triggers."""
    if op.get_bind().dialect.name == "postgresql":
        _run(_FUNCTIONS)


def downgrade() -> None:
    """Back to 0012: the triggers go."""
    if op.get_bind().dialect.name == "postgresql":
        _run(_DROP)
