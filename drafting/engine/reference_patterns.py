"""How the six languages of the United Nations cite a paragraph or an article of the
text they stand in, one pattern set a language (`CITATIONS`), for
`drafting.engine.cross_references` to read.

Each pattern is of one `Cites` kind and names the numbers cited (``numbers``) and, for
a paragraph of another article, that article (``article``); the words after them say
the text cited is this one ("above", "ci-dessus", "supra", "أعلاه", "выше", "上文",
"of the present resolution", "of this Agreement"). A citation of another text
("paragraph 2 of resolution 70/1", "paragraph 2 of article 5 of the Convention") is
none of them.
"""

from __future__ import annotations

import re
from enum import Enum
from typing import NamedTuple

from drafting.lazy_re import lazy_compile


class Cites(Enum):
    """What the numbers a citation names are."""

    PARAGRAPHS = "paragraphs"
    """Operative paragraphs of a resolution or decision: ``OP2``."""
    OF_THIS_ARTICLE = "of this article"
    """Paragraphs of the article the citing paragraph stands in: ``3.1`` from ``3.2``."""
    OF_ARTICLE = "of article"
    """Paragraphs of the article named: ``5.1`` for "paragraph 1 of article 5"."""
    ARTICLES = "articles"
    """Articles of the treaty: "article 3 of this Agreement"."""


_W = r"(?<![\w\-\u2011])"
"""No word or hyphen before a citation's first word: "sous-paragraphe 2" is none."""
_N = r"(?>\d{1,4})"
"""A number in any script's digits ("2", "٢", "２"): `int` reads them all."""
_ARTICLE = (r"(?P<article>(?>\d{1,3}(?:\s?(?:bis|ter)\b)?|premier|primero"
            r"|[〇零一二三四五六七八九十百两]{1,6}))")
"""An article's number: "5", "5 bis", "premier" ("l'article premier"), "五"."""


def _numbers(joiners: str) -> str:
    """Numbers cited one after another: "2", "3 to 5", "1, 2 and 4"."""
    return rf"(?P<numbers>{_N}(?:\s*(?:{joiners})\s*{_N})*)"


class Language(NamedTuple):
    """A language's citations: the words one has (`cue`, to pass over text quickly
    that has none), its words for a range (`ranges`: "to", "à", "至") and its patterns."""

    cue: re.Pattern[str]
    ranges: re.Pattern[str]
    patterns: tuple[tuple[Cites, re.Pattern[str]], ...]


def _language(cue: str, joiners: str, ranges: str,
              patterns: dict[Cites, tuple[str, ...]]) -> Language:
    """A `Language` from its words and patterns, compiled when first used."""
    compiled = tuple(
        (kind, lazy_compile(pattern.replace("{N}", _numbers(joiners)).replace("{_W}", _W),
                            re.IGNORECASE))
        for kind, written in patterns.items() for pattern in written)
    return Language(lazy_compile(cue, re.IGNORECASE),
                    lazy_compile(rf"(?:{ranges})", re.IGNORECASE), compiled)


_EN_TREATY = r"(?:Agreement|Convention|Protocol|Treaty|Covenant|Charter|Statute|Constitution)"
_EN_THIS = rf"(?:\s*,?\s*of\s+(?:this|the\s+present)\s+{_EN_TREATY})?"
_EN_OTHER = r"(?!\s*,?\s*of(?>\s+)(?!this\b|the\s+present\b))"
_FR_TREATY = (r"(?:du\s+présent\s+(?:Accord|Protocole|Traité|Pacte|Statut|instrument)"
              r"|de\s+la\s+présente\s+(?:Convention|Charte|Constitution))")
_FR_OTHER = r"(?!\s*,?\s*(?:de\s+la(?>\s+)|du(?>\s+)|des\s|de\s+l['’]\s?)(?!présente?\b))"
_ES_TREATY = (r"(?:del\s+presente\s+(?:Acuerdo|Protocolo|Tratado|Pacto|Estatuto|instrumento)"
              r"|de\s+la\s+presente\s+(?:Convenci[oó]n|Carta|Constituci[oó]n))")
