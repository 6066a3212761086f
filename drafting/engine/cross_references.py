"""Paragraphs that cite others of the same text by number ("the report referred to in
paragraph 2 above", "paragraphs 3 to 5 of the present resolution"), read after a
revision renumbered or deleted the paragraphs they cite.

The words of a reference are the text's own: a revision never changes them by itself (a
citation of paragraph 2 of another resolution reads the same). Where a reference
plainly cites this text (``above``, ``below``, ``of the present resolution``, ``of this
decision``) and a paragraph it names was renumbered or deleted, `moved_references` names
the citing paragraph and what became of the cited one, for the secretariat to check, as
it does every cross-reference when it issues a revision.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from drafting.model import Revision

_REFERENCE = re.compile(
    r"(?i)\bparagraphs?\s+(?P<numbers>\d+(?:\s*(?:,|and|to|-|\u2013)\s*\d+)*)"
    r"\s*(?:,\s*)?(?:above|below|of\s+(?:the\s+present|this)\s+"
    r"(?:resolution|decision|declaration|annex))")
_NUMBER = re.compile(r"\d+")


def moved_references(revision: Revision, table: Mapping[str, str]) -> dict[str, str]:
    """For each paragraph of ``revision`` that cites by number an operative paragraph of
    the same text which ``table`` (old label -> new, "" deleted) renumbered or deleted:
    its label -> what to check ("cites 'paragraph 2 above': OP2 is OP3 in Rev.1")."""
    found: dict[str, str] = {}
    for paragraph in revision:
        if "aragraph" not in paragraph.text:
            continue
        said = []
        for match in _REFERENCE.finditer(paragraph.text):
            moved = [_fate(f"OP{number}", table[f"OP{number}"], revision.label)
                     for number in _NUMBER.findall(match["numbers"])
                     if table.get(f"OP{number}", f"OP{number}") != f"OP{number}"]
            if moved:
                said.append(f"cites '{match.group().strip()}': {'; '.join(moved)}")
        if said:
            found[paragraph.label] = "; ".join(said)
    return found


def _fate(old: str, new: str, label: str) -> str:
    return f"{old} is {new} in {label}" if new else f"{old} is deleted in {label}"
