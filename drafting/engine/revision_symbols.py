"""A document's symbol with the revision it names, as each organization writes it.

- The UN, and any symbol of another shape, puts the revision after a slash:
  ``A/C.2/81/L.60`` -> ``A/C.2/81/L.60/Rev.1``; so does IMO, whose symbols hold a
  space after the committee's acronym: ``MSC 110/WP.5`` -> ``MSC 110/WP.5/Rev.1``.
- WHO, whose symbols run the series' letters into the session's number before the
  first slash (the Assembly's ``A77/4``, the Executive Board's ``EB156/3``), puts it
  after a space: ``A77/4 Rev.1`` (`revision_separator`).

A document that already names a revision keeps the form it names it in: the next
revision replaces the label only ("A77/4 Rev.1" -> "A77/4 Rev.2").
"""

from __future__ import annotations

import re

_REVISION_LABEL = re.compile(r"Rev\.\d+")
"""A revision label the symbol takes ("Rev.2"); "Zero draft" or "Second draft" is none."""
_SYMBOL_LIKE = re.compile(r"[/\d]")
"""What a document symbol holds and a word does not: "A/C.2/81/L.7", "L.7"."""
_NAMED_REVISION = re.compile(r"(?<=\S)[/ ]Rev\.\d+$")
_SPACED_REVISION = re.compile(r"[A-Z]+\d+/")
"""WHO's shape: series letters immediately followed by a session number, then "/"."""
_OLD_REVISION = r"(?P<old>(?P<sep>/| )Rev\.\d+)?"
"""The revision a symbol names, written "/Rev.1" (the UN) or " Rev.1" (WHO)."""


def revision_separator(symbol: str) -> str:
    """What comes between ``symbol`` and the first revision it names: " " for a symbol of
    WHO's shape ("A77/4", "EB156/3"), "/" for any other (the UN's "A/C.2/81/L.60", IMO's
    "MSC 110/WP.5", a slug)."""
    return " " if _SPACED_REVISION.match(symbol.strip()) else "/"


def symbol_with_revision(symbol: str, label: str) -> str:
    """``symbol`` naming revision ``label`` ("A77/4", "Rev.1": "A77/4 Rev.1"), a revision
    it names already replaced; as it is for a label that is not a "Rev.N"."""
    if not _REVISION_LABEL.fullmatch(label):
        return symbol
    base = unrevised(symbol)
    return base + revision_separator(base) + label


def revised_symbol(text: str, symbol: str, label: str) -> str:
    """``text`` with the document's symbol followed by revision ``label`` as its
    organization writes it (``A/C.2/81/L.7`` -> ``A/C.2/81/L.7/Rev.1``, ``A77/4`` ->
    ``A77/4 Rev.1``, an earlier revision replaced), when ``label`` is a "Rev.N"; else
    ``text`` as it is."""
    if not _REVISION_LABEL.fullmatch(label):
        return text
    return symbol_pattern(symbol).sub(lambda found: with_revision(found, label), text)


def with_revision(found: re.Match[str], label: str) -> str:
    """The symbol `symbol_pattern` ``found`` (with what it took before it) naming revision
    ``label`` in place of the one it names, if any."""
    return found[0][:len(found[0]) - len(found["old"] or "")] + revision_suffix(found, label)


def revision_suffix(found: re.Match[str], label: str) -> str:
    """What follows the symbol `symbol_pattern` ``found`` to name revision ``label``: the
    separator of the revision it names already (" Rev.1": " Rev.2"), else the one its
    shape asks for (`revision_separator`)."""
    if found["sep"]:
        return found["sep"] + label
    return revision_separator(found[0]) + label


def symbol_pattern(symbol: str) -> re.Pattern[str]:
    """The document's ``symbol`` where it stands as itself, with the revision it names if
    any (group ``old``): never inside a word ("G" in "General") or a longer symbol
    (``A/C.2/81/L.7`` in ``A/C.2/81/L.70``, ``A/C.2/81/L.7/Corr.1`` or ``A77/4 Add.1``).
    A symbol with neither "/" nor a digit may be a word too ("WHO", "CBD"): it is the
    symbol only where it stands alone, a line of its own ("WHO Intergovernmental
    Negotiating Body" keeps its "WHO"). A symbol that names a revision itself (a text
    imported at ``A/HRC/61/L.12/Rev.1``) is found without it, so that Rev.2 replaces it.
    The revision named may follow a space, as WHO writes it (``A77/4 Rev.1``). IMO's
    space ("MSC 110/WP.5") may be a no-break space in the document, as Word keeps the
    two parts together."""
    symbol = unrevised(symbol)
    escaped = re.escape(symbol).replace(r"\ ", "[ \u00a0]")
    if not _SYMBOL_LIKE.search(symbol):
        return re.compile(r"^\s*" + escaped + _OLD_REVISION + r"(?=\s*$)")
    return re.compile(r"(?<![\w/.-])" + escaped + _OLD_REVISION +
                      r"(?![\w/-]| (?:Add|Corr|Amend)\.\d)")


def unrevised(symbol: str) -> str:
    """``symbol`` without the revision it may end with ("A/HRC/61/L.12/Rev.1": "A/HRC/61/
    L.12")."""
    return _NAMED_REVISION.sub("", symbol)
