"""A submission tabled again: the same content recorded anew once the first is settled.

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-06

A delegation may table again what it withdrew (or what was rejected, or left stale). The
same content has the same hash, and ``submissions.content_hash`` is unique: a submit event
tabling again the content of an earlier submission whose amendments are no longer all
pending carries ``again``, that submission's content hash, and its own hash is the SHA-256
of its content with ``again`` added (`drafting.store.submissions.content_hash`). No
column changes; what was recorded before reads and hashes the same.

On PostgreSQL the owner's check of a submit event learns it: ``again`` names an earlier
submission of the same document, and is hashed with the content.
SQL written out here, not imported: a migration stays what it was when it shipped (the
downgrade takes 0008's own function back from that migration).
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Sequence

from alembic import op

revision: str = "0011"
down_revision: str | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_FAIL = "RAISE EXCEPTION USING ERRCODE = 'check_violation', MESSAGE = "

_FUNCTION = r"""
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
  IF payload ? 'again' THEN  -- the same content tabled again: hashed with the earlier one's
    IF jsonb_typeof(payload -> 'again') IS DISTINCT FROM 'string' OR NOT EXISTS (
         SELECT 1 FROM submissions s WHERE s.content_hash = payload ->> 'again'
           AND s.event_seq < event.seq AND s.document_id = (
             SELECT d.id FROM documents d WHERE d.symbol = event.document)) THEN
      {fail} format('submit event %s: the submission it tables again (''again'') is not '
                    'an earlier submission of its document', event.seq);
    END IF;
    content := content || jsonb_build_object('again', payload -> 'again');
  END IF;
  IF payload ->> 'submission' IS DISTINCT FROM encode(sha256(convert_to(
       drafting_canonical(content), 'UTF8')), 'hex') THEN
    {fail} format('submit event %s: its submission''s hash is not the SHA-256 of what it '
                  'proposes', event.seq);
  END IF;
END $$;

"""


def _run(script: str) -> None:
    """Run ``script`` in the migration's transaction, in the store's schema (as 0006)."""
    bind = op.get_bind()
    name = str(bind.exec_driver_sql("SELECT current_schema()").scalar())
    schema = '"' + name.replace('"', '""') + '"'
    cursor = bind.connection.dbapi_connection.cursor()  # no parameters: nothing is parsed
    cursor.execute(script.format(s=schema, fail=_FAIL))


def upgrade() -> None:
    """On PostgreSQL, the check of a submit event that reads ``again``; nothing else."""
    if op.get_bind().dialect.name == "postgresql":
        _run(_FUNCTION)


def _function_of_0008() -> str:
    """0008's own definition of the function this migration replaced."""
    support = importlib.import_module("drafting.store.migrations.versions.0008_support")
    match = re.search(r"CREATE OR REPLACE FUNCTION \{s\}\.drafting_submitted\(.*?"
                      r"END \$\$;", support._FUNCTIONS, re.S)
    assert match is not None
    return match.group(0)


def downgrade() -> None:
    """Back to 0010: refused while a submission tabled again is stored (0010 could not
    check its hash)."""
    bind = op.get_bind()
    again = ("CAST(payload AS jsonb) -> 'again'" if bind.dialect.name == "postgresql"
             else "json_extract(payload, '$.again')")
    if bind.exec_driver_sql("SELECT count(*) FROM events WHERE kind = 'submit' "
                            f"AND {again} IS NOT NULL").scalar():
        raise RuntimeError("this store records submissions tabled again; schema 0010 "
                           "cannot check them: keep 0011")
    if bind.dialect.name == "postgresql":
        _run(_function_of_0008())
