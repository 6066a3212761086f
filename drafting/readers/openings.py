"""How texts of bodies other than the General Assembly open, and where their operative part
begins, as `drafting.readers.structure_front` and `drafting.readers.structure` read them:

- a **cover note**, as the Council of the European Union sends its conclusions
  ("Delegations will find in the annex the Council conclusions on ..., as approved by
  the Council at its meeting held on ..."): front matter, never a preambular paragraph;
- a **heading in capitals** standing before the numbered paragraphs, where no chapeau
  stands ("COUNCIL CONCLUSIONS ON OCEAN GOVERNANCE"): the title;
- the **organ named alone** on the line before the numbered paragraphs, with no comma
  ("THE COUNCIL OF THE EUROPEAN UNION", "The Council"): the chapeau;
- an **operative formula** on a line of its own, ending with a colon: who decides and
  the decision formula ("Ministers decide as follows:", "The General Council decides as
  follows:", "Decides:", "Les ministres décident ce qui suit :", "El Consejo General
  decide lo siguiente:"), or the organ alone ("The Assembly:", as ICAO's resolutions
  close their "Whereas" clauses). Where no chapeau stands before it, it is the chapeau;
  after one (and a preamble), it closes the preamble as a treaty's "Have agreed as
  follows:" does (other text, `drafting.readers.formulas`), and what follows it is
  operative, numbered or not ("Decides:", then "To extend the mandate ...");
- a paragraph that **opens with the decision verb** ("Decides to ...", as the OSCE's
  decisions word their one operative paragraph) in a text that numbers none of its
  paragraphs: the operative part begins there.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from drafting.lazy_re import lazy_compile
from drafting.readers.decisions import preambular_opening, reported

if TYPE_CHECKING:
    from drafting.model.labels import Label
    from drafting.readers.blocks import Block

_COVER_NOTE = lazy_compile(
    r"(?i)(?:(?:the\s+)?delegations|members|participants|the\s+committee|the\s+council)"
    r"\s+will\s+find\s+(?:attached|enclosed|herewith|below|annexed|in\s+(?:the\s+)?annex)"
    r"|les\s+d[ée]l[ée]gations\s+trouveront\s+(?:ci-joint|ci-apr[èe]s|en\s+annexe)"
    r"|(?:se\s+adjunta|adjunto\s+se\s+remite|figuran?\s+en\s+el\s+anexo)\b.*"
    r"\bdelegaciones")
"""The opening of a cover note, in English, French and Spanish (`cover_note`)."""
_BODY = (r"Council|Assembly|Conference|Committee|Commission|Board|Meeting|Parties|Ministers"
         r"|Conseil|Assembl[ée]e|Conf[ée]rence|Comit[ée]|R[ée]union|Parties|Ministres"
         r"|Consejo|Asamblea|Conferencia|Comisi[óo]n|Junta|Reuni[óo]n|Partes|Ministros")
"""The words naming a body that acts."""
_THE = r"(?:(?:The|Le|La|Les|El|Los|Las)\s+|L['\u2019]\s?)"
_ORGAN_LINE = lazy_compile(rf"{_THE}(?:[\w\u00c0-\u017f'\u2019-]+\s+){{0,8}}?"
                         rf"(?:{_BODY})\b(?:\s+[\w\u00c0-\u017f'\u2019-]+){{0,8}}")
"""The organ named on a line of its own, with no comma (`organ_line`)."""
_VERB = (r"(?:decides?|decide|deciden|d[ée]cident|d[ée]cide|resolves?|r[ée]sout"
         r"|r[ée]solvent|resuelve|resuelven)")
_FOLLOWS = r"(?:\s+(?:as\s+follows|ce\s+qui\s+suit|lo\s+siguiente))?"
_OPERATIVE_FORMULA = lazy_compile(
    rf"(?i:{_VERB}){_FOLLOWS}\s*[:\uff1a]"  # "Decides:", "Décide :"
    rf"|[A-Z\u00c0-\u00dd][^,;:.\[\]]{{1,100}}?,?\s+(?i:{_VERB}){_FOLLOWS}\s*[:\uff1a]"
    rf"|{_THE}(?:[^,;:.\[\]]{{0,80}}?\s)?(?:{_BODY})\b[^,;:.\[\]]{{0,80}}?\s*[:\uff1a]")
"""A line that is the operative formula alone (`operative_formula`)."""
_DECIDES = lazy_compile(r"(?:Decides|D[ée]cide|Decide|Resolves|Resuelve)\s+\w")
"""A paragraph opening with the decision verb ("Decides to hold ...")."""
_FORMULA_WORDS = 16
"""The most words an operative formula, or an organ's line, has."""


def cover_note(text: str) -> bool:
    """Whether ``text`` is a cover note sending the text ("Delegations will find in the
    annex ...")."""
    return _COVER_NOTE.match(text.strip()) is not None


def organ_line(text: str) -> bool:
    """Whether ``text`` names the organ that acts, alone with no comma ("THE COUNCIL OF
    THE EUROPEAN UNION", "The Council"): a chapeau where it stands just before the
    numbered paragraphs of a text with none."""
    text = text.strip()
    if text.isupper():
        text = text.title()
    return len(text.split()) <= _FORMULA_WORDS and _ORGAN_LINE.fullmatch(text) is not None


def operative_formula(text: str) -> bool:
    """Whether ``text`` is an operative formula on a line of its own ("Decides:",
    "Ministers decide as follows:", "The Assembly:"; see the module's docstring)."""
    text = text.strip()
    return len(text.split()) <= _FORMULA_WORDS and not reported(text) and \
        _OPERATIVE_FORMULA.fullmatch(text) is not None


def operative_start(blocks: Sequence[Block],
                    label: Callable[[int], Label | None]) -> int | None:
    """Where the operative part of a text that numbers none of its paragraphs (no typed
    label, no top-level automatic number) begins: the index of the first block that
    opens with the decision verb ("Decides to ..."), or that follows a preambular
    paragraph (its participle, its comma) opening with another word and ending as an
    operative paragraph ends ("Welcomes the report;", after "Noting ...,"); else past the
    last block (an operative formula alone may open it); None where the text numbers a
    paragraph."""
    start, before = len(blocks), ""
    for index, block in enumerate(blocks):
        if not block.text or block.heading or block.title_style or block.table:
            continue
        if label(index) is not None or (block.number is not None and
                                        block.number.level == 0 and block.number.decimal):
            return None
        if start == len(blocks) and (_DECIDES.match(block.text) or _after_preamble(
                block.text, before)):
            start = index
        before = block.text
    return start


def _after_preamble(text: str, before: str) -> bool:
    """Whether ``text`` is an operative paragraph standing right after the preamble's
    last paragraph ``before``: that one opens with its participle and ends with a comma,
    this one opens otherwise and ends with ";" or "."."""
    text, before = text.strip(), before.strip()
    return preambular_opening(before) and before.endswith((",", "\u060c", "\uff0c")) and \
        not preambular_opening(text) and text.endswith((";", ".", "\uff1b")) and \
        text[:1].isupper()
