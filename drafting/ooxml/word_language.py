"""A Word document's default run language (``w:lang``), declared as Word declares it:
spelling, hyphenation and screen readers follow it (the language itself is told by
`drafting.writers.text_language`)."""

from __future__ import annotations

from typing import Any

from docx.oxml.ns import qn

from drafting.ooxml.revisions import element
from drafting.ooxml.schema_order import place

WORD_LANGUAGES = {"ar": ("w:bidi", "ar-SA"), "zh": ("w:eastAsia", "zh-CN"),
                  "ru": ("w:val", "ru-RU"), "fr": ("w:val", "fr-FR"), "es": ("w:val", "es-ES")}
"""Which attribute of ``w:lang`` names each language in Word, and the tag Word gives it:
Arabic is a complex script (``w:bidi``), Chinese an East Asian one (``w:eastAsia``)."""


def set_word_language(styles: Any, language: str) -> None:
    """Make ``language`` the default run language of a Word document (``styles``, its
    ``w:styles`` element: ``w:docDefaults/w:rPrDefault/w:rPr/w:lang``); English, or a
    language Word names otherwise, leaves the document's own default as it is."""
    if language not in WORD_LANGUAGES:
        return
    attribute, tag = WORD_LANGUAGES[language]
    properties = styles
    for name in ("w:docDefaults", "w:rPrDefault", "w:rPr"):
        child = properties.find(qn(name))
        if child is None:
            child = element(name)
            if name == "w:rPr":
                properties.append(child)
            else:  # w:docDefaults opens w:styles, w:rPrDefault comes before w:pPrDefault
                properties.insert(0, child)
        properties = child
    lang = properties.find(qn("w:lang"))
    if lang is None:
        lang = place(properties, element("w:lang"))
    lang.set(qn(attribute), tag)
