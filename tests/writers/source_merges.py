"""Proposals made on a Word draft and merged into it, for the writers' tests: the
amendments ``asked`` as (delegation, label, `Proposal` fields), drafted on the draft's
zero draft at one time, and the merged document written into the draft itself."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from drafting.engine import Proposal, draft_amendment
from drafting.engine.merge import merge
from drafting.readers.docx_draft import read_docx_draft
from drafting.writers.docx_source import write_merged_into_source

T0 = datetime(2026, 11, 2, 10, 0, tzinfo=UTC)


def proposed(document, asked):
    """The amendments ``asked`` ((code, label, fields), ...) on ``document``'s current
    revision, numbered A1, A2, ... in order."""
    return [draft_amendment(document.current, Proposal(label, **fields), id=f"A{n}",
                            proponents=[code], submitted_at=T0)
            for n, (code, label, fields) in enumerate(asked, 1)]


def merge_into(source: Path, asked, target: Path, symbol: str) -> Path:
    """``target``: the merged draft of the amendments ``asked`` written into ``source``."""
    document = read_docx_draft(source).to_document(symbol)
    amendments = proposed(document, asked)
    write_merged_into_source(source.read_bytes(), merge(document, amendments), target,
                             dates={a.id: T0 for a in amendments})
    return target
