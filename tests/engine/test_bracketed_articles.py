"""A whole article in brackets, as chairs' texts set out an alternative to an article
("[Article 13 alt", its title, its paragraphs, the last ending "...]") or an article not
agreed ("[Article 4" ... "]"). Each of its two brackets stood alone in its paragraph, and
the import, `drafting show` and `drafting brackets` named them two unbalanced brackets
("a bracket across paragraphs is read as two unbalanced brackets"). For negotiators it is
one bracket, one open question: counted once, on its heading, and warned of never; a
bracket never closed, or closed past the next article, is still a fault."""

from __future__ import annotations

import pytest

from drafting.engine import bracket_report
from drafting.readers import read_text
from drafting.readers.text_checks import stray_brackets

HEAD = ["The Parties to this Agreement,", "Recognizing that plastic pollution is serious,",
        "Have agreed as follows:", "Article 13", "Waste management",
        "1. Each Party shall manage waste.", "2. Parties shall cooperate."]
ALTERNATIVE = ["[Article 13 alt", "Waste management", "1. Each Party may manage waste.",
               "2. Parties may cooperate.]"]
ARTICLE_14 = ["Article 14", "Financial mechanism", "1. A mechanism is hereby defined."]


def _read(*lines: str):
    return read_text("\n\n".join([*HEAD, *lines]) + "\n", name="L3.md")


@pytest.mark.parametrize("block", [
    ALTERNATIVE,
    [line.replace("Article 13 alt", "Alt Article 13") for line in ALTERNATIVE],
    [line.replace("Article 13 alt", "Article 13 alt 2") for line in ALTERNATIVE],
    ["[Article 13 bis", "Plastic products", "1. Each Party shall phase them out.",
     "2. Parties shall report.]"],  # an article not agreed, bracketed whole
    ["[Article 13 bis", "Plastic products]", "1. Each Party shall phase them out."],
], ids=["alt", "Alt Article", "alt 2", "article", "heading"])
def test_a_bracketed_article_is_one_bracket_and_no_fault(block):
    read = _read(*block, *ARTICLE_14)
    assert not read.warnings
    assert stray_brackets(read.paragraphs) == []  # what `drafting show` flags
    report = bracket_report(read.paragraphs)
    assert (report.total, report.unbalanced) == (1, 0)
    heading = next(p for p in read.paragraphs if p.text == block[0])
    assert report.count_of(heading.label).brackets == 1


@pytest.mark.parametrize("block", [
    [*ALTERNATIVE[:-1], "2. Parties may cooperate."],  # never closed
    [*ALTERNATIVE[:-1], "2. Parties may cooperate.", *ARTICLE_14[:2],
     "1. A mechanism is hereby defined.]"],  # closed past Article 14
], ids=["never closed", "closed past the next article"])
def test_a_bracket_not_closing_its_article_is_still_a_fault(block):
    read = _read(*block, *([] if "]" in block[-1] else ARTICLE_14))
    assert any("unbalanced" in warning.message for warning in read.warnings)
    assert bracket_report(read.paragraphs).unbalanced >= 1
