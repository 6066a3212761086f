"""The formulas that frame a treaty's articles: the line that closes its preamble ("Have
agreed as follows:", or a European Union act's "HAVE ADOPTED THIS REGULATION:") and the
closing matter after its last article: the testimonium ("IN WITNESS WHEREOF the
undersigned ... have signed this Convention."), the place and date ("DONE at Geneva, this
... day of ...") and the signature lines after them ("For the European Union"). They are
no preambular paragraph nor a paragraph of the last article: `drafting.readers.structure`
keeps them as other text (``T1``), never numbered, and the writers write them back as
typed, without a label. So are the operative formulas other bodies close a preamble
with ("Decides:", "The Assembly:": `drafting.readers.openings`), and the editorial note
that closes an adopted resolution, "[Adopted without a vote.]" or its voting record
(`drafting.model.closing_notes`): its lines up to its "]" one paragraph, whose brackets
are no negotiation's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from drafting.lazy_re import lazy_compile
from drafting.model.closing_notes import closing_note, opens_closing_note
from drafting.readers.openings import operative_formula

_PREAMBLE_END = lazy_compile(
    r"(?:(?:have|hereby|have\s+hereby)\s+)?agreed?\s+(?:as\s+follows|upon\s+the\s+following)"
    r"|(?:sont|ont)\s+convenu(?:e)?s?\s+(?:de\s+ce\s+qui\s+suit|des\s+dispositions\s+suivantes)"
    r"|han\s+(?:convenido|acordado)\s+(?:en\s+)?lo\s+siguiente"
    r"|согласились\s+о\s+нижеследующем"
    r"|兹协议如下"
    # a European Union act's enacting formula: "HAVE ADOPTED THIS REGULATION:"
    r"|ha(?:ve|s)\s+adopted\s+this\s+(?:regulation|directive|decision)"
    r"|(?:ont|a)\s+adopt[ée]\s+(?:le\s+pr[ée]sent\s+r[èe]glement"
    r"|la\s+pr[ée]sente\s+(?:directive|d[ée]cision))"
    r"|(?:han|ha)\s+adoptado\s+(?:el\s+presente\s+reglamento"
    r"|la\s+presente\s+(?:directiva|decisi[óo]n))"
    r"|(?:haben|hat)\s+(?:folgende|diese)\s+(?:verordnung|richtlinie|beschluss)\s+erlassen",
    re.IGNORECASE)
"""How a treaty's preamble ends, before its first article, in English, French, Spanish,
Russian and Chinese, and a European Union act's (English, French, Spanish, German); then
a colon."""
_CLOSING = lazy_compile(
    r"(?:in\s+witness\s+whereof|in\s+faith\s+whereof|en\s+foi\s+de\s+quoi"
    r"|en\s+testimonio\s+de\s+lo\s+cual|в\s+удостоверение\s+чего"
    r"|done\s+(?:at|in)|fait\s+[àa]|hecho\s+en|совершено\s+в"
    # a European Union regulation's or decision's: "This Regulation shall be binding in
    # its entirety and directly applicable in all Member States."
    r"|this\s+(?:regulation|decision)\s+shall\s+be\s+binding\s+in\s+its\s+entirety"
    r"|(?:le\s+pr[ée]sent\s+r[èe]glement|la\s+pr[ée]sente\s+d[ée]cision)\s+est"
    r"\s+obligatoire\s+dans\s+tous\s+ses\s+[ée]l[ée]ments"
    r"|(?:el\s+presente\s+reglamento|la\s+presente\s+decisi[óo]n)\s+ser[áa]"
    r"\s+obligatori[oa]\s+en\s+todos\s+sus\s+elementos)\b",
    re.IGNORECASE)
"""How a treaty's closing matter opens: the testimonium, or the place and date it was
done at, in English, French, Spanish and Russian; a European Union act's by the sentence
that makes it binding (English, French, Spanish)."""


_ADOPTS = lazy_compile(
    r"adopts\s+this\s[^;:]{0,160}?\bthe\s+following\s+(?:Convention|Recommendation"
    r"|Protocol|Declaration|Resolution)\b[^;:]{0,200}"
    r"|adopte[,\s][^;:]{0,160}?\b(?:la|le)\s+(?:convention|recommandation|protocole"
    r"|d[ée]claration)\s+ci-apr[èe]s\b[^;:]{0,200}"
    r"|adopta[,\s][^;:]{0,160}?\b(?:el|la)\s+(?:siguiente\s+)?(?:convenio|recomendaci[óo]n"
    r"|protocolo|declaraci[óo]n)\b[^;:]{0,200}",
    re.IGNORECASE)
"""How the International Labour Conference closes the preamble of a convention or a
recommendation it adopts, in one sentence: "adopts this nineteenth day of June of the
year two thousand and twenty-six the following Convention, which may be cited as the
Platform Work Convention, 2026.", "adopte, ce ... jour de juin ..., la convention
ci-après, qui sera dénommée ...", "adopta, con fecha ..., el siguiente Convenio, que
podrá ser citado como ..."."""


