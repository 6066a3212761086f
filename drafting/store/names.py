"""What the store accepts as a document symbol, a delegation code, and as text.

Symbols and codes are identifiers: they are typed on command lines, shown in
compilations as ``(EU)`` or ``EU/USA``, put in file names and scripts. So they
hold only what real ones hold, and anything else is refused with a clear
message rather than stored:

- a **symbol** (``A/C.2/81/L.7``, ``FCCC/CP/2025/L.4``, ``bbnj-2025``): 1 to 200
  characters, letters and digits of any script, and ``/ . - _ : ( ) +``; it
  starts with a letter or a digit (so it is never read as an option, ``-x``, or a
  path, ``/x`` or ``../x``);
- a **code** (``EU``, ``G77``, ``USA``, ``AOSIS``): 1 to 40 characters, letters
  and digits of any script and ``- _ . +``, starting with a letter or a digit.
  ``/``, ``,`` and brackets are out: compilations use them around codes.

Both must be in Unicode NFC, so that one name has one spelling. Quotes,
semicolons, spaces, ``$``, backquotes, ``|``, ``&``, ``<>``, ``*``, ``?``,
``\\``, ``%`` and ``=`` never occur in either and are refused: a name never needs
quoting in SQL or in a shell. (The store never builds SQL from text anyway:
every value goes to the database as a bound parameter.)

Free text - titles, names of delegations, paragraphs, quotations, reasons, who
submitted - is stored exactly as given, metacharacters and all, but must not hold
a character that is not text (`drafting.characters`: control characters, lone
surrogates, bidirectional overrides), which PostgreSQL would refuse (NUL) or a
terminal would obey (ESC).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence

from drafting import characters
from drafting.model import Amendment, Delegation, Document
from drafting.store.errors import StoreError

_SYMBOL = re.compile(r"[^\W_][\w/.\-:()+]{0,199}")
_CODE = re.compile(r"[^\W_][\w.\-+]{0,39}")


def check_symbol(symbol: str) -> None:
    """StoreError unless ``symbol`` is a document symbol as the module says."""
    if not _SYMBOL.fullmatch(symbol) or not unicodedata.is_normalized("NFC", symbol):
        raise StoreError(
            f"{_shown(symbol)} is not a document symbol: use letters, digits and / . - _ : ( ) +, "
            "starting with a letter or digit, up to 200 characters (e.g. A/C.2/81/L.7 or "
            "bbnj-2025)")


def check_code(code: str) -> None:
    """StoreError unless ``code`` is a delegation code as the module says."""
    if not _CODE.fullmatch(code) or not unicodedata.is_normalized("NFC", code):
        raise StoreError(
            f"{_shown(code)} is not a delegation code: use letters, digits and - _ . +, "
            "starting with a letter or digit, up to 40 characters, without spaces around it "
            "(e.g. EU, G77 or USA)")


def check_text(where: str, text: str) -> None:
    """StoreError naming ``where`` and the position of a character that is not text."""
    if found := characters.problem(text):
        raise StoreError(f"{where}, {found[1]}", details=characters.caret(text, found[0]))


def check_document(document: Document) -> None:
    """The symbol, title and every label and paragraph text of ``document``."""
    check_symbol(document.symbol)
    check_text(f"{document.symbol}: the title", document.title)
    for revision in document.revisions:
        check_text(f"{document.symbol}: a revision label", revision.label)
        for paragraph in revision.paragraphs:
            where = f"{document.symbol} {revision.label}, {characters.escaped(paragraph.label)}"
            check_text(f"{where} (its label)", paragraph.label)
            check_text(where, paragraph.text)


def check_delegation(delegation: Delegation) -> None:
    """The code, the members' codes and the name of ``delegation``."""
    for code in (delegation.code, *delegation.members):
        check_code(code)
    check_text(f"the name of {delegation.code}", delegation.name)


def check_amendments(amendments: Sequence[Amendment]) -> None:
    """Every text an amendment brings into the store."""
    for number, amendment in enumerate(amendments, 1):
        for field, text in _texts(amendment):
            check_text(f"amendment {number}: {field}", text)


def _texts(amendment: Amendment) -> Iterable[tuple[str, str]]:
    yield "the old text", amendment.old_text
    yield "the new text", amendment.new_text
    yield "the reason", amendment.reason
    yield "submitted by", amendment.submitted_by


def _shown(name: str) -> str:
    """``name`` quoted for a message, characters that are not text escaped."""
    return "'" + characters.escaped(name) + "'"
