"""An alternative to an article taking the article's place when a revision deletes it.

Chairs' texts set out an alternative to a whole article after it ("[Article 13 alt", its
title, its paragraphs ``13alt.1``, ...). When the accepted amendments delete Article 13
itself (its heading and every paragraph of its section), negotiators mean the alternative
to replace it: the revision's first alternative standing takes the article's number, its
heading losing the words that made it an alternative ("[Article 13 alt" -> "[Article 13",
its brackets kept: deleting the article agrees no word of the alternative) and its
paragraphs counting in the article's section (``13alt.1`` -> ``13.1``). A second one
("Article 13 alt 2") stays the alternative it was. Where the article stands, or only its
heading or only some of its paragraphs are deleted, every alternative stays as it is.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from drafting.errors import LabelError
from drafting.model import Paragraph, ParagraphKind
from drafting.model.labels import ALTERNATIVE, Label, parse_label, section_of
from drafting.model.sections import alternative_to, section_key, without_alternative


def alternatives_promoted(old: Sequence[Paragraph], new: list[Paragraph]
                          ) -> tuple[list[Paragraph], dict[str, str], dict[str, tuple[str, int]]]:
    """``new`` (a revision of ``old``'s paragraphs, in order, labels not yet renumbered)
    with each deleted article's first standing alternative in its place (see the module's
    docstring); the labels its paragraphs had, by id; and, by id, the kind and number of
    each heading that took an article's place where its number is plain ("ARTICLE", 13),
    for the headings' numbering to count it as the article's."""
    gone = _articles(old) - _articles(new) - {section_of(p.label) for p in new}
    out = list(new)
    moved: dict[str, str] = {}
    promoted: dict[str, tuple[str, int]] = {}
    renamed: tuple[str, str] | None = None  # the section keys (was, now) being moved
    for index, paragraph in enumerate(out):
        if paragraph.kind is ParagraphKind.HEADING and (key := section_key(paragraph.text)):
            renamed = None
            article = article_of(key)
            if article is not None and article in gone:
                gone.discard(article)
                renamed = (key, article)
                out[index] = replace(paragraph, text=without_alternative(paragraph.text))
                if (number := alternative_to(paragraph.text)) is not None:
                    promoted[paragraph.id] = number
        elif renamed is not None and (label := _moved(paragraph.label, *renamed)):
            moved[paragraph.id] = paragraph.label
            out[index] = replace(paragraph, label=label)
    return out, moved, promoted


def _articles(paragraphs: Sequence[Paragraph]) -> set[str]:
    """The keys of the sections (not alternatives) whose headings ``paragraphs`` hold."""
    keys = {section_key(p.text) for p in paragraphs if p.kind is ParagraphKind.HEADING}
    return {key for key in keys if key and article_of(key) is None}


def article_of(key: str) -> str | None:
    """The key of the section whose alternative ``key`` is ("13alt2" -> "13", "13bisalt"
    -> "13bis"), None for a section's own key."""
    base, found, number = key.rpartition(ALTERNATIVE)
    return base if found and base and (number == "" or number.isdigit()) else None



def _moved(text: str, old_key: str, new_key: str) -> str | None:
    """``text`` (a label) counted in section ``new_key`` where it counts in ``old_key``;
    None otherwise."""
    try:
        label = parse_label(text)
    except LabelError:
        return None
    if label.section != old_key:
        return None
    return str(Label(label.prefix, label.number, label.suffix, new_key))
