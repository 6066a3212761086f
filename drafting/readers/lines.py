"""What one line of a negotiation text says about its place in the structure: a label it
opens with (``PP2``, ``3.``, ``1bis.``, ``3.1``, ``OP7 Alt``), a chapeau, a section
heading ("Article 3"), a footnote (``[^1]: ...``), an option ("Option 2: No text"), a
sub-paragraph ("(a) "). Pure functions on text, used by `drafting.readers.structure`
and by the reading of a delegation's copy alike.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from drafting.characters import keyboard_spaces, on_screen, shows_nothing
from drafting.lazy_re import lazy_compile
from drafting.model.document import ParagraphKind
from drafting.model.headings import own_number
from drafting.model.labels import (
    FIGURE_PATTERN,
    SECTION_PATTERN,
    SUFFIXES,
    Label,
    clause_label,
    parse_label,
)
from drafting.model.sections import LOCAL_SUFFIX, latin_suffix
from drafting.model.sections import opens_article as opens_article
from drafting.model.sections import section_key as section_key
from drafting.readers.chapeaux import long_chapeau
from drafting.readers.decisions import decision_opening
from drafting.text_memo import TextMemo

_SUFFIX = "|".join(sorted(SUFFIXES, key=len, reverse=True))
GAP = "[\t \u00a0\u2002-\u200a\u202f]"
"""What may stand between a typed number and its text: a tab, spaces, and the no-break
and fixed-width spaces a text copied from a web page or a PDF brings ("1.\u00a0Decides")."""
DIRECTION_MARKS = "\u200e\u200f\u061c"
"""The left-to-right, right-to-left and Arabic letter marks: they show nothing, and text
copied into an Arabic paragraph brings them before or after its typed number."""
CJK_STOPS = "\uff0e\u3001"
"""What follows a paragraph's number in a Chinese text: the full-width full stop "．"
and the enumeration comma "、"."""
_LABELLED = lazy_compile(  # OP5.21 with its prefix only: a bare 5.21 or 3.1.21 is not read
    rf"(?P<label>(?:PP|OP|FN|T)\s?\d{{1,4}}(?:\s*(?:{_SUFFIX})|\.{FIGURE_PATTERN})?)"
    rf"(?P<alt>\s+Alt(?:\s*\d+)?)?\b\.?(?:{GAP}+|$)", re.IGNORECASE)
_NUMBERED = lazy_compile(  # "5.", "5 bis.", and before Arabic text "5 - " (never "2021 - 2030")
    rf"(?P<number>\d{{1,4}})(?:\s*(?P<suffix>{_SUFFIX}|{LOCAL_SUFFIX})|(?P<letter>[a-s]))?"
    rf"(?P<alt>\s+(?i:alt)(?:\s*\d+)?)?"
    rf"(?:[\t ]?\.(?:{GAP}+|$)|[\t ]+[-\u2013][\t ]+(?=[{DIRECTION_MARKS}]*[\u0600-\u06ff])"
    rf"|(?<!\d{{4}})\t+(?=\[?[A-Z\u00c0-\u00de\u0400-\u042f])|[\t ]?[{CJK_STOPS}](?!\d){GAP}*)")
"""A typed paragraph number; ``letter`` is the European Union's for one inserted after
another ("1a." after "1."), read as ``bis`` ("1b." as ``ter``, ...); ``alt`` an
alternative of the paragraph numbered so ("4 alt.", as climate texts type ``OP4 Alt``;
"4 Alt 2." where it has several, as the merged draft numbers them). A space may stand
before the full stop ("1 . Decides"), as in a text retyped or converted from a PDF.
Its figures may be any script's (Arabic-Indic "١.", full-width "１．"); Chinese texts
type the number's full stop full-width or as a comma, with no space after ("1．鼓励",
"１．鼓励", "1、鼓励"; never "1．5", a figure). Arabic and Russian texts write the
suffix in their own words, as for an article ("١ مكررا - " is ``OP1 bis``, "١ مكررا
ثانيا - " ``OP1 ter``; "1 бис." ``OP1 bis``). A number of up to three figures may
stand alone before a tab and a capital, as IMO and ICAO type it ("1<tab>ADOPTS", Word's
"%1" list format; "1<tab>[Invites", its text bracketed); never a year ("2030<tab>"),
nor before spaces ("500 ships") or a word in lower case (an item of the sentence before:
"6<tab>a que cooperen ...")."""
_SECTIONED = lazy_compile(
    rf"(?P<label>(?:{SECTION_PATTERN})\.\d{{1,4}}(?:\s*(?:{_SUFFIX}))?)"
    rf"\.?(?:{GAP}+|$)")
_CLAUSE = lazy_compile(rf"(?P<label>\d{{1,3}}(?:\.\d{{1,3}}){{2,3}}(?:\s*(?:{_SUFFIX}))?)"
                     rf"\.?(?:{GAP}+|$)")
"""A clause typed on three or four levels ("1.2.1 ", "1.2.1.3. "), as IMO, ICAO and
ISO texts number them: `clause_label`'s (never below 21 the figures after ``vicies``)."""
BRACKETED_NUMBER = lazy_compile(
    rf"(?P<open>\()?(?P<number>\d{{1,3}})(?:\s?(?P<suffix>{_SUFFIX}))?[\t ]?\){GAP}+")
"""A paragraph number typed in brackets, as WIPO treaties number an article's paragraphs
(``(1) ``, ``(2bis) ``) and some drafts their operative paragraphs (``1) ``, or ``1 ) ``
with a space before the bracket); a number only where `drafting.readers.structure` finds
that it opens a paragraph, else a sub-paragraph's."""
ITEM_LETTERS = ("\u0430\u0431\u0432\u0433\u0434\u0435\u0436\u0437\u0438\u043a\u043b\u043c"
                "\u043d\u043e\u043f\u0440\u0441\u0442\u0443\u0444\u0445\u0446\u0447\u0448"
                "\u0449\u044d\u044e\u044f",
                "\u0623\u0628\u062c\u062f\u0647\u0648\u0632\u062d\u0637\u064a\u0643\u0644"
                "\u0645\u0646\u0633\u0639\u0641\u0635\u0642\u0631\u0634\u062a\u062b\u062e"
                "\u0630\u0636\u0638\u063a")
"""The letters Russian and Arabic texts letter items with, in order: Russian а, б, в ...
(no ё, й, ъ, ы, ь), Arabic in the abjad order أ, ب, ج, د, هـ ..."""
LETTERED_NUMBER = lazy_compile(
    rf"(?P<open>\()?(?P<letter>(?P<once>[a-z])(?P=once){{0,2}}|[{''.join(ITEM_LETTERS)}]\u0640?)"
    rf"(?:[ -]?(?P<suffix>{_SUFFIX}))?[\t ]?\){GAP}+")
"""An item's letter typed in brackets (``(a) ``, ``(b bis) ``, French ``a) ``; past "z"
the letter twice, ``(aa) ``, ``(bb) ``, as the United Nations letters on; Russian
``а) ``, Arabic ``(أ) ``, `ITEM_LETTERS`): the number
of an operative paragraph where a decision's items are lettered ("The General Assembly
decides:", then "(a) To take note ...;"), only where `drafting.readers.draft_labels.
bracketed_paragraph` finds one; else a sub-paragraph's."""
DECIMAL = lazy_compile(rf"\d{{1,3}}(?:\.\d{{1,3}})+\.?{GAP}+")
"""A number on several levels, "1.1 " or "1.2.1. ", as an annex numbers its clauses."""
_ITEM = (r"\(?(?:(?:[a-z]{1,2}|[ivxlc]+)(?:[ -]?(?:" + _SUFFIX + r"))?|\d{1,2}"
         r"|[\u0621-\u064a]|[а-яё])\)")
_CJK_ITEM = r"\uff08(?:[一二三四五六七八九十]{1,3}|\d{1,2}|[a-z])\uff09"
_TABBED_ITEM = r"(?:[a-z]|[ivx]{1,4})\t"
_DOTTED_ITEM = r"(?:[a-z]|[ivxlc]{2,5})\.\s"
_BULLET = r"(?:[\u2022\u25aa\u25e6\u2023\u00b7][ \t]+|[*-]\t)(?=\S)"
SUBPARAGRAPH = lazy_compile(rf"{_ITEM}\s|{_CJK_ITEM}|{_TABBED_ITEM}|{_DOTTED_ITEM}|{_BULLET}")
"""A line that opens a sub-paragraph: ``(a) ``, ``(iv) ``, ``b) ``, ``(1) ``, Arabic
``(أ) ``, Russian ``а) ``, Chinese ``（一）`` (full-width brackets, no space after), a
new item typed between two, ``(a bis) `` (French ``a bis) ``), a small letter or roman
numeral with a full stop, as Word's own lettered list shows it (``b. ``, ``iv. ``), and
a letter or a roman numeral alone before a tab, as the Council of Europe's conventions
letter the items of an article (``a<tab>"child" means ...``; never before a space: "a
report"); or a bullet typed (``•<tab>``, ``• ``, ``-<tab>``), as Word's "Save as text"
writes its bullets (a hyphen before a space may be a dash where a line wraps)."""
LONE_ITEM = lazy_compile(rf"(?:{_ITEM}|{_CJK_ITEM})[\t ]*")
"""A sub-paragraph's letter or number alone (``fullmatch`` it): "(a)" on a line of its
own, its text on the next, as a PDF turned into Word or text often leaves an item."""
RECITALS = lazy_compile(
    r"(?i:whereas|considérant ce qui suit|considerando lo siguiente"
    r"|in erwägung nachstehender gründe|considerando quanto segue|overwegende hetgeen volgt)"
    r"\s*:")
"""The line that opens a European Union act's numbered recitals ("Whereas:"), in the
languages its drafts are most often negotiated in; ``fullmatch`` it."""
_FIRST_ITEMS = frozenset({"a", "i", "1", "\u0623", "\u0430", "\u4e00"})
"""How each kind of list opens: (a), (i), (1), Arabic (أ), Russian а), Chinese （一）."""


def first_item(text: str) -> bool:
    """Whether ``text`` opens the first item of a list: "(a) ", "(i) ", "1) ", "（一）"."""
    found = SUBPARAGRAPH.match(text)
    return found is not None and found.group().strip("()\uff08\uff09 \t") in _FIRST_ITEMS


_CHAPEAU = lazy_compile(
    # English, French, Spanish: "The / L' / Le / La / Les / El / Los / Las"
    r"(?:(?:The|Le|La|Les|El|Los|Las)\s+|L['\u2019]\s?)[A-Z\u00c0-\u00dd][^,;:.\[\]]{2,160},"
    # Russian: who acts, capitalised ("Генеральная Ассамблея,", "Стороны настоящего ...,",
    # "Конференция Сторон, действующая в качестве совещания Сторон ...,")
    r"|(?:Генеральная|Совет|Экономический|Конференция|Стороны|Государства|Высокие"
    r"|Участники|Правительства|Ассамблея|Комиссия|Комитет|Совещание)\s[^;:.\[\]]{2,160},"
    # Arabic: "إن الجمعية العامة،" ("the General Assembly," opened by the particle inna)
    r"|إن\s[^,;:.\[\]\u060c\u061b]{2,160}[,\u060c]"
    # Chinese: the organ or the parties, then a comma ("大会，", "本协定缔约方，",
    # "作为《巴黎协定》缔约方会议的《公约》缔约方大会，")
    r"|[^,;:.\[\]\uff0c\uff1b\uff1a\u3002]{0,40}"
    r"(?:大会|理事会|委员会|缔约方|缔约国|缔约各方|各国政府)[,\uff0c]")
_CHAPEAU_WORDS = 20
"""The most words a chapeau has (the Paris Agreement's meeting of the Parties takes 16)."""
_NUMBERED_HEADING = lazy_compile(r"(?P<key>\d{1,3}|[IVXLC]{1,7}|[A-Z])\.\s")
FOOTNOTE = lazy_compile(r"\[\^(?P<number>\d{1,4})\]:[\t ]*", re.ASCII)
"""A footnote as a block: ``[^3]: its text`` (Markdown's form; the Word reader gives
each footnote as such a block after the paragraph citing it)."""
OPTION = lazy_compile(r"(?:Option|Alternative|Alt)\s+(?P<n>\d+|[A-Z])\s*[:.]\s*",
                    re.IGNORECASE)
"""The words opening an option's line ("Option 2: ", "Alt 2: ", "Alternative 2: ");
match it with `option_lead`."""
_NO_TEXT = lazy_compile(r"\[?\s*no\s+text\s*\]?\.?", re.IGNORECASE)


_parsed = lru_cache(maxsize=4096)(parse_label)
"""`parse_label`, remembered: a label is read again and again (its paragraph's structure,
then its copy's, in every copy of a draft). A Label is immutable, so it can be shared."""


def split_label(text: str) -> tuple[Label | None, str, int]:
    """The label a block opens with, if any, the text after it, and the length of what
    was taken off. ``OP7 Alt`` gives OP7 (the caller tells an alternative by
    `is_alternative`)."""
    label, rest, skip, _ = _split(text)
    return label, rest, skip


def split_bracketed_label(text: str) -> tuple[Label | None, str, int]:
    """A paragraph bracketed whole with its number, as negotiators bracket one that is not
    agreed ("[2. Decides to convene ...;]", "[PP3 Recalling ...]"): its label, read inside
    the opening bracket; its text, the bracket kept and the label taken out ("[Decides
    to convene ...;]"); and the label's length, which starts after the bracket. (None,
    ``text``, 0) for any other text."""
    if not text.startswith("[") or text.startswith("[^"):
        return None, text, 0
    label, rest, skip = split_label(text[1:])
    if label is None or label.kind not in (ParagraphKind.PREAMBULAR, ParagraphKind.OPERATIVE):
        return None, text, 0
    return label, "[" + rest, skip


def is_alternative(text: str) -> bool:
    """Whether a block opens with a label followed by "Alt" (``OP7 Alt``)."""
    return _split(text)[3]


def read_label(text: str) -> tuple[Label | None, int, bool]:
    """`split_label`'s label and length taken off, and `is_alternative`, in one look."""
    label, _, skip, alternative = _split(text)
    return label, skip, alternative


def bracketed_label(text: str) -> tuple[Label, int] | None:
    """The label of the paragraph number ``text`` opens with in brackets ("(2bis) " is
    ``OP2 bis``) and its length with the space after it; None if it opens with none."""
    found = BRACKETED_NUMBER.match(text)
    if found is None:
        return None
    suffix = SUFFIXES.index(found["suffix"].lower()) + 1 if found["suffix"] else 0
    return Label("OP", int(found["number"]), suffix), found.end()


def lettered_label(text: str) -> tuple[Label, int] | None:
    """The label of the item letter ``text`` opens with in brackets ("(b) " is ``OP2``,
    "(b bis) " ``OP2 bis``, "(bb) " ``OP28``) and its length with the space after it;
    None if it opens with none."""
    found = LETTERED_NUMBER.match(text)
    if found is None:
        return None
    suffix = SUFFIXES.index(found["suffix"].lower()) + 1 if found["suffix"] else 0
    return Label("OP", letter_number(found["letter"]), suffix), found.end()


def letter_number(letter: str) -> int:
    """The item a letter numbers: "c" 3, "aa" 27, Russian "в" 3, Arabic "ج" 3."""
    letter = letter.rstrip("\u0640")  # "هـ", its tatweel
    for letters in ITEM_LETTERS:
        if letter in letters:
            return letters.index(letter) + 1
    return ord(letter[0]) - ord("a") + 1 + 26 * (len(letter) - 1)


def read_numbered(text: str) -> tuple[Label | None, int, bool]:
    """`read_label`, or else a paragraph number typed in brackets (`bracketed_label`,
    a decision item's letter `lettered_label`): for a paragraph that the structure found
    opened by one."""
    found = read_label(text)
    if found[0] is not None:
        return found
    bracketed = bracketed_label(text) or lettered_label(text)
    return (bracketed[0], bracketed[1], False) if bracketed else found


_splits: TextMemo[tuple[Label | None, str, int, bool]] = TextMemo()
"""`_split` of short texts, by text: a paragraph's label is read by its structure and
its copy's, in every copy of a draft (an inbox)."""


def _split(text: str) -> tuple[Label | None, str, int, bool]:
    """`split_label` of ``text`` and whether the label is followed by "Alt"."""
    found = _splits.get(text)
    if found is None:
        found = _split_now(text)
        _splits.keep(text, found, len(text))
    return found


def _split_now(text: str) -> tuple[Label | None, str, int, bool]:
    if text and text[0] in DIRECTION_MARKS:  # "\u200f4 - ...": marks show nothing
        marks = len(text) - len(text.lstrip(DIRECTION_MARKS))
        label, rest, skip, alternative = _split_now(text[marks:])
        return (label, rest, skip + marks, alternative) if label is not None else \
            (None, text, 0, False)
    if match := _LABELLED.match(text):
        return _parsed(match["label"]), text[match.end():], match.end(), bool(match["alt"])
    if match := _NUMBERED.match(text):
        suffix = f" {latin_suffix(match['suffix'])}" if match["suffix"] else \
            f" {SUFFIXES[ord(match['letter']) - ord('a')]}" if match["letter"] else ""
        return (_parsed(f"OP{match['number']}{suffix}"), text[match.end():], match.end(),
                bool(match["alt"]))
    if (match := _CLAUSE.match(text)) and (clause := clause_label(match["label"])):
        return clause, text[match.end():], match.end(), False
    if match := _SECTIONED.match(text):
        return _parsed(match["label"]), text[match.end():], match.end(), False
    return None, text, 0, False


def lone_item(text: str, after: str) -> bool:
    """Whether ``text`` is an item's letter alone ("(a)", `LONE_ITEM`) and ``after``, the
    text of the block after it, the item's words: text, no footnote, option, item or
    typed label of its own."""
    return bool(LONE_ITEM.fullmatch(text) and after) and not (
        FOOTNOTE.match(after) or option_lead(after) or SUBPARAGRAPH.match(after) or
        LONE_ITEM.fullmatch(after) or read_label(after)[0] is not None)


def chapeau_like(text: str) -> bool:
    """Whether ``text`` reads as a chapeau: "The General Assembly,", "L'Assemblée
    générale,", "La Asamblea General,", and the long ones of the treaty bodies: "The
    Conference of the Parties serving as the meeting of the Parties to the Paris
    Agreement,", "The Meeting of the Parties to the Montreal Protocol on Substances that
    Deplete the Ozone Layer,"; a declaration's "We, ...," and a treaty's "The Government
    of ... and the Government of ...," (`long_chapeau`); in capitals, as the European
    Union's acts write it ("THE EUROPEAN PARLIAMENT AND THE COUNCIL OF THE EUROPEAN
    UNION,"); a principal organ named without a comma, as a resolution adopting an
    outcome document opens ("The General Assembly", then "Adopts the following ...:");
    and a decision's opening ("The Executive Board, having considered the report ...,
    decided:", `decision_opening`)."""
    text = text.strip()
    if decision_opening(text):
        return True
    if text.isupper():  # capitals: read as written in lower case
        text = text.title()
    if len(text.split()) > _CHAPEAU_WORDS:  # "We, ...,", "The Government of ... and ...,"
        return long_chapeau(text)
    return bool(_CHAPEAU.fullmatch(text) or _ORGAN.fullmatch(text) or long_chapeau(text))


_ORGAN = lazy_compile(
    r"The (?:General Assembly|Security Council|Economic and Social Council"
    r"|Human Rights Council)|L['\u2019]Assembl\u00e9e g\u00e9n\u00e9rale"
    r"|Le Conseil (?:de s\u00e9curit\u00e9|\u00e9conomique et social|des droits de l['\u2019]homme)"
    r"|La Asamblea General|El Consejo (?:de Seguridad|Econ\u00f3mico y Social"
    r"|de Derechos Humanos)")
"""The principal organs, named without a comma: a chapeau only so."""


def heading_key(text: str) -> str | None:
    """The section key of a heading: as `section_key`, or its own number ("II. ...",
    `own_number`)."""
    if (key := section_key(text)) is not None:
        return key
    if (key := own_number(text)) is not None:
        return key
    match = _NUMBERED_HEADING.match(text)
    return match["key"] if match else None


@dataclass(frozen=True, slots=True)
class OptionLead:
    """The words "Option 2: " opening a line: the option's ``name`` as written ("2"), and
    the ``end`` of those words (and of the spaces after them) in the line."""

    name: str
    end: int


def option_lead(text: str) -> OptionLead | None:
    """The words opening ``text`` as an option's line (`OPTION`), read as a reader sees
    the line (`drafting.characters.on_screen`): a direction mark or another character
    that shows nothing ("Option 1:<U+200F> ..."), a no-break space, hides no option. What
    shows nothing after those words stays the option's (``end`` stops after the last
    character they match); None for any other line."""
    if text.isascii():
        found = OPTION.match(text)
        return OptionLead(found["n"], found.end()) if found else None
    head = text[:_OPTION_HEAD]  # the words are short: a long paragraph is not walked
    places = [at for at, char in enumerate(head) if not shows_nothing(char)]
    found = OPTION.match(keyboard_spaces("".join(head[at] for at in places)))
    return OptionLead(found["n"], places[found.end() - 1] + 1) if found else None


_OPTION_HEAD = 200
"""How far into a line `option_lead` looks (past that, spaces are the option's text)."""


def option_text(text: str) -> str:
    """An option's text; "No text" is an empty alternative (characters that show
    nothing around it, a direction mark, do not make it text)."""
    return "" if _NO_TEXT.fullmatch(on_screen(text).strip()) else text.strip()
