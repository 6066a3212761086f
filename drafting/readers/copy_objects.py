"""What a delegation's copy shows that is no text: an equation (``m:oMath``), a symbol
of a font whose characters are not known (``w:sym``: Wingdings ...). The draft's own
are left out, as the import left them out (`drafting.ooxml.symbols`), each named in a
warning (`object_warnings`); one a tracked change inserts or deletes is refused by the
reader (`drafting.ooxml.runs`)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from drafting.ooxml.symbols import EQUATIONS, SYM, equation_text, symbol_text, unread_symbol
from drafting.readers.result import ReadWarning


def object_warnings(name: str, body: Any, paragraphs: Sequence[Any | None],
                    ) -> list[ReadWarning]:
    """A warning for each equation, and each symbol that cannot be read as text, in
    ``paragraphs`` (the copy's Word paragraphs, None for a footnote's place, numbered
    from 1 as the reader names them; ``body`` holds them): not read."""
    if next(body.iter(SYM, *EQUATIONS), None) is None:  # nearly always: none
        return []
    found = []
    for number, paragraph in enumerate(paragraphs, 1):
        if paragraph is None:
            continue
        for item in paragraph.iter(SYM, *EQUATIONS):
            if (item.tag == SYM and symbol_text(item) is not None) or \
                    next(item.iterancestors(*EQUATIONS), None) is not None:
                continue  # read as its character; or inside an equation, said with it
            what = unread_symbol(item) if item.tag == SYM else equation_text(item)
            found.append(ReadWarning(f"{name}, paragraph {number}", (
                f"{what} is not read: it is no text, and the draft's text does not hold "
                "it either (the import leaves it out); where it matters, propose its "
                "meaning in words")))
    return found
