"""The lines a document's front matter is known by, whatever opens its text: the
organization ("United Nations"), the document's symbol ("A/81/L.5",
"A/CONF.240/2026/L.1", "EB160/CONF./3", "MSC 110/WP.5", a joint "A/81/L.5–E/2026/L.12"),
the organ ("General Assembly", "Executive Board"), "Distr.: Limited", a date ("14 October
2026"), "Original: English", the session ("Eighty-first session", "160th session") and
the agenda item ("Agenda item 128"); in English, French and Spanish. Two columns on one
line ("Agenda item 13.2<tab>20 May 2026") are a front line if one of them is.

`drafting.readers.structure_front` reads the blocks a document opens with as front matter
when one of them is such a line, though no chapeau follows them (an outcome document
whose numbered paragraphs follow its title, a chapeau it does not know).
"""

from __future__ import annotations

from drafting.lazy_re import lazy_compile
from drafting.model.headings import CLOSING

_SYMBOL = r"[A-Z][A-Za-z0-9.\-]*(?: \d+)?(?:/[A-Za-z0-9.\-()]+)+\*{0,3}"
"""One symbol: letters, then parts after slashes; IMO's holds a space ("MSC 110/WP.5")."""
_FRONT_LINE = lazy_compile(
    rf"(?=.*\d){_SYMBOL}(?:\s?[\u2013\u2014]\s?{_SYMBOL})*"  # "A/81/L.5–E/2026/L.12"
    r"|(?i:distr\.?\s*:?\s*\S.*|original\s*:.*"
    r"|(?:provisional\s+)?agenda\s+items?\s+\d.*|(?:point|points|tema|temas)\s+\d.*"
    r"|.*\bsession(?:,\s*resumed)?|.*\bp[ée]riode\s+de\s+sessions|.*\bper[ií]odo\s+de\s+sesiones"
    r"|\d{1,2}(?:st|nd|rd|th|er)?\s+\w+\s+\d{4}"
    r"|united\s+nations|nations\s+unies|naciones\s+unidas"
    r"|general\s+assembly|security\s+council|economic\s+and\s+social\s+council"
    r"|human\s+rights\s+council|executive\s+board|world\s+health\s+assembly"
    r"|assembl[ée]e\s+g[ée]n[ée]rale|conseil\s+de\s+s[ée]curit[ée]|asamblea\s+general"
    r"|consejo\s+de\s+seguridad)")
"""A line of the front matter, `fullmatch`ed (see the module's docstring)."""
FRONT_WORDS = 60
"""The most words a line of the front matter, or a title, has."""


def front_line(text: str) -> bool:
    """Whether ``text`` is one of the lines a front matter is known by (see the module's
    docstring)."""
    return any(_FRONT_LINE.fullmatch(part.strip()) for part in text.split("\t"))


def ends_clause(text: str) -> bool:
    """Whether ``text`` ends as a sentence or a clause does (",", ";", ":", "."): a
    paragraph's, a chapeau's, never a line of the front matter or a title."""
    text = text.rstrip()
    return bool(text) and text[-1] in CLOSING
