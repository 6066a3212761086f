"""What a submitted file's amendments must pass before they are shown for confirmation:
that they are the sender's (`refuse_other_delegations`: a Word author, or a JSON file's
``submitted_by``, naming another delegation; `refuse_mapped_away`: a Word author map
giving the file's own author to another; `acting_for_other`: who acts naming another
delegation; `refuse_forged_credits`: new words tagged as the compilation credits
another's), and that the store will take them
(`check_storable`), so that a preview (``--dry-run``) never promises what recording then
refuses, and a refusal names the file and the change.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Collection, Mapping, Sequence
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from drafting.attributions import credit_key
from drafting.characters import on_screen
from drafting.errors import DraftingError, InputError
from drafting.lazy_re import lazy_compile
from drafting.lookalikes import LIKE_LATIN

if TYPE_CHECKING:
    from drafting.model import Amendment, Delegation, Revision

_WORDS = lazy_compile(r"[^\W_]+(?:-[^\W_]+)*")
"""The words of a name, as codes are written: letters and digits, hyphens inside ("G-77");
an underscore parts two words ("USA_mission")."""


def named_delegation(name: str, delegation: str, codes: Collection[str]) -> str | None:
    """The delegation other than ``delegation`` that ``name`` (a Word author, who entered
    a file) names by its code, as shown on screen ("USA", "Jane Doe (USA)", "USA_mission",
    "U.S.A.", "usa mission"; "U\u200bSA", fullwidth "ＵSA" and "ЕU" with a Cyrillic Е read
    "USA" and "EU"; "G-77" is G77), or None: one naming ``delegation`` too is its own. A
    code is a word of a longer name as codes are written (capitals), or its first word in
    small letters ("usa mission"): "Smith and Jones" names no Andorra, "Can Yilmaz" no
    Canada. A name naming a code spelt as it is names that one, not another code the same
    but for hyphens ("EU" beside "E-U", in a store holding both): never one picked by
    chance."""
    every = tuple(sorted({*codes, delegation} - {""}))
    if names_delegation(name, delegation, every):
        return None
    _, readings = _readings(name)
    for word, key in readings:
        if (code := _named_code(word, every, key)) is not None and code != delegation:
            return code
    return None


def names_delegation(name: str, delegation: str, codes: Collection[str]) -> bool:
    """Whether ``name`` names ``delegation`` by its code (read as `named_delegation`
    reads names; ``codes``: the store's, among which a code spelt as the name writes it
    is the one named)."""
    if not delegation:
        return False
    every = tuple(sorted({*codes, delegation}))
    words, readings = _readings(name)
    return any(_named_code(word, every, _bare) == delegation for word in words) or any(
        _named_code(word, every, key) == delegation for word, key in readings)


Key = Callable[[str], str]


def _readings(name: str) -> tuple[list[str], list[tuple[str, Key]]]:
    """The words of ``name`` as shown (`_as_shown`), and what of it may be a code, each
    with how it is compared with codes, in the order they count: the whole name, its
    first word in small letters ("usa mission"), each word as codes are written."""
    shown = _as_shown(name)
    words = _WORDS.findall(shown)
    first = [(words[0], credit_key)] if words and words[0].islower() else []
    return words, [(shown, credit_key), *first, *((word, _bare) for word in words)]


def _named_code(word: str, codes: tuple[str, ...], key: Key) -> str | None:
    """The code among ``codes`` (in order) that ``word`` is, compared by ``key``: where
    several are (EU and E-U, for "EU" without hyphens), the one spelt as ``word``, then the
    one so spelt but for case, then the one with hyphens where ``word`` has a space or a
    mark ("G 77" is G-77 beside G77), then the first."""
    same = _by_key(codes, key).get(key(word), ())
    return min(same, key=lambda code: (code != word, code.casefold() != word.casefold(),
                                       _dashed(code) != _dashed(word)), default=None)


@lru_cache(maxsize=16)
def _by_key(codes: tuple[str, ...], key: Key) -> dict[str, list[str]]:
    """``codes`` by ``key``, in order: made once for the many names of one file."""
    index: dict[str, list[str]] = {}
    for code in codes:
        index.setdefault(key(code), []).append(code)
    return index


def _dashed(word: str) -> str:
    """``word`` without regard to case, each run of spaces and marks a hyphen."""
    return _MARKS.sub("-", word).casefold()


_MARKS = lazy_compile(r"[\W_]+")


def _bare(code: str) -> str:
    """``code`` as written, without its hyphens ("G-77" and "G77" are one)."""
    return code.replace("-", "")


_LIKE_LATIN = LIKE_LATIN | str.maketrans("\u2010\u2011", "--")
_INITIALS = lazy_compile(r"\b(?:[^\W\d_]\.){2,}")
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
                             authors: Mapping[str, str], codes: Collection[str],
                             merged: bool = False) -> None:
    """InputError where changes the file would record as ``delegation``'s were tracked by a
    Word author that names another delegation by its code (`named_delegation`) and that
    ``authors`` does not map: another delegation's copy, sent under the wrong name or
    passed on, would propose its changes in this one's name. In a copy of the merged
    draft (``merged``), an author that is nothing but codes is those delegations'
    proposals: mapping it to the sender (--author) would put them in its name, so the
    message never says to."""
    found: dict[str, str] = {}
    for author in dict.fromkeys(a.submitted_by for a in amendments  # each author once
                                if delegation in a.proponents):
        if not author or author in authors:
            continue
        if (named := named_delegation(author, delegation, codes)) is not None:
            found.setdefault(author, named)
    if not found:
        return
    (author, other), *_ = found.items()
    named = ", ".join(repr(a) for a in found)
    if merged and all(_codes_only(a, codes) for a in found):  # as `drafting merge` tracks
        raise InputError(
            f"{path}: its tracked changes by Word author {named} are {other}'s, as the "
            f"merged draft tracks each delegation's proposals under its code, yet were not "
            f"found among {other}'s pending proposals as the copy shows them; they are not "
            f"{delegation}'s to propose, and nothing was recorded. "
            f"Reject them in the copy, keeping {delegation}'s own changes, and send it "
            f"again; if the file is {other}'s, submit it as {other}'s (--delegation {other})")
    raise InputError(
        f"{path}: its tracked changes are by Word author {named}, naming {other}, another "
        f"delegation, not {delegation}; nothing was recorded. If the file is {other}'s, "
        f"submit it as {other}'s (--delegation {other}); if {delegation}'s own staff "
        f"tracked them under that name, say so: --author '{author}={delegation}'")


def _codes_only(author: str, codes: Collection[str]) -> bool:
    """Whether a Word author is nothing but delegation codes ("G77", "EU, G77"), as the
    merged draft names the proponents of the proposals it tracks."""
    return all(name.strip() in codes for name in author.split(","))


def refuse_mapped_away(path: Path, amendments: Sequence[Amendment], delegation: str,
                       authors: Mapping[str, str], codes: Collection[str]) -> None:
    """InputError where the Word author map (``authors``) gives a Word author of the
    file whose name names ``delegation``, the file's ("USA", "Jane Roe (USA)" in USA's
    file), to another delegation: a slip in the map would record the file's changes as
    another's proposals (a colleague of another delegation's, in its own name, is
    mapped the other way: `refuse_other_delegations`)."""
    for author in dict.fromkeys(a.submitted_by for a in amendments):
        mapped = authors.get(author, delegation) if author else delegation
        if mapped != delegation and names_delegation(author, delegation, codes):
            raise InputError(
                f"{path}: the Word author map gives {author!r} to {mapped}, but the name "
                f"names {delegation}, the delegation the file is submitted as; nothing was "
                f"recorded. Its changes would be {mapped}'s proposals: if they are "
                f"{delegation}'s, correct the map ('{author}={delegation}', or leave the "
                f"author out); if the file is {mapped}'s, submit it as {mapped}'s")


def acting_for_other(actor: str, claimed: Collection[str],
                     delegations: Sequence[Delegation]) -> str | None:
    """Why who acts (``--actor``) may not be recorded for a write by ``claimed``, or None:
    it names a delegation (`named_delegation`) that is none of ``claimed``, nor a member
    of one of them (a group's chair from a member state), nor a group one of them is in
    (the group's coordinator entering a member's proposal), so the record would say that
    delegation's staff entered another's proposal. A name naming none, or the secretariat
    (its staff entering a file for a delegation), is who acts, as given."""
    if not actor or not claimed or secretariat_staff(actor):
        return None
    codes = [d.code for d in delegations]
    own = {*claimed, *(m for d in delegations if d.code in claimed for m in d.members),
           *(d.code for d in delegations if set(d.members) & set(claimed))}  # its group
    if any(names_delegation(actor, code, codes) for code in sorted(own)):
        return None
    if (other := named_delegation(actor, "", codes)) is None:
        return None
    whose = " and ".join(dict.fromkeys(claimed))
    return (f"who acts (the actor) {actor!r} names {other}, another delegation, but this "
            f"is {whose}'s to record; nothing was recorded. Who acts is who enters it for "
            f"{whose} (a person's name, or the secretariat's); if it is {other}'s, "
            f"{other} records it as its own")


_SECRETARIAT = lazy_compile(r"\b(?:secretariat|secr[ée]tariat|secretar[ií]a|секретариат"
                          r"|الأمانة|秘书处)\b", re.IGNORECASE)


def secretariat_staff(actor: str) -> bool:
    """Whether who acts names the secretariat ("Secretariat (EU desk)", "Secrétariat,
    bureau Afrique"): its staff, whatever desk or delegation the name says they serve,
    never that delegation's."""
    return _SECRETARIAT.search(actor) is not None


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
