"""Writers: the model, or the merged form, -> the formats people read.

``COMPILATION_WRITERS`` maps a format name to the function that renders a
`Compilation` (a merge or a diff) in it.
"""

from collections.abc import Callable

from drafting.engine.segments import Compilation
from drafting.writers.compilation_html import render_html
from drafting.writers.compilation_markdown import render_markdown
from drafting.writers.compilation_text import render_text
from drafting.writers.positions_markdown import render_positions_markdown
from drafting.writers.textfile import write_text

COMPILATION_WRITERS: dict[str, Callable[[Compilation], str]] = {
    "md": render_markdown,
    "txt": render_text,
    "html": render_html,
}
"""Compilation writers by format name (the output file's extension)."""

__all__ = [
    "COMPILATION_WRITERS",
    "render_html",
    "render_markdown",
    "render_positions_markdown",
    "render_text",
    "write_text",
]
