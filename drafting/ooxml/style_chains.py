"""What a style and the styles it is based on (``w:basedOn``) set together, the nearest
deciding, resolved once per style.

Walking each style's chain on its own costs its length: a style sheet of thousands of
styles each based on the next, with a run in each, made that quadratic (a 1 MB file
read for minutes). Here each style's settings are the style's own over those of the
style it is based on, worked out once, so a style sheet costs its length whatever its
chains. A chain that comes back on itself (a damaged file) is read as far as the first
style met twice, as before: each style of the loop takes the loop once round, starting
from itself.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

Settings = dict[Any, Any]
"""What one level sets, by property (tag, or a reader's own key)."""


class StyleChains:
    """The settings of each style, with those of the styles it is based on."""

    def __init__(self, styles: Mapping[str, Any], based_on: Callable[[Any], str | None],
                 own: Callable[[Any], Settings]) -> None:
        """``styles`` by id; ``based_on(style)`` names the style it is based on, if any;
        ``own(style)`` gives what the style itself sets."""
        self._styles = styles
        self._based_on = based_on
        self._own = own
        self._resolved: dict[str, Settings] = {}

    def __call__(self, style_id: str | None) -> Settings:
        """What ``style_id`` and the styles it is based on set ({} for no style, or one
        the style sheet does not have). The result is shared: do not change it."""
        if not style_id or style_id not in self._styles:
            return {}
        if style_id not in self._resolved:
            self._resolve(style_id)
        return self._resolved[style_id]

    def _resolve(self, style_id: str) -> None:
        path: list[str] = []
        on_path: dict[str, int] = {}
        current: str | None = style_id
        while (current and current in self._styles and current not in self._resolved
               and current not in on_path):
            on_path[current] = len(path)
            path.append(current)
            current = self._based_on(self._styles[current])
        if current and current in on_path:  # a loop: path[start:] comes back to itself
            start = on_path[current]
            self._resolve_loop(path[start:])
            path = path[:start]
        settings = self._resolved.get(current, {}) if current else {}
        for name in reversed(path):
            settings = {**settings, **self._own(self._styles[name])}
            self._resolved[name] = settings

    def _resolve_loop(self, loop: list[str]) -> None:
        """Each style of ``loop`` (each based on the next, the last on the first) with
        the loop once round from itself: going back twice round, a style met again
        farther on never decides (it is met nearer first)."""
        owns = [self._own(self._styles[name]) for name in loop]
        settings: Settings = {}
        for index in reversed(range(2 * len(loop))):
            settings = {**settings, **owns[index % len(loop)]}
            if index < len(loop):
                self._resolved[loop[index]] = settings
