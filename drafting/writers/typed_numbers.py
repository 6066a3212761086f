"""Paragraph numbers as the secretariat's document types them ("5.<tab>", "5 bis.<tab>",
"(5)<tab>", Arabic "5 -<tab>"), read from its paragraphs and typed for new ones."""

from __future__ import annotations

import re

from drafting.errors import LabelError
from drafting.model import ParagraphKind
from drafting.model.labels import parse_label, typed_number
from drafting.readers.source_places import SourcePlace

TYPED_NUMBER = re.compile(
    r"\s*(?P<bracket>\[?)(?P<before>\(?)(?P<number>\d{1,4}(?:\s*[a-z]+)?)"
    r"(?P<after>[\t ]?\.\t|[\t ]?\.[ \u00a0\u2002-\u200a\u202f]+|[\t ]+[-\u2013][\t ]|"
    r"[\t ]?\)\t|[\t ]?\)[ \u00a0\u2002-\u200a\u202f]+)")
"""A number typed before a paragraph's text: ``5.<tab>``, ``5 bis.<tab>``, ``5. `` (spaces
for the tab, no-break ones too), ``5 .<tab>`` (a space before the full stop, as the readers
take it), as Arabic texts type it, ``5 -<tab>`` or ``5 - ``, and in brackets,
``(5)<tab>``, ``5) `` or ``5 ) ``; ``before`` and ``after`` are what stand before and
after the number, the ``bracket`` of a paragraph bracketed whole ("[5.<tab>Decides ...]")
not among them: a new paragraph typed in its form opens with no bracket."""


def typed_label(label: str, typed: str) -> str:
    """The label of a new paragraph typed as the paragraph before types its own: "5.\\t"
    gives "5 bis.\\t" for OP5 bis (and "7 Alt.\\t" for OP7 Alt), "5 -\\t" gives
    "5 bis -\\t", "(5)\\t" gives "(5 bis)\\t", and after a number lettered as the
    European Union letters them ("1a.\\t"), "1b.\\t" for OP1 ter; nothing where Word
    numbers the paragraphs."""
    if not typed:
        return ""
    found = TYPED_NUMBER.match(typed)
    before, after = (found["before"], found["after"]) if found else ("", ".\t")
    base, alt, rest = label.partition(" Alt")
    try:
        parsed = parse_label(base)
        if parsed.prefix == "OP":
            number = typed_number(base)
            if found and _LETTERED.fullmatch(found["number"]) and \
                    0 < parsed.suffix <= _LETTERS:  # "1a." before it: "1b.", not "1 ter."
                number = f"{parsed.number}{chr(ord('a') + parsed.suffix - 1)}"
            return f"{before}{number}{alt}{rest}{after}"
    except LabelError:
        pass
    return f"{before}{label}{after}"  # other text keeps its label (T1 bis)


_LETTERED = re.compile(r"\d{1,4}[a-s]")
_LETTERS = 19
"""How many letters stand for suffixes: a for bis to s for novies decies, as read."""


def typed_before(place: SourcePlace) -> str:
    """The label typed before a paragraph's text ("5.\\t"), or ""."""
    typed = TYPED_NUMBER.match(place.paragraphs[0].text)
    return typed.group() if typed else ""


def label_kind(label: str) -> ParagraphKind | None:
    """The kind of paragraph ``label`` names, None for one that does not parse."""
    try:
        return parse_label(label.partition(" Alt")[0]).kind
    except LabelError:
        return None
