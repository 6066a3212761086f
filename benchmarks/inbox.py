"""The secretariat's inbox, made up: every delegation's Word copy of the synthetic draft.

`write_inbox(workload)` writes, for each delegation of a workload (``samples/synthetic.py``),
a tracked copy (``inbox/tracked/<CODE>.docx``: its changes as Word tracked changes by its
code) and the same copy edited without Track Changes (``inbox/edited/<CODE>.docx``: every
change accepted), each with ``changes`` changes of its own: a word replaced, deleted, or a
phrase inserted, one paragraph each, drawn by seed. The files are named as delegations
send them back, so ``drafting submit SYMBOL inbox/edited/*.docx --by-filename`` reads the
whole inbox in one command (the benchmark's ``inbox`` scenario).
"""

from __future__ import annotations

import random
import re
from pathlib import Path

from reader import accept_all
from synthetic import Workload

from drafting.engine.amend import Proposal, draft_amendment
from drafting.engine.merge import merge
from drafting.model import Paragraph
from drafting.readers import read_draft
from drafting.writers.docx_merged import write_merged_docx

_WORD = re.compile(r"\b[a-z]{6,}\b")
_PHRASES = ("in particular", "as appropriate", "inter alia", "where possible",
            "in accordance with national legislation", "on a voluntary basis")


def inbox_paths(workload: Workload, kind: str) -> list[Path]:
    """Where `write_inbox` puts the ``kind`` (``tracked`` or ``edited``) copies, by code."""
    folder = workload.draft_md.parent / "inbox" / kind
    return [folder / f"{code}.docx" for code in workload.codes]


def write_inbox(workload: Workload, *, changes: int = 20, seed: int = 1) -> None:
    """Every delegation's tracked and edited copy of the workload's draft (see above)."""
    document = read_draft(workload.draft_md).to_document(workload.symbol)
    paragraphs = [p for p in document.current if _WORD.search(p.text)]
    for kind in ("tracked", "edited"):
        (workload.draft_md.parent / "inbox" / kind).mkdir(parents=True, exist_ok=True)
    for number, (code, tracked, edited) in enumerate(zip(
            workload.codes, inbox_paths(workload, "tracked"), inbox_paths(workload, "edited"),
            strict=True)):
        rng = random.Random(seed * 100_003 + number)
        chosen = rng.sample(paragraphs, min(changes, len(paragraphs)))
        amendments = [draft_amendment(document.current, _proposal(rng, paragraph),
                                      id=f"{code}-{n}", proponents=[code])
                      for n, paragraph in enumerate(chosen, 1)]
        write_merged_docx(merge(document, amendments), tracked)
        accept_all(tracked, edited)


def _proposal(rng: random.Random, paragraph: Paragraph) -> Proposal:
    """One change to ``paragraph``: a word it holds once replaced or deleted, or a phrase
    inserted after it."""
    words = [w for w in _WORD.findall(paragraph.text) if paragraph.text.count(w) == 1]
    word = rng.choice(words) if words else None
    if word is None:
        return Proposal(paragraph.label, insert=f" {rng.choice(_PHRASES)}",
                        after=paragraph.text.split()[0], occurrence=1)
    kind = rng.choice(("replace", "replace", "delete", "insert"))
    if kind == "replace":
        return Proposal(paragraph.label, replace=word, with_=f"{word}s")
    if kind == "delete":
        return Proposal(paragraph.label, delete=f" {word}") if f" {word}" in paragraph.text \
            else Proposal(paragraph.label, replace=word, with_=f"{word}s")  # opens the text
    return Proposal(paragraph.label, insert=f" {rng.choice(_PHRASES)}", after=word)
