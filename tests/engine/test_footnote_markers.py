"""A footnote marker ("[^1]") in a proposal's new words is refused where the paragraph does
not cite that footnote: a new paragraph holding one, or words bringing one into another
paragraph, used to be recorded with the marker as text, printed "[^1]" in the merged draft
and the revision, which lost the footnote's place in the Word document."""

from __future__ import annotations

import pytest

from drafting.engine.amend import Proposal, draft_amendment
from drafting.engine.subamend import draft_subamendment
from drafting.errors import AmendmentError
from drafting.model import Paragraph, ParagraphKind, Revision

PP2 = "Noting with concern the state of small-scale fisheries[^1],"
ZERO = Revision("Zero draft", (
    Paragraph("p1", "PP1", ParagraphKind.PREAMBULAR, "Recalling its resolution 70/1,"),
    Paragraph("p2", "PP2", ParagraphKind.PREAMBULAR, PP2),
    Paragraph("f1", "FN1", ParagraphKind.FOOTNOTE, "See A/79/123, para. 4."),
    Paragraph("p3", "PP3", ParagraphKind.PREAMBULAR, "Recognizing the role of women,"),
))


def draft(**proposal):
    return draft_amendment(ZERO, Proposal(**proposal), id="A1", proponents=["EU"])


@pytest.mark.parametrize("proposal", [
    {"paragraph": "PP3", "new_paragraph": "Noting the state of fisheries[^1],"},
    {"paragraph": "PP2", "new_paragraph": "Noting the state of fisheries[^1],"},
    {"paragraph": "PP3", "insert": "[^1]", "after": "women"},
    {"paragraph": "PP3", "replace": "women", "with_": "women[^1]"},
    {"paragraph": "PP2", "insert": "[^2]", "after": "fisheries[^1]"},
    {"paragraph": "PP3", "alternative": "Recognizing the role of women[^1],"},
], ids=["new after another", "new after the citing one", "insert", "replace",
        "another footnote", "alternative"])
def test_a_footnote_marker_the_paragraph_does_not_cite_is_refused(proposal):
    with pytest.raises(AmendmentError, match=r"footnote marker '\[\^\d\]'.*leave it out"):
        draft(**proposal)


@pytest.mark.parametrize("proposal", [
    {"paragraph": "PP2", "replace": "small-scale fisheries[^1]",
     "with_": "small-scale fisheries and aquaculture[^1]"},
    {"paragraph": "PP2", "alternative": "Noting with deep concern the state of fisheries[^1],"},
], ids=["replace", "alternative"])
def test_the_paragraphs_own_footnote_marker_may_stay_in_its_new_words(proposal):
    assert "[^1]" in draft(**proposal).new_text


def test_an_amendment_to_a_proposal_may_not_bring_a_marker_either():
    parent = draft(paragraph="PP3", new_paragraph="Welcoming the report,")
    with pytest.raises(AmendmentError, match=r"footnote marker '\[\^1\]'"):
        draft_subamendment(parent, Proposal("A1", insert="[^1]", after="report"), id="A2",
                           proponents=["G77"], revision="Zero draft")
