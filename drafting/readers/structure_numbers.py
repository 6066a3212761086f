"""Numbers as `drafting.readers.structure` reads them, beside the text: the label Word's
own numbering gives a paragraph (`WordNumbers._word_label`: "PP3", a top-level "3.",
a clause's "1.2"), a list of Word's that is a paragraph's lines (`_sublist`), an item's
letter standing alone before its text (`_item`), a decision's item Word letters
(`_decision_item`), and the numbered recitals of a European Union act (`_recital`)."""

from __future__ import annotations

from collections import Counter

from drafting.lazy_re import lazy_compile
from drafting.model import ParagraphKind
from drafting.model.labels import Label
from drafting.readers.blocks import AutoNumber, Block
from drafting.readers.decisions import closes_with_decision
from drafting.readers.draft_labels import BEFORE_ITEMS as _BEFORE_ITEMS
from drafting.readers.draft_labels import DraftParagraph
from drafting.readers.lines import BRACKETED_NUMBER, RECITALS, lone_item, split_label

_LETTER = lazy_compile(r"\(?[a-z]{1,3}\)")
"""A letter Word numbers a list's items with: "(a)", "a)", "(aa)"."""


class WordNumbers:
    """The part of the structure's reader (`drafting.readers.structure`) that reads
    numbers. The reader holds the state (``blocks``, ``drafts``, ``section``,
    ``operative_in``, ``clauses``, ``item_text``, ``operative_seen``) and gives
    ``_host``."""

    blocks: list[Block]
    drafts: list[DraftParagraph]
    section: str
    operative_in: Counter[str]
    clauses: Counter[str]
    item_text: set[int]
    operative_seen: bool
    decision: bool
    _host: int

    def _word_label(self, number: AutoNumber | None) -> Label | None:
        """The label Word's number gives a paragraph, as `_body` reads it: "PP3" by a list
        showing labels, OP3 by a top-level "3.", a clause's "1.2" by a multilevel list;
        None for no number, or any other (a sub-paragraph's "(a)", a bullet)."""
        if number is None:
            return None
        if number.label is not None:
            return Label(*number.label)
        if number.level == 0 and number.decimal:
            return Label("OP", number.value)
        return self._clause(number)

    def _clause(self, number: AutoNumber) -> Label | None:
        """The label of a clause Word numbers below its list's top level ("1.2", "1.2.1"),
        as the same number typed is read (`split_label`); None for any other number, and
        in a section that numbers its own paragraphs ("Article 3", then "1.", "2."), whose
        "1.1" would be its paragraph 1: there it is a line of the paragraph before."""
        shown = number.clause
        if shown is None or (self.section and self.operative_in[self.section] >
                             self.clauses[self.section]):
            return None
        self.clauses[self.section] += 1
        return split_label(f"{shown} ")[0]

    def _sublist(self, number: AutoNumber) -> bool:
        """Whether a paragraph numbered at the top level of a list of its own is a line of
        the paragraph before: one Word numbers in another list that ends with ":" (or
        already holds this list's items), as Word's "List Number 2" is used under "List
        Number" ("2. Calls upon States:", then "1. To protect ...")."""
        if self._host < 0 or not number.list:
            return False
        host = self.drafts[self._host]
        if not host.automatic or not host.list or host.list == number.list:
            return False
        last = (host.options[-1] if host.options else host.text).rstrip()
        return host.sublist == number.list or last.endswith((":", "\uff1a"))

    def _decision_item(self, number: AutoNumber) -> bool:
        """Whether Word's ``number``, a letter at its list's top level ("(a)", "a)"),
        numbers a decision's item, an operative paragraph as the same letter typed is
        (`drafting.readers.draft_labels.bracketed_paragraph`): the first, "(a)", right
        after the decision formula (``decision``: the chapeau "The General Assembly
        decides:", or a preambular paragraph ending with it, or the formula alone,
        "Decides:", other text), the next ones after an item of the same list."""
        if number.level != 0 or number.decimal or not _LETTER.fullmatch(number.text):
            return False
        host = self.drafts[self._host] if self._host >= 0 else None
        if host is not None and host.automatic and host.list == number.list:
            return host.label.kind is ParagraphKind.OPERATIVE
        last = (host.options[-1] if host.options else host.text) if host else ""
        if host is not None and host.bracketed and host.lettered:  # "(b)" after "(a bis)"
            return number.value == host.label.number + 1 and not last.rstrip().endswith(
                (":", "\uff1a"))  # typed in Word's list: the next item
        starts = self.decision if host is None else (
            host.label.kind in _BEFORE_ITEMS and closes_with_decision(last))
        return starts and number.value == 1

    def _item(self, index: int) -> str:
        """Block ``index``'s text, or, for an item's letter alone ("(a)") before a block
        that is only text, the item they make ("(a) To ..."), the next block noted as
        its text."""
        text = self.blocks[index].text
        after = self.blocks[index + 1] if index + 1 < len(self.blocks) else None
        if after is None or after.heading or after.title_style or after.table or \
                after.number or not lone_item(text, after.text):
            return text
        self.item_text.add(index + 1)
        return f"{text.rstrip()} {after.text}"

    def _recital(self, block: Block, typed: str) -> bool:
        """Whether ``block`` is a recital of a European Union act: numbered ("(1) ", typed,
        or by Word at the top level) in the preamble, after "Whereas:" or another recital.
        Each is a preambular paragraph, not a line of "Whereas:" (a typed number stays its
        text; Word's stays Word's)."""
        word = block.number is not None and block.number.level == 0
        if self.operative_seen or self._host < 0 or not (
                word or BRACKETED_NUMBER.match(typed)):
            return False
        host = self.drafts[self._host]
        return host.recital or (host.label.kind is ParagraphKind.PREAMBULAR and
                                host.options is None and
                                RECITALS.fullmatch(host.text) is not None)