def ends_preamble(text: str) -> bool:
    """Whether ``text`` is the line that closes a treaty's preamble: "Have agreed as
    follows:", "HAVE AGREED AS FOLLOWS:", "Sont convenus de ce qui suit :", or the
    International Labour Conference's "adopts this ... day of June ... the following
    Convention, which may be cited as ...." (`_ADOPTS`; "... the following Convention:"
    as a draft may end it)."""
    text = text.strip()
    if text.endswith((":", "\uff1a")):  # "... the following Convention:" too
        text = text[:-1].rstrip()
        return _PREAMBLE_END.fullmatch(text) is not None or _ADOPTS.fullmatch(text) is not None
    return _ADOPTS.fullmatch(text) is not None


def opens_closing(text: str) -> bool:
    """Whether ``text`` opens a treaty's closing matter: "IN WITNESS WHEREOF ...",
    "DONE at Geneva, ...", "Done in Brussels on ...". What follows it, up to the next
    section heading (an annex), is closing matter too (the signature lines)."""
    return _CLOSING.match(text.lstrip()) is not None


def formula(text: str) -> bool:
    """Whether ``text`` is read back as a formula by itself (`ends_preamble`,
    `opens_closing`, an operative formula: `drafting.readers.openings`): a writer writes
    it without a label."""
    return ends_preamble(text) or opens_closing(text) or operative_formula(text)


@dataclass(slots=True)
class Formulas:
    """Where a reader stands among a treaty's formulas, block after block."""

    preamble_closed: bool = False
    """"Have agreed as follows:" read: what follows is no preambular paragraph."""
    closing: bool = False
    """In the closing matter, until the next section heading (`section_opened`)."""
    operative: bool = False
    """An operative formula read ("Decides:", "The Assembly:"): what follows is operative."""
    note_open: bool = False
    """In an editorial closing note whose "]" is still to come (`continues`)."""

    def reads(self, text: str, *, operative_seen: bool) -> bool:
        """Whether an unnumbered block's ``text`` is a formula: the end of the preamble
        before any operative paragraph (`ends_preamble`), or after one the closing
        matter, from `opens_closing` on, or an editorial closing note ("[Adopted ...]")."""
        if not operative_seen and (ends_preamble(text) or operative_formula(text)):
            self.preamble_closed = True
            self.operative = not ends_preamble(text)
        elif operative_seen and (self.closing or opens_closing(text)):
            self.closing = True
        elif operative_seen and (closing_note(text) or opens_closing_note(text)):
            self.note_open = not closing_note(text)
        else:
            return False
        return True

    def continues(self, text: str) -> bool:
        """Whether ``text`` is a line of the editorial closing note read last, its "]"
        still to come ("In favour: ...", "Abstaining: ...]"); the one ending it closes it."""
        if not self.note_open or "[" in text or "]" in text.rstrip()[:-1]:
            self.note_open = False
            return False
        self.note_open = not text.rstrip().endswith("]")
        return True

    def section_opened(self) -> None:
        """A section heading (an annex after the signatures) ends the closing matter."""
        self.closing = self.note_open = False
