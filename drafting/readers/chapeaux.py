"""Chapeaux longer than an organ's name, as declarations and treaties open
(`drafting.readers.lines.chapeau_like` reads the short ones):

- a declaration in the first person: "We, the Heads of State and Government and
  representatives of States and Governments, assembled at United Nations Headquarters
  in New York on 22 September 2026,", "We, the Ministers ...,", "Nous, chefs d'État et
  de gouvernement ...,", "Nosotros, los Jefes de Estado y de Gobierno ...,";
- a treaty between governments: "The Government of the Kingdom of Norway and the
  Government of the Republic of Ghana (hereinafter referred to as “the Parties”),",
  "Le Gouvernement de ... et le Gouvernement de ... (ci-après dénommés « les Parties »),",
  "El Gobierno de ... y el Gobierno de ...,".

Each ends with a comma, holds no full stop, colon or semicolon, and stays short of a
paragraph (`LONG_CHAPEAU_WORDS`).
"""

from __future__ import annotations

import re

LONG_CHAPEAU_WORDS = 60
"""The most words such a chapeau has: a declaration's names who meet, where and when."""
_CLAUSE = r"[^;:.\[\]]"
"""What a chapeau's words hold: no sentence's or list's end, no bracket."""
_WE = re.compile(
    rf"(?:We|Nous|Nosotros|Nosotras|Мы),\s{_CLAUSE}{{2,600}},")
"""A declaration's chapeau: "We, ...,"."""
_GOVERNMENTS = re.compile(
    r"(?:The\s+Governments?\s+of\s|Les?\s+Gouvernements?\s+(?:de\s|du\s|des\s|d['\u2019])"
    rf"|El\s+Gobierno\s+de\s|Los\s+Gobiernos\s+de\s){_CLAUSE}{{2,600}}?"
    rf"\b(?:and|et|y)\s+(?:the|le|el)\s+(?:Government|Gouvernement|Gobierno)\s"
    rf"{_CLAUSE}{{2,600}},", re.IGNORECASE)
"""A treaty's chapeau naming the governments that conclude it: "The Government of ...
and the Government of ...,", in English, French or Spanish, with a parenthesis naming
them ("(hereinafter referred to as “the Parties”)")."""


def long_chapeau(text: str) -> bool:
    """Whether ``text`` (trimmed) is a declaration's "We, ...," chapeau or a treaty's
    "The Government of ... and the Government of ...," (see the module's docstring)."""
    if len(text.split()) > LONG_CHAPEAU_WORDS:
        return False
    return bool(_WE.fullmatch(text) or _GOVERNMENTS.fullmatch(text))
