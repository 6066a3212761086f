"""The editorial note that closes an adopted text: "[Adopted without a vote.]", or the
Human Rights Council's voting record, "[Adopted by a recorded vote of 32 to 5, with 10
abstentions. The voting was as follows: ...]", on one line or several. Its square
brackets are the editor's, not the negotiators': no bracket of negotiation, never
counted or settled, and kept as written."""

from __future__ import annotations

import re

from drafting.lazy_re import lazy_compile

_OPENING = lazy_compile(
    # English, French, Spanish: the participle, never the verb an operative paragraph
    # opens with ("[Adopte le rapport ...]", a bracket to negotiate)
    r"\[\s*(?:adopted|adopt(?:ée?s?|ees?)|aprobad[oa]s?|adoptad[oa]s?"
    r"|принят[аоы]?"  # Russian
    r"|\u0627\u0639\u062a\u064f?\u0645\u062f(?:\u062a)?"  # Arabic "اعتُمد", "اعتُمدت"
    r")(?=[\s.,:;]|\Z)"
    r"|\[\s*(?:未经表决|经记录表决|以\s*\d+\s*票)",  # Chinese: "without a vote", "by ... votes"
    re.IGNORECASE)
_NOTE_MARKER = lazy_compile(r"\[\^\d{1,4}\]")


def closing_note(text: str) -> bool:
    """Whether ``text`` is wholly an editorial closing note: it opens with "[" and a word
    saying the text was adopted ("[Adopted", "[Adoptée", "[Aprobada", "[Принята",
    "[اعتُمد", "[未经表决") and its one "]" ends it (a footnote's marker ``[^1]`` aside).
    A paragraph bracketed whole for negotiation ("[Adopts the ...]") is none."""
    text = _NOTE_MARKER.sub("", text.strip())
    return text.endswith("]") and _OPENING.match(text) is not None and \
        "[" not in text[1:] and "]" not in text[:-1]


def opens_closing_note(text: str) -> bool:
    """Whether ``text`` opens an editorial closing note whose "]" comes on a later line
    ("[Adopted ... The voting was as follows:", then "In favour: ...")."""
    text = _NOTE_MARKER.sub("", text.strip())
    return _OPENING.match(text) is not None and "]" not in text and "[" not in text[1:]
