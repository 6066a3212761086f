"""Proposals that read the same are one proposal, however typed: an invisible character
(a word joiner, a zero-width space) in one of them no longer makes a second, identical
looking alternative in the compilation. The repeat check (`drafting.store.repeats`)
already compared texts so (`drafting.characters.visible`); the merge now does too."""

from datetime import UTC, datetime, timedelta

from drafting.engine.applied import apply_accepted
from drafting.engine.merge import merge, merge_paragraph
from drafting.engine.segments import Alternatives, Change, NewParagraph, Text
from drafting.model import (
    Amendment,
    AmendmentKind,
    Document,
    Paragraph,
    ParagraphKind,
    Revision,
    Span,
)

T0 = datetime(2026, 11, 2, 10, 0, tzinfo=UTC)
OP1 = Paragraph("p1", "OP1", ParagraphKind.OPERATIVE,
                "Requests the Secretary-General to submit a report;")
DOC = Document("A/C.2/81/L.7", "Fisheries", (Revision("Zero draft", (OP1,)),))


def _replace(new: str, by: str, minutes: int, quoted: str = "submit") -> Amendment:
    start = OP1.text.index(quoted)
    return Amendment(id=f"A{minutes}", kind=AmendmentKind.REPLACE, paragraph_id="p1",
                     revision="Zero draft", proponents=(by,),
                     span=Span(start, start + len(quoted)), old_text=quoted, new_text=new,
                     submitted_at=T0 + timedelta(minutes=minutes))


def test_proposals_that_differ_only_in_invisible_characters_are_one_change():
    eu = _replace("present", "EU", 1)
    usa = _replace("pre\u2060sent", "USA", 2)  # WORD JOINER
    aosis = _replace("pre\u200bsent", "AOSIS", 3)  # ZERO WIDTH SPACE
    segments = merge_paragraph(OP1, [eu, usa, aosis]).segments
    assert not any(isinstance(s, Alternatives) for s in segments)
    (change,) = [s for s in segments if not isinstance(s, Text)]
    assert isinstance(change, Change) and change.inserted == "present"  # the first's
    assert change.credit.proponents == ("EU", "USA", "AOSIS")
    joiner = _replace("pre\u200dsent", "G77", 4)  # ZERO WIDTH JOINER: joins no Latin letter
    assert not any(isinstance(s, Alternatives)
                   for s in merge_paragraph(OP1, [eu, joiner]).segments)
    # after a Devanagari virama it joins (a half form is drawn), and it tells them apart
    plain, joined = _replace("\u0915\u094d\u0937", "IND", 5), \
        _replace("\u0915\u094d\u200d\u0937", "G77", 6)
    assert any(isinstance(s, Alternatives)
               for s in merge_paragraph(OP1, [plain, joined]).segments)


def test_accepting_two_such_proposals_makes_the_change_once():
    eu, usa = _replace("present", "EU", 1), _replace("pre\u2060sent", "USA", 2)
    assert apply_accepted(OP1, OP1.text, [eu, usa]) == \
        "Requests the Secretary-General to present a report;"


def test_new_paragraphs_that_differ_only_in_an_invisible_character_are_one():
    def new(text: str, by: str, minutes: int) -> Amendment:
        return Amendment(id=f"N{minutes}", kind=AmendmentKind.NEW_PARAGRAPH,
                         paragraph_id="p1", revision="Zero draft", proponents=(by,),
                         new_text=text, submitted_at=T0 + timedelta(minutes=minutes))

    compilation = merge(DOC, [new("Decides to act;", "EU", 1),
                              new("Decides to\ufeff act;", "USA", 2)])
    (bis,) = [e for e in compilation.entries if isinstance(e, NewParagraph)]
    assert (bis.text, bis.credit.proponents) == ("Decides to act;", ("EU", "USA"))
