"""Chapeaux longer than an organ's name, as declarations and treaties open
(`drafting.readers.lines.chapeau_like` reads the short ones):

- a declaration in the first person: "We, the Heads of State and Government and
  representatives of States and Governments, assembled at United Nations Headquarters
  in New York on 22 September 2026,", "We, the Ministers ...,", "Nous, chefs d'État et
  de gouvernement ...,", "Nosotros, los Jefes de Estado y de Gobierno ...,";
- a treaty between governments: "The Government of the Kingdom of Norway and the
  Government of the Republic of Ghana (hereinafter referred to as “the Parties”),",
  "Le Gouvernement de ... et le Gouvernement de ... (ci-après dénommés « les Parties »),",
  "El Gobierno de ... y el Gobierno de ...,";
- any other naming of who acts (`who_acts`): a body, or the States or Parties, with
  small words after "The" and commas inside: "The member States of the Council of Europe
  and the other signatories hereto,", "The member States of the Council of Europe, the
  other States and the European Union, signatories hereto,", "The General Conference of
  the United Nations Educational, Scientific and Cultural Organization, meeting in Paris
  from 10 to 25 November 2027, at its 44th session,", "La Conférence générale de
  l'Organisation des Nations Unies pour l'éducation, la science et la culture, ...,".

Each ends with a comma, holds no full stop, colon or semicolon, and stays short of a
paragraph (`LONG_CHAPEAU_WORDS`).
"""

from __future__ import annotations

import re

from drafting.lazy_re import lazy_compile

LONG_CHAPEAU_WORDS = 60
"""The most words such a chapeau has: a declaration's names who meet, where and when."""
_CLAUSE = r"[^;:.\[\]]"
"""What a chapeau's words hold: no sentence's or list's end, no bracket."""
_WE = lazy_compile(
    rf"(?:We|Nous|Nosotros|Nosotras|Мы),\s{_CLAUSE}{{2,600}},")
"""A declaration's chapeau: "We, ...,"."""
_GOVERNMENTS = lazy_compile(
    r"(?:The\s+Governments?\s+of\s|Les?\s+Gouvernements?\s+(?:de\s|du\s|des\s|d['\u2019])"
    rf"|El\s+Gobierno\s+de\s|Los\s+Gobiernos\s+de\s){_CLAUSE}{{2,600}}?"
    rf"\b(?:and|et|y)\s+(?:the|le|el)\s+(?:Government|Gouvernement|Gobierno)\s"
    rf"{_CLAUSE}{{2,600}},", re.IGNORECASE)
"""A treaty's chapeau naming the governments that conclude it: "The Government of ...
and the Government of ...,", in English, French or Spanish, with a parenthesis naming
them ("(hereinafter referred to as “the Parties”)")."""


def _words(words: str) -> frozenset[str]:
    """The set of the ``words`` written one after another (lists easier to read)."""
    return frozenset(words.split())


_WHO = lazy_compile(
    rf"(?P<head>(?:The|Le|La|Les|El|Los|Las)\s[^,;:.\[\]]{{2,200}}?),"
    rf"(?:{_CLAUSE}{{0,600}},)?")
"""A chapeau naming who acts: the words up to its first comma (``head``, see
`who_acts`), then anything that ends no sentence (the rest of a name, "meeting in
Paris ...", "at its 44th session"), ending with a comma."""
_ACTORS = _words(
    "States Parties Members members signatories Governments Government Conference Council "
    "Assembly Body Board Committee Commission Meeting Ministers Heads Congress Summit "
    "États Etats Membres membres signataires Gouvernements Gouvernement Conférence Conseil "
    "Assemblée Comité Réunion Ministres Chefs "
    "Estados Partes Miembros miembros signatarios Gobiernos Gobierno Conferencia Consejo "
    "Asamblea Comisión Junta Reunión Ministros Jefes")
"""The words naming who acts, one of which a chapeau's head holds."""
_SMALL = _words(
    "of the and to this these that present for in on at as by hereto member other "
    "contracting high serving meeting parties members signatories "
    "de du des la le les l et à au aux pour en présent présente présents présentes "
    "générale général membres autres signataires contractantes hautes parties agissant "
    "comme réunion éducation science culture "
    "del el los las y a al para en presente otros otras signatarios contratantes altas "
    "partes actuando como reunión")
"""The words in small letters a chapeau's head may hold: no verb ("The Assembly decides,
..." is a sentence), but "member", "other", "générale", "hereto" and the words joining a
name ("of the", "de l'")."""


def who_acts(text: str) -> bool:
    """Whether ``text`` (trimmed) names who acts and ends with a comma: "The" (or "Le",
    "La", "Les", "El", "Los", "Las") and, up to the first comma, words in capitals, a
    word naming who acts (`_ACTORS`) and no word in small letters but those of a name
    (`_SMALL`); after it, anything that ends no sentence ("meeting in Paris from ...,
    at its 44th session,"). Never a preambular paragraph ("Recalling ...,"), nor a
    sentence ("The Assembly decides, after a long debate, to act,")."""
    found = _WHO.fullmatch(text)
    if found is None:
        return False
    words = re.findall(r"[^\W\d_]+", found["head"].replace("\u2019", "'"))[1:]
    return any(word in _ACTORS for word in words) and all(
        word[0].isupper() or word in _SMALL for word in words)


def long_chapeau(text: str) -> bool:
    """Whether ``text`` (trimmed) is a declaration's "We, ...," chapeau, a treaty's
    "The Government of ... and the Government of ...," or another naming of who acts
    (`who_acts`; see the module's docstring)."""
    if len(text.split()) > LONG_CHAPEAU_WORDS:
        return False
    return bool(_WE.fullmatch(text) or _GOVERNMENTS.fullmatch(text) or who_acts(text))
