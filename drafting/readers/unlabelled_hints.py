"""The warning `drafting.readers.structure` gives for a paragraph it keeps as other text
(``T1``) after the operative paragraphs began, and the labels that warning names.

Labels are final only once the whole text is read (a treaty's typed "2." is ``5.2`` once
its articles are known), so the warning carries marks (`last_mark`, `next_mark`) that
`named_labels` turns into labels at the end: the paragraph before ("after 4.2") and, as
the label to give, the one after the last operative paragraph in the text's own kind
("e.g. 4.3", "e.g. OP3"). A line in parentheses naming proponents ("(Proponents: EU,
AOSIS, Rwanda)", as negotiating texts note who put a paragraph forward) is said to be
one, with no label to give."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from drafting.errors import LabelError
from drafting.lazy_re import lazy_compile
from drafting.model import Paragraph, ParagraphKind
from drafting.model.labels import parse_label
from drafting.readers.result import ReadWarning

_LAST = lazy_compile("\x00(\\d+)\x00")
"""`last_mark`'s mark: the label of the paragraph at that index."""
_NEXT = lazy_compile("\x01(\\d+)\x01")
"""`next_mark`'s mark: the label after the last operative paragraph up to that index."""
_PROPONENTS = lazy_compile(
    r"(?i)\(\s*(?:proponents?|proposed\s+by|submitted\s+by|supported\s+by|sponsors?"
    r"|propos[ée]e?s?\s+par|auteurs?|proponentes?|propuest[oa]s?\s+por)\b[^()]*\)\s*[.;]?")
"""A line in parentheses naming who proposed a paragraph: "(Proponents: EU, AOSIS)",
"(Proposed by Brazil)", "(Proposé par le Canada)", "(Proponentes: Chile)"."""


def last_mark(index: int) -> str:
    """A mark that `named_labels` makes the label of the paragraph at ``index``."""
    return f"\x00{index}\x00"


def next_mark(index: int) -> str:
    """A mark that `named_labels` makes the label after the last operative paragraph at
    or before ``index`` ("4.3" after "4.2", "OP3" after "OP2"; "OP1" where none is)."""
    return f"\x01{index}\x01"


def unlabelled_warning(last: int, label: str, text: str) -> str:
    """The warning for the block ``text``, kept as other text ``label`` after the
    paragraph at index ``last``: naming the label to give it if it is a paragraph of its
    own, or, for a line naming proponents, that it is kept as such."""
    kept = f"paragraph without a label after {last_mark(last)}; kept as other text {label}"
    if _PROPONENTS.fullmatch(text.strip()):
        return f"{kept}, a line naming proponents"
    return f"{kept}. Give it a label (e.g. {next_mark(last)}) if it is an operative paragraph"


def named_labels(warnings: Sequence[ReadWarning],
                 paragraphs: Sequence[Paragraph]) -> list[ReadWarning]:
    """``warnings`` with the marks of `last_mark` and `next_mark` made the labels of
    ``paragraphs`` (the text's, as read)."""
    def last(found: re.Match[str]) -> str:
        return paragraphs[int(found[1])].label

    def after(found: re.Match[str]) -> str:
        return _label_after(paragraphs[:int(found[1]) + 1])

    return [replace(w, message=_NEXT.sub(after, _LAST.sub(last, w.message)))
            for w in warnings]


def _label_after(paragraphs: Sequence[Paragraph]) -> str:
    """The label after the last operative paragraph of ``paragraphs``, in its kind."""
    for paragraph in reversed(paragraphs):
        if paragraph.kind is ParagraphKind.OPERATIVE:
            try:
                label = parse_label(paragraph.label)
            except LabelError:  # a label no reader writes: say nothing wrong
                break
            return str(replace(label, number=label.number + 1, suffix=0))
    return "OP1"
