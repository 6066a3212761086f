"""Regular expressions compiled when first used, not when their module is imported.

The library holds some two hundred patterns at module level, for the readers of every
kind of document, the engine and the writers; a command uses a few of them. Compiling
them all at import took a tenth of a second of every command (`benchmarks/run.py`), as
long as some commands' own work. `lazy_compile` gives an object that stands for the
compiled pattern: its first use compiles it, and from then on its methods are the
compiled pattern's own (looked up on the object, no indirection left).
"""

from __future__ import annotations

import re
from typing import Any, AnyStr, cast

_METHODS = ("match", "fullmatch", "search", "sub", "subn", "split", "finditer", "findall",
            "scanner", "flags", "groups", "groupindex")


class _LazyPattern:
    """A pattern and its flags, compiled on first use (see `lazy_compile`)."""

    __slots__ = ("__dict__", "_flags", "pattern")

    def __init__(self, pattern: str | bytes, flags: int) -> None:
        self.pattern = pattern
        self._flags = flags

    def __getattr__(self, name: str) -> Any:
        """Called only for what is not yet on the object: compile, keep the methods."""
        if name.startswith("__"):
            raise AttributeError(name)
        compiled = re.compile(self.pattern, self._flags)
        for method in _METHODS:
            setattr(self, method, getattr(compiled, method))
        return getattr(compiled, name)

    def __repr__(self) -> str:
        return f"lazy_compile({self.pattern!r})"


def lazy_compile(pattern: AnyStr, flags: int = 0) -> re.Pattern[AnyStr]:
    """``re.compile(pattern, flags)``, compiled the first time it is used. A bad pattern
    raises then, not at import: every module's patterns are compiled by a test."""
    made = _LazyPattern(pattern, int(flags))
    _MADE.append(made)
    return cast("re.Pattern[AnyStr]", made)


_MADE: list[_LazyPattern] = []
"""Every lazy pattern made so far (module-level ones: a few hundred at most)."""


def compile_all() -> int:
    """Compile every lazy pattern made so far; how many there are. For tests: once every
    module is imported, a pattern that does not compile fails here."""
    for made in _MADE:
        made.match  # noqa: B018 - the first use compiles
    return len(_MADE)
