"""A document's symbol with the revision it names, as each organization writes it.

- The UN, and any symbol of another shape, puts the revision after a slash:
  ``A/C.2/81/L.60`` -> ``A/C.2/81/L.60/Rev.1``; so does IMO, whose symbols hold a
  space after the committee's acronym: ``MSC 110/WP.5`` -> ``MSC 110/WP.5/Rev.1``.
- WHO, whose symbols run the series' letters into the session's number before the
  first slash (the Assembly's ``A77/4``, the Executive Board's ``EB156/3``), puts it
  after a space: ``A77/4 Rev.1`` (`revision_separator`).

A document that already names a revision keeps the form it names it in: the next
revision replaces the label only ("A77/4 Rev.1" -> "A77/4 Rev.2"). It cannot take that
revision's label again, nor an earlier one: a text imported as "A/HRC/61/L.12/Rev.1"
and revised as "Rev.1" would go out under the symbol of the text it replaces
(`reused_revision`).

A joint document (the General Assembly's and the Economic and Social Council's, or the
Assembly's and the Security Council's) carries one symbol per organ, joined by a dash:
``A/81/L.5–E/2026/L.12``. Its revision revises every one of them, as the UN writes it:
``A/81/L.5/Rev.1–E/2026/L.12/Rev.1`` (`revision_places`).

A document reissued for technical reasons carries a mark after its symbol
(``A/C.2/81/L.50*``) and a note in its front matter ("* Reissued for technical reasons on
3 November 2026."). A revision is a new document, never a reissue: it drops both
(`revised_front_matter`; the note's line is known by the mark it opens with, in any
language).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from drafting.lazy_re import lazy_compile

_REVISION_LABEL = lazy_compile(r"Rev\.\d+")
"""A revision label the symbol takes ("Rev.2"); "Zero draft" or "Second draft" is none."""
_SYMBOL_LIKE = lazy_compile(r"[/\d]")
"""What a document symbol holds and a word does not: "A/C.2/81/L.7", "L.7"."""
_NAMED_REVISION = lazy_compile(r"(?<=\S)[/ ]Rev\.\d+$")
_SPACED_REVISION = lazy_compile(r"[A-Z]+\d+/")
"""WHO's shape: series letters immediately followed by a session number, then "/"."""
_OLD_REVISION = r"(?P<old>(?P<sep>/| )Rev\.\d+)?"
"""The revision a symbol names, written "/Rev.1" (the UN) or " Rev.1" (WHO)."""
_JOINED = r" ?[\u2013\u2014] ?"
"""What joins the symbols of a joint document: an en dash (the UN's) or an em dash."""
_PARTNER = (r"(?P<partner>[A-Z][A-Za-z0-9.]*(?:/[A-Za-z0-9]+(?:\.[A-Za-z0-9]+)*\.??)+?)"
            r"(?P<old>[/ ]Rev\.\d+)?(?![\w/-])")
"""Another organ's symbol of the UN's shape ("E/2026/L.12", "S/2026/100"), with the
revision it names, if any."""
_MARK = lazy_compile(r"\*{1,3}(?!\*)")
"""A reissue's mark after a symbol ("A/C.2/81/L.50*"): one to three asterisks."""
_NOTE = lazy_compile(r"\s*(?P<mark>\*{1,3})(?!\*)[\s\u00a0]")
"""The line of a mark's note ("*  Reissued for technical reasons on ..."); its mark."""
_MOST_PARTNERS, _PARTNER_REACH = 4, 80
"""A joint document's symbols besides the document's own: a few (the UN's join two or
three organs), each of a few dozen characters at most."""
_AFTER = lazy_compile(_JOINED + _PARTNER + r"(?P<mark>\*{1,3}(?!\*))?")
"""A partner symbol right after the document's own."""
_BEFORE = lazy_compile(r"(?<![\w/.-])" + _PARTNER + _JOINED + r"$")
"""A partner symbol right before the document's own (``E/2026/L.12–A/81/L.5``)."""


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
    if len(parts := re.split(_JOINED, symbol)) > 1:  # a joint symbol: each part revised
        return revised_symbol(symbol, parts[0], label)
    base = unrevised(symbol)
    return base + revision_separator(base) + label


def named_revision(symbol: str, lines: Iterable[str] = ()) -> int:
    """The number of the latest revision the document's ``symbol`` names, itself (a text
    imported as "A/HRC/61/L.12/Rev.1": 1) or where it stands in ``lines`` (its front
    matter, its page header); 0 where it names none."""
    pattern = symbol_pattern(re.split(_JOINED, symbol)[0])
    return max((int(found["old"].rpartition(".")[2]) for text in (symbol, *lines)
                for found in pattern.finditer(text) if found["old"]), default=0)


