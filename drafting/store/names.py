"""What the store accepts as a document symbol, a delegation code, and as text.

Symbols and codes are identifiers: they are typed on command lines, shown in
compilations as ``(EU)`` or ``EU/USA``, put in file names and scripts. So they
hold only what real ones hold, and anything else is refused with a clear
message rather than stored:

- a **symbol** (``A/C.2/81/L.7``, ``FCCC/CP/2025/L.4``, ``bbnj-2025``): 1 to 200
  characters, letters and digits of any one script (Latin with no Cyrillic А beside
  it: a look-alike would be a second document), and ``/ . - _ : ( ) +``; it
  starts with a letter or a digit (so it is never read as an option, ``-x``, or a
  path, ``/x`` or ``../x``). One space may follow a committee's acronym, in ASCII
  capitals at the start, before its session number, as IMO writes its symbols
  (``MSC 110/WP.5``, ``MEPC 81/WP.7``); no other space, and no tab, no-break space or
  second space (``MSC  110``), so that one symbol has one spelling;
- a **code** (``EU``, ``G77``, ``G-77``, ``AOSIS``): 1 to 40 ASCII letters, digits
  and hyphens, starting with a letter or a digit (`drafting.characters.code_problem`),
  as delegation codes are in practice: no code can then look like another (``ЕU``
  with a Cyrillic Е beside ``EU``). Codes are compared without regard to case or
  hyphens (`drafting.characters.code_key`): ``eu`` and ``E-U`` are refused beside
  ``EU``, as a new delegation or a member of a group.

A symbol must be in Unicode NFC, so that one name has one spelling. Quotes,
semicolons, spaces (but IMO's), ``$``, backquotes, ``|``, ``&``, ``<>``, ``*``, ``?``,
``\\``, ``%`` and ``=`` never occur in either and are refused: a name never needs
quoting in SQL, nor in a shell but for IMO's space (``"MSC 110/WP.5"``, quoted as a
whole: no character in it means anything to the shell). (The store never builds SQL
from text anyway: every value goes to the database as a bound parameter.)

Every other text - titles, names of delegations, paragraphs, quotations, reasons,
notes, labels, who acted - is stored exactly as given, metacharacters and all, but
passes `check_text` (`drafting.characters.problem`): no character that is not text
(control characters, lone surrogates, bidirectional overrides), which PostgreSQL
would refuse (NUL), a terminal would obey (ESC) or a Word file cannot hold; no line
break in what is one line (labels, names, who acted, codes named), and no empty line
in a paragraph, which would split it when written back as Markdown.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Sequence

from drafting import characters, lookalikes
from drafting.lazy_re import lazy_compile
from drafting.limits import MAX_NAME_CHARS
from drafting.model import Amendment, Delegation, Document, Revision
from drafting.store.errors import StoreError

MAX_LABEL_CHARS = 100
"""A revision's label, as the store's column holds it (``tables.LABEL``)."""

MAX_SYMBOL_CHARS = 200
_SYMBOL = lazy_compile(r"(?:[A-Z]+ (?=\d))?[^\W_][\w/.\-:()+]*")
"""A symbol's characters: IMO's one space ("MSC 110/WP.5") after its leading capitals,
before a digit; its length is checked apart (`MAX_SYMBOL_CHARS`)."""


def check_symbol(symbol: str) -> None:
    """StoreError unless ``symbol`` is a document symbol as the module says."""
    if (len(symbol) > MAX_SYMBOL_CHARS or not _SYMBOL.fullmatch(symbol)
            or not unicodedata.is_normalized("NFC", symbol)):
        raise StoreError(
            f"{_shown(symbol)} is not a document symbol: use letters, digits and / . - _ : ( ) +, "
            f"starting with a letter or digit, up to {MAX_SYMBOL_CHARS} characters (e.g. "
            "A/C.2/81/L.7 or bbnj-2025), and a space only between a committee's capitals and "
            "its session number (MSC 110/WP.5)")
    if (other := _mixed_scripts(symbol)) is not None:
        raise StoreError(
            f"{_shown(symbol)} is not a document symbol: it mixes Latin letters with "
            f"{characters.describe(other)}, character {symbol.index(other) + 1}, so it looks "
            "like a symbol it is not; type it in one script")


def _mixed_scripts(symbol: str) -> str | None:
    """The first letter or digit of ``symbol`` not of the Latin script where it has Latin
    letters: a symbol typed with a Cyrillic А or Е, or an Arabic-Indic digit, looks like
    another and would be a second document beside it."""
    if not any(c.isalpha() and unicodedata.name(c, "").startswith("LATIN") for c in symbol):
        return None
    return next((c for c in symbol if c.isalnum() and not c.isascii() and not
                 unicodedata.name(c, "").startswith("LATIN")), None)


def check_code(code: str) -> None:
    """StoreError unless ``code`` is a delegation code as the module says."""
    if (why := characters.code_problem(code)) is not None:
        raise StoreError(f"{_shown(code)} is not a delegation code: {why}")


def check_new_codes(codes: Sequence[str], known: Iterable[str]) -> None:
    """StoreError if one of ``codes``, to be added, is the same code as one ``known`` (or
    as another of ``codes``) spelt in another case or with other hyphens ("E-U" beside
    "EU"): two codes naming one delegation would let one's file be read as the other's."""
    seen = list(known)
    for code in codes:
        if (twin := characters.code_twin(code, seen)) is not None:
            where = "already in the store" if twin in known else "given with it"
            raise StoreError(f"{_shown(code)} is the delegation code {twin}, {where}, "
                             f"{characters.twin_said(code, twin)}: "
                             f"{characters.CODES_COMPARED}; use {twin}, or another code; "
                             "nothing was added")
        seen.append(code)


def check_text(where: str, text: str, kind: characters.TextKind = "text") -> None:
    """StoreError naming ``where`` and what ``text`` may not hold as a ``kind``
    (`drafting.characters.problem`): the one check of every text entering the store."""
    if found := characters.problem(text, kind):
        raise StoreError(f"{where}, {found[1]}", details=characters.caret(text, found[0]))


def check_line(where: str, text: str) -> None:
    """`check_text` for a text that is one line: a label, a name, who acted."""
    check_text(where, text, "line")


def check_name(where: str, text: str) -> None:
    """`check_line` for a name (who acts, a delegation named), and StoreError if it is
    longer than `MAX_NAME_CHARS`."""
    check_line(where, text)
    if len(text) > MAX_NAME_CHARS:
        raise StoreError(f"{where} is {len(text):,} characters long, more than the "
                         f"{MAX_NAME_CHARS} a name may have; nothing was recorded")


def check_document(document: Document) -> None:
    """The symbol, title and every revision of ``document`` (see `check_revision`)."""
    check_symbol(document.symbol)
    check_text(f"{document.symbol}: the title", document.title, "paragraph")
    for revision in document.revisions:
        check_revision(document.symbol, revision)


def check_revision(symbol: str, revision: Revision) -> None:
    """The label, front matter, chapeau, label table and paragraphs (ids, labels, texts)
    of a revision of document ``symbol``."""
    check_line(f"{symbol}: the revision label", revision.label)
    if len(revision.label) > MAX_LABEL_CHARS:  # the database's column holds no more
        raise StoreError(f"{symbol}: the revision label is {len(revision.label):,} "
                         f"characters, more than the {MAX_LABEL_CHARS} a label may have "
                         "(Rev.1, Rev.2, ...); nothing was recorded")
    where = f"{symbol} {characters.escaped(revision.label)}"
    for line in revision.front_matter:
        check_text(f"{where}: the front matter", line, "paragraph")
    for line in revision.after_title:
        check_text(f"{where}: the lines after the title", line, "paragraph")
    check_text(f"{where}: the chapeau", revision.chapeau, "paragraph")
    for old, new in revision.label_table:
        for label in (old, new or ""):
            check_line(f"{where}: the label table", label)
    for paragraph in revision.paragraphs:
        place = f"{where}, {characters.escaped(paragraph.label)}"
        check_line(f"{place} (its id)", paragraph.id)
        check_line(f"{place} (its label)", paragraph.label)
        check_text(place, paragraph.text, "paragraph")


def check_delegation(delegation: Delegation) -> None:
    """The code and the name of ``delegation``: a name as the store takes one
    (`check_name`), holding nothing a delegation's new words may not
    (`drafting.lookalikes.disguise`: a zero-width space, a word mixing scripts), since
    it stands beside every proposal of the delegation (its members are checked against
    the store: `drafting.store.delegations`)."""
    check_code(delegation.code)
    where = f"the name of {delegation.code}"
    check_name(where, delegation.name)
    if found := lookalikes.disguise(delegation.name):  # shown in every list, as new words
        raise StoreError(f"{where}, {found[1]}; nothing was added",
                         details=characters.caret(delegation.name, found[0]))
    for code in delegation.members:
        check_member(code)


def check_member(code: str) -> None:
    """StoreError for a member's code that is not even one line of text (said as a code
    that is not one). Whether it is a delegation code, or exactly one the store knows,
    is checked in the write (`drafting.store.delegations`)."""
    if characters.problem(code, "line") is not None:
        check_code(code)


def check_amendments(amendments: Sequence[Amendment]) -> None:
    """Every text an amendment brings into the store. A text met before (thousands of
    amendments share their revision, codes and often their words) is checked once."""
    passed: set[tuple[str, str]] = set()
    for number, amendment in enumerate(amendments, 1):
        for field, text, kind in _texts(amendment):
            if (text, kind) not in passed:
                check_text(f"amendment {number}: {field}", text, kind)
                passed.add((text, kind))
        if len(amendment.submitted_by) > MAX_NAME_CHARS:  # a person: copied into each row
            check_name(f"amendment {number}: who submitted it", amendment.submitted_by)


def _texts(amendment: Amendment) -> Iterable[tuple[str, str, characters.TextKind]]:
    yield "its id", amendment.id, "line"
    yield "the paragraph id", amendment.paragraph_id, "line"
    yield "the revision", amendment.revision, "line"
    yield "the old text", amendment.old_text, "paragraph"
    yield "the new text", amendment.new_text, "paragraph"
    yield "the reason", amendment.reason, "text"
    yield "submitted by", amendment.submitted_by, "line"
    for code in (*amendment.proponents, *amendment.supporters):
        yield "a delegation", code, "line"


def _shown(name: str, most: int = 80) -> str:
    """``name`` quoted for a message, characters that are not text escaped; a name longer
    than ``most`` characters shown by its start and its length."""
    if len(name) > most:
        return f"'{characters.escaped(name[:most])}...' ({len(name):,} characters)"
    return "'" + characters.escaped(name) + "'"
