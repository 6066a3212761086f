"""A text taken from a PDF put back into paragraphs (`drafting.readers.printed_pages`):
where a printed line opens a paragraph, and the words a PDF reader joined at a hyphen."""

from __future__ import annotations

import re

from drafting.lazy_re import lazy_compile
from drafting.readers.decisions import preambular_opening
from drafting.readers.formulas import formula, opens_closing
from drafting.readers.lines import LONE_ITEM, SUBPARAGRAPH, chapeau_like, heading_key, split_label
from drafting.readers.printed_lines import ENDS, PrintedLine

_OPENINGS = lazy_compile(
    r"(?:(?:Deeply|Gravely|Seriously|Fully|Further|Also|Profond\u00e9ment|Vivement|Gravement"
    r"|Profundamente|Sumamente|Gravemente)\s+)?"
    r"(?:Aware|Concerned|Conscious|Convinced|Mindful|Guided|Alarmed|Determined|Cognizant"
    r"|Desirous|Encouraged|Gratified|Appreciative|Disturbed|Dismayed|Committed|Resolved"
    r"|Whereas|Consciente|Convaincue?|Pr\u00e9occup\u00e9e?|Alarm\u00e9e?|R\u00e9solue?"
    r"|Guid\u00e9e?|D\u00e9termin\u00e9e?|Convencid[ao]|Preocupad[ao]|Alarmad[ao]"
    r"|Decidid[ao]|Guiad[ao]|Resuelt[ao])\b", re.IGNORECASE)
"""Preambular openings that are no participle ("Recalling", "Rappelant", "Recordando":
`preambular_opening`), in English, French and Spanish."""
_CYRILLIC = lazy_compile(r"[\u0400-\u04ff]")
_INDENT = 3
"""How much further than the page's text a paragraph's first line is indented."""
_TITLE = 0.6
"""A heading's line is shorter than this share of the text's width."""
_SHORT = 0.8
"""A line stopping short of this share of the text's width ends a paragraph."""
_TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_UNITS = ("first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|one|two|three|four"
          "|five|six|seven|eight|nine")
_COMPOUNDS = {word.replace("-", ""): word for word in (
    "Secretary-General", "capacity-building", "decision-making", "follow-up", "high-level",
    "small-scale", "long-term", "medium-term", "short-term", "well-being", "self-determination",
    "non-governmental", "cross-cutting", "multi-stakeholder", "gender-responsive",
    "evidence-based", "human-rights-based", "people-centred", "co-facilitators", "co-chairs",
    "mid-term", "year-round", "post-harvest", "peer-to-peer")}
"""Words UN texts write with a hyphen that a PDF reader may have joined at a line's end,
beside the numbers written in words ("sixty-fourth")."""
_NUMBER_WORD = lazy_compile(rf"\b({_TENS})({_UNITS})\b", re.IGNORECASE)
_HYPHENATED = lazy_compile(r"\b([^\W\d_]{2,})-([^\W\d_]{2,})\b")
_WORD = lazy_compile(r"\b[^\W\d_]{5,}\b")


def paragraphs(lines: list[PrintedLine], width: int) -> list[tuple[int, str]]:
    """The paragraphs the body's lines make (first line number, text), as
    `drafting.readers.printed_pages` says, a heading's written ``## heading``."""
    margins: dict[int, int] = {}
    for line in lines:
        margins[line.page] = min(margins.get(line.page, line.indent), line.indent)
    made: list[tuple[int, list[str]]] = []
    before: PrintedLine | None = None
    titled = False
    for index, line in enumerate(lines):
        text = line.text.strip()
        after = lines[index + 1].text.strip() if index + 1 < len(lines) else ""
        title = _title(before, text, after, width)
        if before is None or titled or title or _opens(before, line, margins, width):
            made.append((line.number, [f"## {text}" if title else text]))
        elif SUBPARAGRAPH.match(text) or LONE_ITEM.fullmatch(text):
            made[-1][1].append(text)
        else:
            made[-1][1][-1] = _joined(made[-1][1][-1], text)
        before, titled = line, title
    return [(number, "\n".join(parts)) for number, parts in made]