def reused_revision(symbol: str, lines: Iterable[str], label: str) -> str | None:
    """Why revision ``label`` cannot be issued under ``symbol``, whose text (front matter
    ``lines``) names revision N already: "Rev.N" or an earlier one would give the new
    text a symbol that a text already circulated has; None for any other label."""
    if not _REVISION_LABEL.fullmatch(label):
        return None
    named = named_revision(symbol, lines)
    if int(label.partition(".")[2]) > named:
        return None
    circulated = symbol_with_revision(symbol, f"Rev.{named}")
    under = "the same symbol" if label == f"Rev.{named}" else \
        f"an earlier revision's symbol, {symbol_with_revision(symbol, label)}"
    return (f"{symbol}: the current text is {circulated} already, so revision {label} "
            f"would be circulated under {under}; label this revision Rev.{named + 1}")


def revised_symbol(text: str, symbol: str, label: str) -> str:
    """``text`` with the document's symbol followed by revision ``label`` as its
    organization writes it (``A/C.2/81/L.7`` -> ``A/C.2/81/L.7/Rev.1``, ``A77/4`` ->
    ``A77/4 Rev.1``, an earlier revision replaced), when ``label`` is a "Rev.N"; else
    ``text`` as it is."""
    for start, end, suffix in reversed(revision_places(text, symbol, label)):
        text = text[:start] + suffix + text[end:]
    return text


def revision_places(text: str, symbol: str, label: str) -> list[tuple[int, int, str]]:
    """Where ``text`` names the document's ``symbol`` and the revision ``label`` is to
    stand, in order: characters ``start:end`` (the revision it names, else none) become
    the suffix (``"/Rev.1"``); none where it names ``label`` already, or when ``label``
    is not a "Rev.N". A joint symbol's partners take it too, in the form the document's
    own takes (``A/81/L.5–E/2026/L.12``: "/Rev.1" after each)."""
    if not _REVISION_LABEL.fullmatch(label):
        return []
    places = []
    own = re.split(_JOINED, symbol)[0]  # a joint symbol is found by its first part
    for found in symbol_pattern(own).finditer(text):
        suffix = revision_suffix(found, label)
        end = found.end() + len(mark[0] if (mark := _MARK.match(text, found.end())) else "")
        places.extend(_partners_before(text, found.start(), suffix))
        places.append((found.end() - len(found["old"] or ""), end, suffix))
        places.extend(_partners_after(text, end, suffix))
    return sorted({place for place in places if text[place[0]:place[1]] != place[2]})


def reissue_marks(text: str, symbol: str) -> set[str]:
    """The reissue marks (`_MARK`) ``text`` shows after the document's ``symbol`` or a
    joint symbol's partner ("A/C.2/81/L.50*": {"*"})."""
    marks = set()
    for found in symbol_pattern(re.split(_JOINED, symbol)[0]).finditer(text):
        end = found.end()
        if mark := _MARK.match(text, end):
            marks.add(mark[0])
            end = mark.end()
        while partner := _AFTER.match(text, end):
            marks |= {partner["mark"]} - {None}
            end = partner.end()
    return marks


def reissue_note(line: str, marks: set[str]) -> bool:
    """Whether ``line`` is the note of one of the reissue ``marks`` (`reissue_marks`):
    it opens with that mark, then a space ("*  Reissued for technical reasons ...")."""
    return bool(marks) and (note := _NOTE.match(line)) is not None and note["mark"] in marks


def revised_front_matter(lines: tuple[str, ...], symbol: str, label: str, *,
                         beside: tuple[str, ...] = ()) -> tuple[str, ...]:
    """The front matter ``lines`` of the revision ``label``: the symbol naming it
    (`revised_symbol`), without a reissue's mark and its note (the mark looked for in
    ``beside`` too: the lines after the title, where a title comes first); as they are
    for a label that is not a "Rev.N"."""
    if not _REVISION_LABEL.fullmatch(label):
        return lines
    marks = {mark for line in (*lines, *beside) for mark in reissue_marks(line, symbol)}
    return tuple(revised_symbol(line, symbol, label) for line in lines
                 if not reissue_note(line, marks))


def _partners_after(text: str, end: int, suffix: str) -> list[tuple[int, int, str]]:
    """The places (`revision_places`) of the partner symbols joined after ``end``, at most
    `_MOST_PARTNERS`."""
    places = []
    while len(places) < _MOST_PARTNERS and (partner := _AFTER.match(text, end)):
        places.append((partner.end("partner"), partner.end(), suffix))  # its mark dropped
        end = partner.end()
    return places


def _partners_before(text: str, start: int, suffix: str) -> list[tuple[int, int, str]]:
    """The places (`revision_places`) of the partner symbols joined before ``start``, at
    most `_MOST_PARTNERS`, each looked for in the `_PARTNER_REACH` characters before."""
    places = []
    while len(places) < _MOST_PARTNERS and (partner := _BEFORE.search(
            text, max(0, start - _PARTNER_REACH), start)):
        places.insert(0, (partner.end("partner"), partner.end("partner") + len(
            partner["old"] or ""), suffix))
        start = partner.start()
    return places


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
