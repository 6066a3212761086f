"""A delegation's clean copy that rewrites a short paragraph (most of its words new, its
opening kept) proposes new words for that paragraph. It was read as a new paragraph after
the one before and that paragraph deleted, with a warning that it was missing from the
copy: the compilation showed it under another label, and a support or a retain on the
paragraph found nothing."""

from __future__ import annotations

import pytest
from docx_builders import lines_docx

from drafting.engine.amend import apply
from drafting.model import AmendmentKind
from drafting.readers import read_draft
from drafting.readers.docx_submission import read_docx_submission

LINES = [
    "The General Assembly,",
    "Recalling its resolution 70/1 of 25 September 2015,",
    "Recognizing the role of women in post-harvest processing and trade,",
    "Noting with concern the state of small-scale fisheries,",
    "1.\tDecides to convene a one-day high-level meeting on small-scale fisheries;",
    "2.\tRequests the Secretary-General to report on the implementation of the present "
    "resolution;",
]


def _read(tmp_path, rewritten: dict[int, str]):
    document = read_draft(lines_docx(tmp_path / "draft.docx", LINES)).to_document("A/C.2/81/L.9")
    copy = [rewritten.get(n, line) for n, line in enumerate(LINES)]
    result = read_docx_submission(lines_docx(tmp_path / "copy.docx", copy), document,
                                  delegation="JPN")
    return document.current, result


def test_a_paragraph_rewritten_from_its_opening_word_is_that_paragraph_amended(tmp_path):
    new = "Recognizing the central role of women and youth in fisheries,"
    revision, result = _read(tmp_path, {2: new})
    pp2 = revision.by_label("PP2")
    assert {a.paragraph_id for a in result.amendments} == {pp2.id}
    assert AmendmentKind.NEW_PARAGRAPH not in {a.kind for a in result.amendments}
    text = pp2.text
    for amendment in sorted(result.amendments, key=lambda a: -a.span.start):
        text = apply(text, amendment)
    assert text == new
    assert not [w for w in result.warnings if "missing" in w.message]


@pytest.mark.parametrize("other", [
    "Welcoming the offer of Fiji to host the meeting in 2027,",
    "Noting further the Paris Agreement and the importance of the ocean-climate nexus,"])
def test_a_paragraph_put_in_the_place_of_another_is_still_new(tmp_path, other):
    """Nothing alike but the place (or the opening word, as most preambular paragraphs
    share it): another paragraph in its stead, the old one deleted."""
    revision, result = _read(tmp_path, {3: other})
    kinds = sorted(str(a.kind) for a in result.amendments)
    assert kinds == sorted([str(AmendmentKind.NEW_PARAGRAPH),
                            str(AmendmentKind.DELETE_PARAGRAPH)])
    (deleted,) = [a for a in result.amendments if a.kind is AmendmentKind.DELETE_PARAGRAPH]
    assert deleted.paragraph_id == revision.by_label("PP3").id
