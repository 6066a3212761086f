"""The engine: pure operations on the model (no files, no database, no Word)."""

from drafting.engine.bracket_report import BracketCount, BracketReport, bracket_report

__all__ = ["BracketCount", "BracketReport", "bracket_report"]
