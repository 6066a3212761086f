"""The numbers of a text's section headings after a revision adds one among them.

In a text numbered straight through (OP1, OP2, ... across its headings), a new article
a delegation proposed ("Article 2 Objective", its heading as Word shows it where the
heading style numbers itself) is a heading of the revision (`drafting.engine.revise`).
The headings of its kind after it then show the next numbers, as Word numbers them in
the secretariat's document: "Article 2 Scope" is "Article 3 Scope" now. A revision's
text must read as its Word document does, so `articles_renumbered` numbers them on,
where they ran on before (each the one before it plus one, or 1 where a part starts
them again); else they stay as the drafters numbered them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from itertools import pairwise

from drafting.model import Paragraph, ParagraphKind
from drafting.model.sections import numbered_as, renumbered_section


def articles_renumbered(old: Sequence[Paragraph], new: list[Paragraph],
                        kinds: set[str]) -> list[Paragraph]:
    """``new`` (a revision of ``old``'s paragraphs, new headings of ``kinds`` among them)
    with the headings of each of ``kinds`` numbered on, as `articles_renumbered`'s
    module says; ``new`` as it is where ``old``'s did not run on."""
    was = {p.id: numbered_as(p.text) for p in old if p.kind is ParagraphKind.HEADING}
    out = list(new)
    for kind in kinds:
        before = [found[1] for found in was.values() if found and found[0] == kind]
        if not before or not _run_on(before):
            continue
        last = 0
        for n, paragraph in enumerate(new):
            found = numbered_as(paragraph.text) if paragraph.kind is ParagraphKind.HEADING \
                else None
            if found is None or found[0] != kind:
                continue
            restart = paragraph.id in was and found[1] == 1
            value = 1 if restart else last + 1
            if value != found[1]:
                out[n] = replace(paragraph, text=renumbered_section(paragraph.text, value))
            last = value
    return out


def _run_on(numbers: list[int]) -> bool:
    """Whether each of ``numbers`` is the one before it plus one, or 1 (started again)."""
    return numbers[0] == 1 and all(b in (a + 1, 1) for a, b in pairwise(numbers))
