"""What a submitted file's amendments must pass before they are shown for confirmation:
that they are the sender's (`refuse_other_delegations`: a Word author, or a JSON file's
``submitted_by``, naming another delegation; `refuse_forged_credits`: new words tagged as
the compilation credits another's), and that the store will take them
(`check_storable`), so that a preview (``--dry-run``) never promises what recording then
refuses, and a refusal names the file and the change.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from drafting.attributions import credit_key
from drafting.characters import on_screen
from drafting.errors import DraftingError, InputError
from drafting.lookalikes import LIKE_LATIN

if TYPE_CHECKING:
    from drafting.model import Amendment, Revision

_WORDS = re.compile(r"[^\W_]+(?:-[^\W_]+)*")
"""The words of a name, as codes are written: letters and digits, hyphens inside ("G-77");
an underscore parts two words ("USA_mission")."""


def named_delegation(name: str, delegation: str, codes: Collection[str]) -> str | None:
    """The delegation other than ``delegation`` that ``name`` (a Word author, who entered
    a file) names by its code, as shown on screen ("USA", "Jane Doe (USA)", "USA_mission",
    "U.S.A.", "usa mission"; "U\u200bSA", fullwidth "ＵSA" and "ЕU" with a Cyrillic Е read
    "USA" and "EU"; "G-77" is G77), or None: one naming ``delegation`` too is its own. A
    code is a word of a longer name as codes are written (capitals), or its first word in
    small letters ("usa mission"): "Smith and Jones" names no Andorra, "Can Yilmaz" no
    Canada."""
    shown = _as_shown(name)
    words = _WORDS.findall(shown)
    if _bare(delegation) in map(_bare, words):  # "Anna Schmidt (EU)" for the EU: its own
        return None
    others = {credit_key(code): code for code in codes
              if credit_key(code) != credit_key(delegation)}
    written = {_bare(code): code for code in others.values()}
    first = others.get(credit_key(words[0])) if words and words[0].islower() else None
    return others.get(credit_key(shown)) or first or next(
        (written[_bare(word)] for word in words if _bare(word) in written), None)


def _bare(code: str) -> str:
    """``code`` as written, without its hyphens ("G-77" and "G77" are one)."""
    return code.replace("-", "")


_LIKE_LATIN = LIKE_LATIN | str.maketrans("\u2010\u2011", "--")
_INITIALS = re.compile(r"\b(?:[^\W\d_]\.){2,}")
"""Initials with full stops ("U.S.A."), read as the code they spell."""


def _as_shown(name: str) -> str:
    """``name`` as it reads: the characters that show nothing dropped
    (`drafting.characters.on_screen`), compatibility forms as the letters they show
    (fullwidth "Ｕ"), Cyrillic and Greek letters drawn as Latin ones as those
    (`drafting.lookalikes.LIKE_LATIN`), the hyphens U+2010 and U+2011 as "-", initials
    without their full stops."""
    shown = unicodedata.normalize("NFKC", on_screen(name)).translate(_LIKE_LATIN)
    return _INITIALS.sub(lambda found: found.group().replace(".", ""), shown).strip()


def refuse_other_delegations(path: Path, amendments: Sequence[Amendment], delegation: str,
                             authors: Mapping[str, str], codes: Collection[str]) -> None:
    """InputError where changes the file would record as ``delegation``'s were tracked by a
    Word author that names another delegation by its code (`named_delegation`) and that
    ``authors`` does not map: another delegation's copy, sent under the wrong name or
    passed on, would propose its changes in this one's name."""
    found: dict[str, str] = {}
    for amendment in amendments:
        author = amendment.submitted_by
        if not author or author in authors or delegation not in amendment.proponents:
            continue
        if (named := named_delegation(author, delegation, codes)) is not None:
            found.setdefault(author, named)
    if found:
        (author, other), *_ = found.items()
        raise InputError(
            f"{path}: its tracked changes are by Word author "
            f"{', '.join(repr(a) for a in found)}, naming {other}, another delegation, not "
            f"{delegation}; nothing was recorded. If the file is {other}'s, submit it as "
            f"{other}'s (--delegation {other}); if {delegation}'s own staff tracked them "
            f"under that name, say so: --author '{author}={delegation}'")


def refuse_entered_by_other(path: Path, entered_by: str, delegation: str,
                            codes: Collection[str]) -> None:
    """InputError where a JSON file of ``delegation``'s says it was entered by
    (``submitted_by``) another delegation: the record would read so in every amendment."""
    if entered_by and (other := named_delegation(entered_by, delegation, codes)):
        raise InputError(
            f"{path}: submitted_by {entered_by!r} names {other}, another delegation, but the "
            f"file is {delegation}'s; nothing was recorded. submitted_by is who entered the "
            f"file for {delegation} (a person's name); if it is {other}'s proposal, "
            f"{other} submits it")


def check_storable(path: Path, amendments: Sequence[Amendment], revision: Revision) -> None:
    """InputError naming the file and the change where an amendment holds what the store
    refuses (a text with an empty line, a Word author's name too long or holding a tab:
    `drafting.store.names.check_amendments`)."""
    from drafting.store.names import check_amendments

    for amendment in amendments:
        try:
            check_amendments([amendment])
        except DraftingError as error:
            paragraph = revision.by_id(amendment.paragraph_id)
            on = f"the change to {paragraph.label}" if paragraph is not None else "a change"
            said = error.message.removeprefix("amendment 1: ")
            for field in ("submitted by", "who submitted it"):  # a Word copy's: its author
                said = said.replace(field, "the Word author's name", 1)
            raise InputError(f"{path}, {on}: {said}", details=error.details) from None


def refuse_forged_credits(path: Path, amendments: Sequence[Amendment], revision: Revision,
                          codes: Collection[str]) -> None:
    """InputError naming the file and the change where an amendment's new words hold a
    tag crediting words to one of ``codes`` but its proponents
    (`drafting.attributions.forged_credit`): the compilation would show them as that
    delegation's. (A JSON file's and ``drafting
    amend``'s are refused as they are drafted: `drafting.engine.new_words`.)"""
    from drafting.attributions import forged_credit
    from drafting.model import AmendmentKind

    for amendment in amendments:
        kept = "" if amendment.kind is AmendmentKind.INSERT else amendment.old_text
        if (found := forged_credit(amendment.new_text, codes, kept,
                                    amendment.proponents)) is not None:
            paragraph = revision.by_id(amendment.paragraph_id)
            on = f"the change to {paragraph.label}" if paragraph is not None else "a change"
            raise InputError(f"{path}, {on}: the new text, {found[1]}")
