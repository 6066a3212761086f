"""The number Word shows before a heading its style (or its own list) numbers.

A heading numbered by Word ("Article %2" on Heading 2) reads "Article 2 Scope": Word's
number, then its words. A new heading made in that form must hold its words alone, or
Word shows "Article 2 Article 2 Objective" (`words_alone`); and a heading whose number
alone changed (a revision numbering the articles on after a new one) keeps its
paragraph as it is: Word numbers it itself (`shown_kept`).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from drafting.ooxml.numbering import NumberingCounter, shown_alike


def words_alone(text: str, form: Any, document: Any) -> str:
    """``text`` (a new heading) without the number it opens with where ``form`` (the
    ``w:p`` whose form it takes) shows one Word numbers, written alike ("Article 2
    Objective" -> "Objective" after "Article 1"); ``text`` as it is otherwise."""
    shown = NumberingCounter(document).number(form, count=False)
    found = shown_alike(shown.text, text) if shown is not None and shown.text else None
    return text[len(found):].lstrip() if found and text[len(found):].strip() else text


def shown_kept(was: str, now: str, places: Sequence[Any]) -> str:
    """``now`` (a paragraph's new text) with the number Word shows before ``was`` (its
    first characters, with no place in the Word paragraph: ``places``) as ``was`` has it,
    where ``now`` writes it alike: Word numbers the heading itself, no edit makes it."""
    count = next((n for n, place in enumerate(places) if place is not None), 0)
    shown = was[:count]
    found = shown_alike(shown, now) if shown.strip() else None
    if found is None or found == shown.rstrip():
        return now
    return shown.rstrip() + now[len(found):]
