"""The engine: pure operations on the model (no files, no database, no Word).

amend (proposals -> amendments) · anchoring (map spans across revisions) ·
merge (amendments -> segments) · revise (decisions -> next revision) · diff.
"""

from drafting.engine.amend import Proposal, draft_amendment
from drafting.engine.bracket_report import BracketCount, BracketReport, bracket_report
from drafting.engine.diff import diff_revisions
from drafting.engine.merge import merge, select
from drafting.engine.revise import (
    BracketAction,
    BracketDecision,
    Decisions,
    RevisionOutcome,
    revise,
)
from drafting.engine.segments import Compilation

__all__ = [
    "BracketAction",
    "BracketCount",
    "BracketDecision",
    "BracketReport",
    "Compilation",
    "Decisions",
    "Proposal",
    "RevisionOutcome",
    "bracket_report",
    "diff_revisions",
    "draft_amendment",
    "merge",
    "revise",
    "select",
]
