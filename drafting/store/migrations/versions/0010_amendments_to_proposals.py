"""Amendments to proposals: one delegation amends the words another proposed.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-04

One new column, ``amendments.amends_id``: for an amendment to another delegation's pending
proposal (a sub-amendment), that proposal; NULL for every amendment stored before. Its span
and old text are in the proposal's new text. A submit event's amendment then carries
``amends`` (``"A12"``), only when it has one: payloads and hashes of everything recorded
before read the same.

On PostgreSQL the owner's trigger on new amendments learns it: an amendment to a proposal
is checked against that proposal (pending, of the same document and paragraph, itself no
amendment to another, proposing words; the span inside those words), not against the
paragraph, and its row must say what its submit event's ``amends`` says.
SQL written out here, not imported: a migration stays what it was when it shipped.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0010"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_FAIL = "RAISE EXCEPTION USING ERRCODE = 'check_violation', MESSAGE = "

_FUNCTION = r"""
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
    WHERE n.amends_id IS NULL AND (v.text IS NULL OR n.span_end > char_length(v.text)
       OR n.anchor_end > char_length(v.text)
       OR (n.kind IN ('replace', 'delete', 'bracket') AND n.old_text IS DISTINCT FROM
           substr(v.text, n.span_start + 1, n.span_end - n.span_start))) LIMIT 1;
  IF bad IS NOT NULL THEN
    {fail} format('amendment A%s is refused: its paragraph must be in the revision, its '
                  'span inside the paragraph, its old text the words at its span', bad);
  END IF;
  -- an amendment to a proposal: the proposal pending, of its document and paragraph, no
  -- amendment to another itself; the span inside the words it proposes
  SELECT n.id INTO bad FROM added n
    LEFT JOIN paragraph_versions v
      ON v.revision_id = n.made_against_id AND v.paragraph_id = n.paragraph_id
    LEFT JOIN amendments p ON p.id = n.amends_id
    WHERE n.amends_id IS NOT NULL AND (v.text IS NULL OR p.id IS NULL
       OR p.document_id <> n.document_id OR p.paragraph_id <> n.paragraph_id
       OR p.amends_id IS NOT NULL OR p.status <> 'submitted'
       OR p.kind NOT IN ('new paragraph', 'alternative', 'replace', 'insert')
       OR n.kind NOT IN ('replace', 'delete', 'insert')
       OR n.span_end > char_length(p.new_text) OR n.anchor_end > char_length(p.new_text)
       OR (n.kind IN ('replace', 'delete') AND n.old_text IS DISTINCT FROM
           substr(p.new_text, n.span_start + 1, n.span_end - n.span_start))) LIMIT 1;
  IF bad IS NOT NULL THEN
    {fail} format('amendment A%s is refused: an amendment to a proposal amends a pending '
                  'proposal of words on its paragraph, within the words it proposes', bad);
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
        'status', 'submitted') || CASE WHEN n.amends_id IS NULL THEN '{{}}'::jsonb
          ELSE jsonb_build_object('amends', 'A' || n.amends_id) END
    LIMIT 1;
  IF bad IS NOT NULL THEN
    {fail} format('%s is not as the submit event of its submission records it', bad);
  END IF;
  RETURN NULL;
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
    """The column; on PostgreSQL, the trigger function that knows it."""
    with op.batch_alter_table("amendments") as batch:
        batch.add_column(sa.Column("amends_id", sa.Integer(), nullable=True))
        batch.create_foreign_key(op.f("fk_amendments_amends_id_amendments"), "amendments",
                                 ["amends_id"], ["id"])
    if op.get_bind().dialect.name == "postgresql":
        _run(_FUNCTION)


def _function_of_0008() -> str:
    """0008's own definition of the function this migration replaced."""
    support = importlib.import_module("drafting.store.migrations.versions.0008_support")
    match = re.search(r"CREATE OR REPLACE FUNCTION \{s\}\.drafting_amendments_added\(.*?"
                      r"END \$\$;", support._FUNCTIONS, re.S)
    assert match is not None
    return match.group(0)


def downgrade() -> None:
    """Back to 0009: refused while an amendment to a proposal is stored (0009 could not
    read it); otherwise the column and the trigger function go."""
    bind = op.get_bind()
    if bind.exec_driver_sql(
            "SELECT count(*) FROM amendments WHERE amends_id IS NOT NULL").scalar():
        raise RuntimeError("this store records amendments to proposals; schema 0009 cannot "
                           "hold them: keep 0010")
    if bind.dialect.name == "postgresql":
        _run(_function_of_0008())
    with op.batch_alter_table("amendments") as batch:
        batch.drop_constraint(op.f("fk_amendments_amends_id_amendments"), type_="foreignkey")
        batch.drop_column("amends_id")
