"""What the structure reader reads and gives (`drafting.readers.structure`): a reader
turns its file into `Block`s, one per paragraph as written; `read_structure` tells what
each is (a `Role`) and builds the draft (`Structure`)."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from enum import StrEnum
from typing import TYPE_CHECKING

from drafting.lazy_re import lazy_compile
from drafting.readers.result import ReadResult

if TYPE_CHECKING:
    from drafting.ooxml.numbering import ListNumber


_LABELLED = lazy_compile(r"(PP|OP)\s?(\d{1,4})\.?", re.IGNORECASE)
"""A number a list shows as a paragraph's label: "PP%1", "OP%1." in Word."""
_CLAUSE = lazy_compile(r"(\d{1,3}(?:\.\d{1,3}){1,3})\.?")
"""A number a multilevel list shows below its top level: "1.2", "1.2.1."."""


@dataclass(frozen=True, slots=True)
class AutoNumber:
    """A number a word processor shows in front of a paragraph (not in its text)."""

    text: str
    """What a reader sees: ``"3."``, ``"(b)"``, ``"•"``."""
    level: int
    value: int
    decimal: bool
    list: str = ""
    """The list it counts in: Word's "List Number 2" is not "List Number"."""

    @property
    def label(self) -> tuple[str, int] | None:
        """The prefix and number a list numbering paragraphs by their labels shows ("PP3",
        "OP 3."), as informal drafts number them; None for any other number."""
        found = _LABELLED.fullmatch(self.text.strip())
        return (found[1].upper(), int(found[2])) if found else None

    @property
    def clause(self) -> str | None:
        """The label a number below a list's top level shows where it is a clause's
        ("1.2", "1.2.1": Word's multilevel "%1.%2", "%1.%2.%3", as IMO, ICAO and ISO texts
        number their clauses); None for a sub-paragraph's ("(a)") or a bullet."""
        found = _CLAUSE.fullmatch(self.text.strip())
        return found[1] if found and self.level > 0 and self.decimal else None

    @classmethod
    def shown(cls, number: ListNumber | None) -> AutoNumber | None:
        """The number Word shows (`drafting.ooxml.numbering`), as the structure reads it."""
        if number is None:
            return None
        return cls(number.text, number.level, number.value,
                   number.format.startswith("decimal"), number.list)


@dataclass(slots=True)
class Block:
    """One paragraph as written, before the structure is known."""

    text: str
    """Its visible text, each line trimmed; a typed label is still on it."""
    where: str
    title_style: bool = False
    """In a title style (Word's "Title", Markdown's ``#``): the title if it comes first or
    in the front matter, a level-1 heading elsewhere."""
    heading: int = 0
    """The heading level its style (or ``#``) gives; 0 for none."""
    number: AutoNumber | None = None
    notes: Counter[str] = field(default_factory=Counter)
    """What was left out of it (footnote, image, ...), counted, for warnings."""
    remarks: list[str] = field(default_factory=list)
    """Warnings about what follows it (a table), with ``{place}`` where "after OP4" goes."""
    contents: bool = False
    """A line of a table of contents (`drafting.readers.contents`): front matter."""
    table: int = 0
    """The table it stands in (1 for the first), 0 for none. A table's text is front
    matter before the chapeau (a symbol block); after it, a table is not read."""

    @property
    def shown(self) -> str:
        """Its text as a reader sees it: after its automatic number, if it has one
        ("Article 3 Objective" for a heading Word numbers "Article %1")."""
        number = self.number
        return f"{number.text} {self.text}" if number is not None and number.text else self.text


class RoleKind(StrEnum):
    """What a block turned out to be."""

    FRONT = "front matter"
    TITLE = "title"
    CHAPEAU = "chapeau"
    HEADING = "heading"
    PARAGRAPH = "paragraph"
    LINE = "line"
    """A sub-paragraph, bullet or option: part of the paragraph before."""
    EMPTY = "empty"


@dataclass(frozen=True, slots=True)
class Role:
    """What one block is: ``paragraph`` is the index (in the result's paragraphs) of the
    paragraph it opens or belongs to; ``skip`` how many characters at its start are a
    typed label, not text; ``prefix`` the text put before it when it joins a paragraph
    as a line (``"\\n"``, or ``"\\n(a) "`` for an automatic number), or before a
    heading's or a paragraph's own text (its automatic number: ``"Article 3 "``, a
    bullet ``"• "``). ``option``: the block is one alternative of its paragraph ("Option
    2: ...", "OP4 Alt ..."), its text after ``skip`` the alternative's. ``skip_at``: where
    the typed label starts, 1 for a paragraph bracketed whole with its number ("[2.
    Decides ...]": the bracket is text, the label after it is not)."""

    kind: RoleKind
    paragraph: int | None = None
    skip: int = 0
    prefix: str = ""
    option: bool = False
    skip_at: int = 0


@dataclass(frozen=True, slots=True)
class Structure:
    """The draft read from blocks, and each block's role, in order."""

    result: ReadResult
    roles: tuple[Role, ...]