def _title(before: PrintedLine | None, text: str, after: str, width: int) -> bool:
    """Whether ``text`` is a heading of its own words, which no "Article 3" says: a short
    line, ending no clause, opening in a capital or a number ("Objective", "2
    REQUIREMENTS"), between a line that ends one (or a heading) and a numbered
    paragraph."""
    last = "" if before is None else before.text.strip()
    return bool(text[:1].isupper() or text[:1].isdigit()) and not ENDS.search(text) and \
        len(text) < _TITLE * width and split_label(text)[0] is None and \
        not _heading(text) and split_label(after)[0] is not None and \
        (not last or ENDS.search(last) is not None or _heading(last) or
         len(last) < _TITLE * width)


def _opens(before: PrintedLine, line: PrintedLine, margins: dict[int, int], width: int) -> bool:
    """Whether ``line`` opens a paragraph after ``before``."""
    text, last = line.text.strip(), before.text.strip()
    if split_label(last)[0] is not None and split_label(last)[1].strip() == "":
        return False  # "1." alone: its words follow
    if chapeau_like(last) or chapeau_like(text) or formula(text) or opens_closing(text):
        return True
    if line.spaced and not (SUBPARAGRAPH.match(text) or LONE_ITEM.fullmatch(text)):
        return True
    if split_label(text)[0] is not None or _heading(text):
        return True
    if _heading(last) and not text[:1].islower():  # "Article 1", then its title
        return True
    if not ENDS.search(last):
        return False
    if not text[:1].isupper():  # Russian opens its paragraphs in small letters
        return _CYRILLIC.match(text) is not None and preambular_opening(text)
    indented = line.indent >= margins[line.page] + _INDENT and \
        before.indent < line.indent and line.page == before.page
    short = width > 0 and len(last) < _SHORT * width
    return preambular_opening(text) or _OPENINGS.match(text) is not None or indented or short


def _heading(text: str) -> bool:
    """Whether ``text`` is a heading's line: "Article 3", "II. Finance", "Part IV"."""
    return heading_key(text) is not None and split_label(text)[0] is None and \
        not ENDS.search(text)


def _joined(text: str, line: str) -> str:
    """``line`` after ``text``, a space between, or nothing after a word broken at its
    hyphen."""
    if len(text) > 1 and text.endswith("-") and text[-2].isalpha() and line[:1].islower():
        return text + line
    return f"{text} {line}"


def hyphens_restored(blocks: list[tuple[int, str]]) -> tuple[
        list[tuple[int, str]], list[tuple[int, str, str]]]:
    """``blocks`` with each word that the text writes elsewhere with a hyphen
    ("small-scale") and here without ("smallscale"), given its hyphen back; and where."""
    hyphenated = {f"{m[1]}{m[2]}".casefold(): m[0] for _, text in blocks
                  for m in _HYPHENATED.finditer(text)}
    for joined, word in _COMPOUNDS.items():
        hyphenated.setdefault(joined.casefold(), word)
    restored: list[tuple[int, str, str]] = []
    kept = []
    for number, text in blocks:
        def hyphen(match: re.Match[str], number: int = number) -> str:
            word = match[0]
            found = hyphenated.get(word.casefold())
            if found is None and (number_word := _NUMBER_WORD.fullmatch(word)):
                found = f"{number_word[1]}-{number_word[2]}"
            elif found is not None and word[:1].isupper() and found[:1].islower():
                found = found[:1].upper() + found[1:]  # opening a sentence or a title
            if found is None or found.casefold().replace("-", "") != word.casefold():
                return word
            restored.append((number, word, found))
            return found
        kept.append((number, _WORD.sub(hyphen, text)))
    return kept, restored
