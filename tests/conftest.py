"""Fixtures for every test."""

from __future__ import annotations

from collections.abc import Iterator

import pytest


@pytest.fixture(autouse=True, scope="session")
def _no_terminal_width() -> Iterator[None]:
    """The command line's tables take the terminal's width, and a test's output is no
    terminal: they get the width a pipe gets (100 columns). pytest-xdist tells its
    workers COLUMNS=80 (the width of its own output), which would cut the lines the
    tests read; the commands and the processes they start must not see it. Session-wide,
    so that module fixtures that run commands (the sample negotiation) do not either."""
    with pytest.MonkeyPatch.context() as patch:
        patch.delenv("COLUMNS", raising=False)
        patch.delenv("LINES", raising=False)
        yield