_ES_OTHER = r"(?!\s*,?\s*(?:de\s+la|del|de\s+los)(?>\s+)(?!presente\b))"
_AR_PARAGRAPHS = r"(?:ال|ل)?فقر(?:ة|ات|تان|تين)\s+(?:من\s+)?{N}"
_RU_PARAGRAPHS = r"(?<!\w)пункт(?:ы|а|у|ом|е|ов|ам|ами|ах)?\s+{N}"
_RU_TREATY = r"настоящ\w+\s+(?:Соглашени|Конвенци|Протокол|Договор|Пакт|Устав|Статут)\w*"

CITATIONS = {
    "English": _language(r"paragraph|article", r",|and|to|-|\u2013", r"to|-|\u2013", {
        Cites.PARAGRAPHS: (
            r"{_W}paragraphs?\s+{N}\s*,?\s*(?:above|below|of\s+(?:the\s+present|this)\s+"
            r"(?:resolution|decision|declaration|annex))",),
        Cites.OF_THIS_ARTICLE: (r"{_W}paragraphs?\s+{N}\s*,?\s*of\s+(?:the\s+present|this)"
                                r"\s+article\b",),
        Cites.OF_ARTICLE: (
            rf"{_W}paragraphs?\s+{{N}}\s+of\s+article\s+{_ARTICLE}{_EN_OTHER}{_EN_THIS}",
            rf"{_W}article\s+{_ARTICLE}\s*,\s*paragraphs?\s+{{N}}{_EN_OTHER}{_EN_THIS}"),
        Cites.ARTICLES: (rf"{_W}articles?\s+{{N}}\s*,?\s*(?:above|below|of\s+(?:this|the\s+"
                         rf"present)\s+{_EN_TREATY})",),
    }),
    "French": _language(r"paragraphe|article", r",|et|à|-|\u2013", r"à|-|\u2013", {
        Cites.PARAGRAPHS: (
            r"{_W}paragraphes?\s+{N}\s*,?\s*(?:ci[-\u2011]?\s?(?:dessus|dessous|après)|de\s+la"
            r"\s+présente\s+(?:résolution|décision|déclaration|annexe))",),
        Cites.OF_THIS_ARTICLE: (r"{_W}paragraphes?\s+{N}\s*,?\s*du\s+présent\s+article\b",),
        Cites.OF_ARTICLE: (
            rf"{_W}paragraphes?\s+{{N}}\s+de\s+l['’]\s?article\s+{_ARTICLE}{_FR_OTHER}"
            rf"(?:\s*,?\s*{_FR_TREATY})?",
            rf"{_W}article\s+{_ARTICLE}\s*,\s*paragraphes?\s+{{N}}{_FR_OTHER}"
            rf"(?:\s*,?\s*{_FR_TREATY})?"),
        Cites.ARTICLES: (rf"{_W}articles?\s+{{N}}\s*,?\s*(?:ci[-\u2011]?\s?(?:dessus|dessous)"
                         rf"|{_FR_TREATY})",),
    }),
    "Spanish": _language(r"p[aá]rrafo|art[ií]culo", r",|y|al|a|-|\u2013", r"al|a|-|\u2013", {
        Cites.PARAGRAPHS: (
            r"{_W}p[aá]rrafos?\s+{N}\s*,?\s*(?:supra|infra|anterior(?:es)?\b|de\s+(?:la\s+"
            r"presente|esta)\s+(?:resoluci[oó]n|decisi[oó]n|declaraci[oó]n)|del\s+presente"
            r"\s+anexo)",),
        Cites.OF_THIS_ARTICLE: (r"{_W}p[aá]rrafos?\s+{N}\s*,?\s*del\s+presente\s+"
                                r"art[ií]culo\b",),
        Cites.OF_ARTICLE: (
            rf"{_W}p[aá]rrafos?\s+{{N}}\s+del\s+art[ií]culo\s+{_ARTICLE}{_ES_OTHER}"
            rf"(?:\s*,?\s*{_ES_TREATY})?",
            rf"\bart[ií]culo\s+{_ARTICLE}\s*,\s*p[aá]rrafos?\s+{{N}}{_ES_OTHER}"
            rf"(?:\s*,?\s*{_ES_TREATY})?"),
        Cites.ARTICLES: (rf"\bart[ií]culos?\s+{{N}}\s*,?\s*(?:supra|infra|{_ES_TREATY})",),
    }),
    "Arabic": _language(r"فقر|ماد", r"،|,|و|إلى|-|\u2013", r"إلى|-|\u2013", {
        Cites.PARAGRAPHS: (
            _AR_PARAGRAPHS + r"\s*(?:أعلاه|أدناه|من\s+(?:منطوق\s+)?(?:هذا\s+(?:القرار|"
            r"المقرر|الإعلان|المرفق)|(?:القرار|المقرر)\s+(?:الحالي|الراهن)))",),
        Cites.OF_THIS_ARTICLE: (_AR_PARAGRAPHS + r"\s+من\s+هذه\s+المادة",),
        Cites.OF_ARTICLE: (_AR_PARAGRAPHS + rf"\s+من\s+المادة\s+{_ARTICLE}"
                           r"(?!\s+من\s+(?!هذ))",),
        Cites.ARTICLES: (r"(?:ال|ل)ماد(?:ة|تان|تين|ات)\s+{N}\s+من\s+(?:هذا\s+(?:الاتفاق|"
                         r"البروتوكول|الميثاق|العهد|النظام)|هذه\s+(?:الاتفاقية|المعاهدة))",),
    }),
    "Russian": _language(r"пункт|стать", r",|и|-|\u2013|\u2014", r"-|\u2013|\u2014", {
        Cites.PARAGRAPHS: (
            _RU_PARAGRAPHS + r"\s*(?:выше|ниже|(?:постановляющей\s+части\s+)?настоящ\w+\s+"
            r"(?:резолюци|решени|деклараци|приложени)\w*)",),
        Cites.OF_THIS_ARTICLE: (_RU_PARAGRAPHS + r"\s+настоящей\s+стать\w+",),
        Cites.OF_ARTICLE: (_RU_PARAGRAPHS + rf"\s+статьи\s+{_ARTICLE}(?!\s+(?-i:[А-ЯЁA-Z]))"
                           rf"(?:\s+{_RU_TREATY})?",),
        Cites.ARTICLES: (r"(?<!\w)стать(?:я|и|е|ю|ей|ях|ям|ями)\s+{N}\s+" + _RU_TREATY,),
    }),
    "Chinese": _language(r"[段款条]", r"[段款]?\s*(?:至|到|、|和|及|-|\u2013|\u2014|,|，)\s*第?",
                         r"至|到|-|\u2013|\u2014", {
        Cites.PARAGRAPHS: (r"(?:上文|下文|本(?:决议|决定|宣言|附件))\s*第\s*{N}\s*段",),
        Cites.OF_THIS_ARTICLE: (r"本条\s*第\s*{N}\s*款",),
        Cites.OF_ARTICLE: (rf"(?<![》」])(?:本(?:协定|公约|议定书|条约|盟约|宪章|规约))?第\s*"
                           rf"{_ARTICLE}\s*条\s*第\s*{{N}}\s*款",),
        Cites.ARTICLES: (r"本(?:协定|公约|议定书|条约|盟约|宪章|规约)\s*第\s*{N}\s*条"
                         r"(?!\s*第\s*\d{1,4}\s*款)",),
    }),
}
"""Each language's `Language`: its patterns read citations as the United Nations writes
"paragraph 2 above" ("paragraphe 2 ci-dessus", "párrafo 2 supra", "الفقرة 2 أعلاه",
"пункт 2 выше", "上文第2段"), "paragraphs 3 to 5 of the present resolution", and in a
treaty "paragraph 1 of this article", "paragraphs 1 and 2 of article 5", "article 5,
paragraph 2" and "article 3 of this Agreement"."""
