"""The opening of a decision, as the World Health Organization's governing bodies and
treaty bodies write one: who decides, what it considered, and the decision formula, in
one paragraph ending with a colon, its items numbered after it:

    The Executive Board, having considered the report by the Director-General, decided:
    (1) to welcome ...;
    (2) to request ...

The General Assembly's decisions letter their items instead:

    The General Assembly decides:
    (a) To take note of the report of the Secretary-General ...;
    (b) To request the Secretary-General: (i) ...; (ii) ...

It is the text's chapeau (`drafting.readers.lines.chapeau_like`), so the items after it
are the operative paragraphs, each with its own label (``OP1``, ``OP2``: a number typed
"(1)", or a letter "(a)", opens a paragraph after a decision's chapeau,
`drafting.readers.draft_labels.bracketed_paragraph`; a Word document keeps the numbers as
typed, "(a bis)" for a new item after "(a)", and Rev.1 letters them on), not lines of one
paragraph as the items after a paragraph ending with ":" are ("Requests the
Secretary-General:", then "(a)", "(b)").
"""

from __future__ import annotations

import re

from drafting.lazy_re import lazy_compile

_FORMULA = (r"(?i:(?:has\s+|a\s+|ha\s+)?(?:decided|decides|d\u00e9cid\u00e9|d\u00e9cide"
            r"|decidi\u00f3|decide|decidido|постановляет|постановила|постановил|решает|решила"
            r"|تقرر|قررت)(?:\s+as\s+follows|\s+ce\s+qui\s+suit|\s+lo\s+siguiente"
            r"|\s+следующее|\s+ما\s+يلي)?)\s*[:\uff1a]")
"""The decision formula, then a colon: "decided:", "decides as follows:", "has decided:",
"a décidé :", "decidió:", Russian "постановляет:", Arabic "تقرر ما يلي:"."""
_CHINESE = r"决定\s*[:\uff1a]"
"""The decision formula in Chinese, "决定：", written with no space before it."""
_DECISION = lazy_compile(
    # who decides, opening as a chapeau does: "The Executive Board", "Le Conseil exécutif"
    r"(?:(?:The|Le|La|Les|El|Los|Las)\s+|L['\u2019])[A-Z\u00c0-\u00dd][^;:\[\]]{2,600}?"
    rf"(?:,\s*|\s+){_FORMULA}"
    # Russian, capitalised ("Генеральная Ассамблея, рассмотрев ..., постановляет:"); Arabic,
    # opened by the particle inna ("إن الجمعية العامة تقرر ما يلي:")
    rf"|(?:[А-ЯЁ]|إن\s)[^;:\[\]\u061b]{{2,600}}?(?:[,\u060c]\s*|\s+){_FORMULA}"
    # Chinese: the organ, then the formula ("大会决定：", "执行局，审议了...报告，决定：")
    rf"|[^;:\[\]\uff1b\uff1a\u3002]{{0,40}}?(?:大会|理事会|执行局|委员会|缔约方|会议)"
    rf"[^;:\[\]\uff1b\uff1a\u3002]{{0,600}}?{_CHINESE}")
"""A decision's opening, in English, French and Spanish: "The Executive Board, having
considered the report by the Director-General, decided:", "The Health Assembly
decided:", "The General Assembly decides:", "L'Assemblée générale décide :", "The
Conference of the Parties decides as follows:", "Le Conseil exécutif, ayant examiné le
rapport du Directeur général, a décidé :", "El Consejo Ejecutivo, ..., decidió:"; and
in Russian, Arabic and Chinese: "Генеральная Ассамблея ... постановляет:", "إن الجمعية
العامة تقرر ما يلي:", "大会决定："."""
_CLOSING = lazy_compile(rf"(?:.*[\s,\u060c\uff0c])?{_FORMULA}|(?:.*[\uff0c,])?{_CHINESE}",
                      re.DOTALL)
"""A paragraph that ends with the formula: "decided:", "Having considered the report by
the Director-General, decided:"."""
_MOST_WORDS = 120
"""The most words a decision's opening has (what it considered can be long)."""


def decision_opening(text: str) -> bool:
    """Whether ``text`` is a decision's opening (`_DECISION`): a chapeau whose items,
    numbered "(1)" or "1.", are the operative paragraphs. False for a paragraph that
    only ends with such a verb ("Requests the Secretary-General, as decided:")."""
    text = text.strip()
    return len(text.split()) <= _MOST_WORDS and _DECISION.fullmatch(text) is not None


def closes_with_decision(text: str) -> bool:
    """Whether ``text`` (a preambular paragraph: no number of its own) ends with the
    decision formula ("decided:", "having considered the report ..., decided:", after
    a chapeau "The Executive Board,"): numbered items after it ("(1)") are the operative
    paragraphs, not its lines. Not where it reports another's decision (`reported`)."""
    return _CLOSING.fullmatch(text.strip()) is not None and not reported(text)


_PARTICIPLE = lazy_compile(
    r"\W*(?:\w+(?:ing|ant|ando|iendo|yendo)|whereas|consid[ée]rant|considerando"
    r"|[А-ЯЁа-яё]+(?:я|в)|إذ)\b", re.IGNORECASE)
"""How a preambular paragraph opens: its participle ("Recalling", "Rappelant",
"Recordando", "Ссылаясь", Arabic "إذ"), or "Whereas"."""
_RIGHT_AFTER = lazy_compile(rf"(?:.*[,\u060c\uff0c]\s*){_FORMULA}", re.DOTALL)
"""The formula right after a comma, with no subject of its own ("..., decided:")."""


def preambular_opening(text: str) -> bool:
    """Whether ``text`` opens as a preambular paragraph does (`_PARTICIPLE`)."""
    return _PARTICIPLE.match(text.strip()) is not None


def reported(text: str) -> bool:
    """Whether ``text``, a preambular paragraph (it opens with its participle), reports a
    decision taken elsewhere: the formula has a subject of its own ("Recalling its
    resolution 71/243, in which it decided:", "Recalling that ... the Conference of the
    Parties decides:"), its items the paragraph's own lines; not "Having considered the
    report ..., decided:", whose subject is the chapeau's."""
    text = text.strip()
    return preambular_opening(text) and _RIGHT_AFTER.fullmatch(text) is None
