"""A progress bar on stderr for work that takes a while: `steps` hands out the callback
the library's long functions call before each step (``step("merging 3,860 amendments")``).

Nothing is drawn when stderr is not a terminal (scripts, CI, pipes, closed), so output
stays clean; on a terminal the bar disappears when the work is done.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import TypeVar

_T = TypeVar("_T")


@contextmanager
def steps(total: int) -> Iterator[Callable[[str], None]]:
    """A bar of ``total`` steps; each call of the yielded function starts the next step,
    with its description."""
    # scripts and pipes (and a closed stderr, None): rich is not even imported
    if sys.stderr is None or not sys.stderr.isatty():
        yield _quiet
        return
    from rich.console import Console

    console = Console(stderr=True)
    if not console.is_terminal:
        yield _quiet
        return
    from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    columns = (SpinnerColumn(), TextColumn("{task.description:<40}"), BarColumn(),
               TimeElapsedColumn())
    with Progress(*columns, console=console, transient=True) as progress:
        task = progress.add_task("", total=total)
        started = False

        def step(what: str) -> None:
            nonlocal started
            progress.update(task, description=what, advance=1 if started else 0)
            progress.refresh()  # show each step as it starts, however short
            started = True

        yield step


@contextmanager
def each(items: Sequence[_T], what: Callable[[_T], str]) -> Iterator[Iterator[_T]]:
    """``items`` one by one, as a bar of one step each (``what(item)`` describing it) on a
    terminal; nothing drawn in a pipe, as for `steps`."""
    with steps(len(items)) as step:
        def walk() -> Iterator[_T]:
            for item in items:
                step(what(item))
                yield item

        yield walk()


@contextmanager
def recording(count: int) -> Iterator[None]:
    """A spinner with the time elapsed while ``count`` amendments are recorded: a write
    waits its turn behind any other under way (at a deadline, many), and the user sees
    it is alive. Nothing in a pipe, as for `steps`."""
    with steps(1) as step:
        step(f"recording {count:,} amendment{'s' if count != 1 else ''}")
        yield


def _quiet(_: str) -> None:
    """Steps that show nothing."""
