"""An insertion asked for with ``Proposal.spaced`` (as `drafting amend` asks, unless
``--literal``) puts a word beside a word: one space where the inserted words and the
quoted ones would run together, letter or digit to letter or digit; nowhere else, and
never between Chinese characters. Without it the words are taken as given."""

from __future__ import annotations

import pytest

from drafting.engine.amend import Proposal, apply, draft_amendment
from drafting.model import Paragraph, ParagraphKind, Revision

OP1 = "Decides to convene a one-day high-level meeting on small-scale fisheries by 2030;"
ZH = "决定召开为期一天的高级别会议；"
ZERO = Revision("Zero draft", (
    Paragraph("p1", "OP1", ParagraphKind.OPERATIVE, OP1),
    Paragraph("p2", "OP2", ParagraphKind.OPERATIVE, ZH)))


def _made(label: str, spaced: bool = True, **asked: str) -> tuple[str, str]:
    """The words recorded for the insertion ``asked`` and the paragraph it makes."""
    amendment = draft_amendment(ZERO, Proposal(label, spaced=spaced, **asked), id="A1",
                                proponents="EU")
    return amendment.new_text, apply(ZERO.by_label(label).text, amendment)


@pytest.mark.parametrize(("asked", "new", "made"), [
    ({"insert": "two-week", "before": "high-level"}, "two-week ",
     "a one-day two-week high-level meeting"),
    ({"insert": "annual", "after": "one-day"}, " annual", "a one-day annual high-level"),
    ({"insert": "early", "before": "2030"}, "early ", "by early 2030;"),
    ({"insert": "ministerial ", "before": "high-level"}, "ministerial ",
     "one-day ministerial high-level"),  # spaced as typed
    ({"insert": " ministerial", "before": "high-level"}, "ministerial ",
     "one-day ministerial high-level"),  # its space typed on the other side
    ({"insert": "-based", "after": "small-scale fisheries"}, "-based",
     "small-scale fisheries-based by"),  # a hyphen joins as typed
], ids=["before", "after", "digits", "spaced", "space-moved", "hyphen"])
def test_a_word_goes_beside_a_word(asked, new, made):
    recorded, text = _made("OP1", **asked)
    assert recorded == new
    assert made in text


def test_chinese_takes_no_space():
    assert _made("OP2", insert="部长级", before="高级别") == (
        "部长级", "决定召开为期一天的部长级高级别会议；")


def test_without_spaced_the_words_are_taken_as_given():
    assert _made("OP1", spaced=False, insert="two-week", before="high-level")[0] == "two-week"
