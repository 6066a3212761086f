"""Merge: every proposal in place, credited once, conflicts as brackets of alternatives."""

import dataclasses
from datetime import UTC, datetime, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from drafting.engine.merge import merge, merge_paragraph, select
from drafting.engine.segments import (
    Alternatives,
    Change,
    MergedParagraph,
    NewParagraph,
    Text,
    accepted_text,
    original_text,
)
from drafting.model import (
    Amendment,
    AmendmentKind,
    AmendmentStatus,
    Document,
    Paragraph,
    ParagraphKind,
    Revision,
    Span,
)

T0 = datetime(2026, 11, 2, 10, 0, tzinfo=UTC)
OP = ParagraphKind.OPERATIVE
OP1 = Paragraph("p1", "OP1", OP, "Decides to convene a high-level meeting in 2027;")
OP2 = Paragraph("p2", "OP2", OP,
                "Requests the Secretary-General to submit a report within existing resources;")
OP3 = Paragraph("p3", "OP3", OP, "Invites States to contribute.")
ZERO = Revision("Zero draft", (OP1, OP2, OP3))
DOC = Document("A/C.2/81/L.7", "Fisheries", (ZERO,))

_ids = iter(range(1, 10_000))


def amendment(kind, paragraph=OP2, quoted="", new="", *, by=("EU",), minutes=0, after=True,
              revision="Zero draft", **extra):
    """An amendment quoting ``quoted`` in ``paragraph`` (found with str.index)."""
    span = anchor = None
    if quoted:
        start = paragraph.text.index(quoted)
        span = Span(start, start + len(quoted))
    if kind is AmendmentKind.INSERT:
        anchor = span
        point = span.end if after else span.start
        span = Span(point, point)
    return Amendment(
        id=f"A{next(_ids)}", kind=kind, paragraph_id=paragraph.id, revision=revision,
        proponents=tuple(by), span=span, anchor=anchor, old_text=quoted, new_text=new,
        submitted_at=T0 + timedelta(minutes=minutes), **extra,
    )


def replace(quoted, new, **kw):
    return amendment(AmendmentKind.REPLACE, quoted=quoted, new=new, **kw)


def delete(quoted, **kw):
    return amendment(AmendmentKind.DELETE, quoted=quoted, **kw)


def insert(new, after=None, before=None, **kw):
    return amendment(AmendmentKind.INSERT, quoted=after or before, new=new,
                     after=after is not None, **kw)


def test_a_paragraph_without_proposals_is_one_piece_of_text():
    merged = merge_paragraph(OP2, [])
    assert merged.segments == (Text(OP2.text),)


def test_one_replacement_is_an_attributed_change():
    a = replace("submit", "present", reason="agreed language")
    merged = merge_paragraph(OP2, [a])
    before, change, after = merged.segments
    assert before == Text("Requests the Secretary-General to ")
    assert (change.deleted, change.inserted) == ("submit", "present")
    assert change.credit.proponents == ("EU",) and change.credit.amendments == (a.id,)
    assert change.credit.reasons == ("agreed language",)
    assert after == Text(" a report within existing resources;")


def test_identical_proposals_are_one_change_credited_to_all():
    eu = replace("submit", "present", by=["EU"], minutes=1)
    usa = replace("submit", "present", by=["USA"], minutes=2, supporters=("JPN", "EU"))
    (_, change, _) = merge_paragraph(OP2, [eu, usa]).segments
    assert isinstance(change, Change)
    assert change.credit.proponents == ("EU", "USA")
    assert change.credit.supporters == ("JPN",)
    assert change.credit.amendments == (eu.id, usa.id)


def test_proposals_typed_over_different_words_that_make_the_same_text_are_one():
    """Word records typing over a selection as the selection deleted and retyped: the EU
    typed over " within existing", the USA over "submit a report", both to put "annually"
    after "report". They were two changes, and the merged draft accepted whole read
    "a report annually annually within"."""
    eu = replace(" within existing", " annually within existing", by=["EU"], minutes=1)
    usa = replace("submit a report", "submit a report annually", by=["USA"], minutes=2)
    segments = merge_paragraph(OP2, [eu, usa]).segments
    (change,) = [s for s in segments if not isinstance(s, Text)]
    assert isinstance(change, Change) and (change.deleted, change.inserted) == ("", " annually")
    assert change.credit.proponents == ("EU", "USA")
    assert change.credit.amendments == (eu.id, usa.id)
    assert accepted_text(segments) == (
        "Requests the Secretary-General to submit a report annually within existing resources;")


def test_the_same_change_typed_over_different_words_is_shown_on_whole_words():
    eu = replace("a report", "a reports", by=["EU"], minutes=1)
    usa = replace("report within", "reports within", by=["USA"], minutes=2)
    alone = replace("a report", "a reports", by=["JPN"], minutes=3)
    (_, change, _) = merge_paragraph(OP2, [eu, usa]).segments
    assert (change.deleted, change.inserted) == ("report", "reports")
    (_, typed, _) = merge_paragraph(OP2, [alone]).segments  # alone: as it was typed
    assert (typed.deleted, typed.inserted) == ("a report", "a reports")


def test_competing_replacements_become_one_bracket_of_alternatives():
    eu = replace("submit", "present", by=["EU"], minutes=1)
    g77 = replace("submit", "transmit", by=["G77"], minutes=2)
    (_, bracket, _) = merge_paragraph(OP2, [g77, eu]).segments
    assert isinstance(bracket, Alternatives)
    assert bracket.original == "submit" and bracket.retained_by == ()
    assert [(o.text, o.credit.proponents) for o in bracket.options] == [
        ("present", ("EU",)), ("transmit", ("G77",))]


def test_overlapping_spans_compete_over_their_union():
    eu = replace("submit a report", "present a report", by=["EU"], minutes=1)
    usa = delete(" within existing resources", by=["USA"], minutes=2)
    g77 = replace("a report within", "an annual report within", by=["G77"], minutes=3)
    segments = merge_paragraph(OP2, [eu, usa, g77]).segments
    (bracket,) = [s for s in segments if isinstance(s, Alternatives)]
    assert bracket.original == "submit a report within existing resources"
    assert [o.text for o in bracket.options] == [
        "present a report within existing resources",
        "submit a report",
        "submit an annual report within existing resources",
    ]


def test_a_word_deleted_between_two_spaces_leaves_one_in_its_alternative():
    """The alternative of a deletion is the span with the words cut out: "a  report"
    (two spaces) in the compilation and the merged draft."""
    eu = replace("submit a report", "prepare a study", by=["EU"], minutes=1)
    at = OP2.text.index(" a report") + 1
    g77 = dataclasses.replace(delete("a", by=["G77"], minutes=2), span=Span(at, at + 1))
    (bracket,) = [s for s in merge_paragraph(OP2, [eu, g77]).segments
                  if isinstance(s, Alternatives)]
    assert [o.text for o in bracket.options] == ["prepare a study", "submit report"]


def test_an_insertion_at_the_edge_of_a_deletion_does_not_conflict():
    usa = delete(" within existing resources", by=["USA"], minutes=1)
    jpn = insert(" and recommendations", after="a report", by=["JPN"], minutes=2)
    segments = merge_paragraph(OP2, [usa, jpn]).segments
    assert not any(isinstance(s, Alternatives) for s in segments)
    assert accepted_text(segments) == (
        "Requests the Secretary-General to submit a report and recommendations;")


def test_an_insertion_inside_a_deletion_conflicts():
    usa = delete("a report within existing resources", by=["USA"], minutes=1)
    jpn = insert("annual ", before="report", by=["JPN"], minutes=2)
    segments = merge_paragraph(OP2, [usa, jpn]).segments
    (bracket,) = [s for s in segments if isinstance(s, Alternatives)]
    assert [o.text for o in bracket.options] == ["", "a annual report within existing resources"]


def test_different_insertions_at_one_point_are_alternatives_with_no_original():
    eu = insert("annual ", before="report", by=["EU"], minutes=1)
    g77 = insert("comprehensive ", before="report", by=["G77"], minutes=2)
    same = insert("annual ", before="report", by=["USA"], minutes=3)
    (bracket,) = [s for s in merge_paragraph(OP2, [eu, g77, same]).segments
                  if isinstance(s, Alternatives)]
    assert bracket.original == ""
    assert [(o.text, o.credit.proponents) for o in bracket.options] == [
        ("annual ", ("EU", "USA")), ("comprehensive ", ("G77",))]


def test_retain_opposes_every_change_in_the_paragraph():
    usa = delete(" within existing resources", by=["USA"])
    keep = amendment(AmendmentKind.RETAIN, by=["G77"], supporters=("AOSIS",))
    merged = merge_paragraph(OP2, [usa, keep])
    (bracket,) = [s for s in merged.segments if isinstance(s, Alternatives)]
    assert bracket.original == " within existing resources"
    assert bracket.retained_by == ("G77", "AOSIS")
    assert [o.text for o in bracket.options] == [""]
    assert merged.retains.amendments == (keep.id,)


def test_a_bracket_request_is_a_change_that_adds_brackets():
    a = amendment(AmendmentKind.BRACKET, quoted="within existing resources",
                  new="[within existing resources]", by=["USA"])
    (_, change, _) = merge_paragraph(OP2, [a]).segments
    assert change.bracket and change.inserted == "[within existing resources]"


def test_paragraph_level_proposals_are_attached_in_place():
    gone = amendment(AmendmentKind.DELETE_PARAGRAPH, OP3, by=["USA"], minutes=1)
    alt = amendment(AmendmentKind.ALTERNATIVE, OP3, new="Urges States to contribute.",
                    by=["G77"], minutes=2)
    new_a = amendment(AmendmentKind.NEW_PARAGRAPH, OP1, new="Decides also to act;", by=["JPN"],
                      minutes=3)
    new_b = amendment(AmendmentKind.NEW_PARAGRAPH, OP1, new="Decides further to meet;",
                      by=["EU"], minutes=4)
    same = amendment(AmendmentKind.NEW_PARAGRAPH, OP1, new="Decides also to act;", by=["CAN"],
                     minutes=5)
    compilation = merge(DOC, [same, new_b, gone, alt, new_a])
    shown = [e.label if isinstance(e, NewParagraph) else e.paragraph.label
             for e in compilation.entries]
    assert shown == ["OP1", "OP1 bis", "OP1 ter", "OP2", "OP3"]
    bis, ter = compilation.entries[1:3]
    assert (bis.text, bis.credit.proponents, bis.after) == ("Decides also to act;",
                                                             ("JPN", "CAN"), "OP1")
    assert (ter.text, ter.credit.proponents) == ("Decides further to meet;", ("EU",))
    op3 = compilation.entries[-1]
    assert op3.deletion.proponents == ("USA",)
    assert [(o.text, o.credit.proponents) for o in op3.alternatives] == [
        ("Urges States to contribute.", ("G77",))]


def test_new_paragraphs_go_after_an_existing_bis():
    bis = Paragraph("p9", "OP1 bis", OP, "Decides as well;")
    document = Document("X", "", (Revision("Zero draft", (OP1, bis, OP2)),))
    new = amendment(AmendmentKind.NEW_PARAGRAPH, OP1, new="Decides again;", by=["EU"])
    labels = [e.label if isinstance(e, NewParagraph) else e.paragraph.label
              for e in merge(document, [new]).entries]
    assert labels == ["OP1", "OP1 bis", "OP1 ter", "OP2"]


def test_a_new_paragraph_goes_after_the_footnotes_of_the_one_it_follows():
    """OP1 cites footnote 1, which follows it; a new paragraph after OP1 went between them,
    and the compilation printed OP1's footnote under the proposal."""
    cited = Paragraph("p1", "OP1", OP, "Decides to convene a meeting[^1] in 2027;")
    note = Paragraph("f1", "FN1", ParagraphKind.FOOTNOTE, "See resolution 78/10.")
    document = Document("X", "", (Revision("Zero draft", (cited, note, OP2)),))
    new = amendment(AmendmentKind.NEW_PARAGRAPH, cited, new="Decides again;", by=["USA"])
    labels = [e.label if isinstance(e, NewParagraph) else e.paragraph.label
              for e in merge(document, [new]).entries]
    assert labels == ["OP1", "FN1", "OP1 bis", "OP2"]


def test_one_files_new_paragraphs_keep_its_order_past_vicies():
    from dataclasses import replace as with_

    # one file: one time, one proponent; its ids A1 ... A36 in the file's order
    new = [with_(amendment(AmendmentKind.NEW_PARAGRAPH, OP1, new=f"Decides, {n};"),
                 id=f"A{n}") for n in range(1, 37)]
    entries = merge(DOC, list(reversed(new))).entries
    added = [e for e in entries if isinstance(e, NewParagraph)]
    assert [e.text for e in added] == [f"Decides, {n};" for n in range(1, 37)]  # A2 < A10
    assert [e.label for e in added][18:21] == ["OP1 vicies", "OP1.21", "OP1.22"]
    assert added[-1].label == "OP1.37"
    labels = [e.label if isinstance(e, NewParagraph) else e.paragraph.label for e in entries]
    assert labels[-3:] == ["OP1.37", "OP2", "OP3"]


def test_order_is_submission_time_then_delegation_code():
    later = replace("submit", "transmit", by=["AAA"], minutes=5)
    usa = replace("submit", "deliver", by=["USA"], minutes=1)
    eu = replace("submit", "present", by=["EU"], minutes=1)
    (_, bracket, _) = merge_paragraph(OP2, sorted([later, usa, eu], key=lambda a: a.id)).segments
    # merge_paragraph takes them in the order given; merge sorts them first.
    compilation = merge(DOC, [later, usa, eu])
    (_, bracket, _) = compilation.entries[1].segments
    assert [o.credit.proponents for o in bracket.options] == [("EU",), ("USA",), ("AAA",)]


def test_amendments_on_an_older_revision_move_with_the_text_or_go_stale():
    rev1_op2 = Paragraph("p2", "OP2", OP, "Requests the Secretary-General to submit a "
                         "comprehensive report within existing resources;")
    document = Document(DOC.symbol, DOC.title, (ZERO, Revision("Rev.1", (OP1, rev1_op2, OP3))))
    moved = delete(" within existing resources", by=["USA"])
    changed = replace("a report", "an annual report", by=["G77"])
    compilation = merge(document, [moved, changed])
    assert compilation.revision == "Rev.1"
    (_, change, end) = compilation.entries[1].segments
    assert change.deleted == " within existing resources"
    assert end == Text(";")
    assert [s.amendment.id for s in compilation.stale] == [changed.id]
    assert "a report" in compilation.stale[0].reason


def test_an_amendment_on_an_unknown_revision_or_paragraph_is_stale_not_lost():
    ghost = replace("submit", "present", revision="Rev.9")
    orphan = amendment(AmendmentKind.RETAIN, Paragraph("p77", "OP77", OP, "x"))
    compilation = merge(DOC, [ghost, orphan])
    reasons = {s.amendment.id: s.reason for s in compilation.stale}
    assert "Rev.9" in reasons[ghost.id]
    assert "no longer in the Zero draft" in reasons[orphan.id]


def test_select_filters_by_status_and_delegation():
    a = replace("submit", "present", by=["EU"])
    b = replace("submit", "deliver", by=["USA", "CAN"], status=AmendmentStatus.ACCEPTED)
    c = replace("submit", "send", by=["G77"], status=AmendmentStatus.WITHDRAWN)
    assert select([a, b, c]) == [a]
    assert select([a, b, c], statuses=None, delegations={"CAN", "G77"}) == [b, c]
    assert select([a, b, c], statuses=[AmendmentStatus.ACCEPTED]) == [b]


# --- properties over random amendment sets ------------------------------------------------

WORDS = OP2.text.split(" ")
STARTS = [0]
for word in WORDS[:-1]:
    STARTS.append(STARTS[-1] + len(word) + 1)


@st.composite
def random_amendment(draw):
    kind = draw(st.sampled_from([AmendmentKind.REPLACE, AmendmentKind.DELETE,
                                 AmendmentKind.INSERT, AmendmentKind.BRACKET,
                                 AmendmentKind.RETAIN, AmendmentKind.NEW_PARAGRAPH,
                                 AmendmentKind.DELETE_PARAGRAPH, AmendmentKind.ALTERNATIVE]))
    first = draw(st.integers(0, len(WORDS) - 1))
    last = draw(st.integers(first, min(first + 3, len(WORDS) - 1)))
    quoted = " ".join(WORDS[first:last + 1])
    new = draw(st.sampled_from(["present", "an annual", "", "[x]", "Decides;"]))
    code = draw(st.sampled_from(["EU", "G77", "USA", "JPN"]))
    minutes = draw(st.integers(0, 5))
    if kind in (AmendmentKind.REPLACE, AmendmentKind.DELETE, AmendmentKind.BRACKET):
        text = {AmendmentKind.DELETE: "", AmendmentKind.BRACKET: f"[{quoted}]"}.get(kind, new)
        return amendment(kind, quoted=quoted, new=text, by=[code], minutes=minutes)
    if kind is AmendmentKind.INSERT:
        return insert(new or " more", after=quoted, by=[code], minutes=minutes)
    return amendment(kind, new=new or "Text;", by=[code], minutes=minutes)


@settings(max_examples=200, deadline=None)
@given(st.lists(random_amendment(), max_size=12))
def test_merge_never_drops_an_amendment(amendments):
    compilation = merge(DOC, amendments)
    credited = list(_credited_ids(compilation))
    credited += [s.amendment.id for s in compilation.stale]
    assert sorted(credited) == sorted(a.id for a in amendments)
    op2 = next(e for e in compilation.entries
               if isinstance(e, MergedParagraph) and e.paragraph.id == "p2")
    assert original_text(op2.segments) == OP2.text


@st.composite
def disjoint_changes(draw):
    """Span amendments on distinct words of OP2, none touching another."""
    chosen = draw(st.lists(st.integers(0, len(WORDS) - 1), unique=True, max_size=6))
    result = []
    for index in sorted(chosen):
        if index and index - 1 in chosen:
            continue
        start = STARTS[index]
        word = WORDS[index]
        kind = draw(st.sampled_from(["replace", "delete", "insert"]))
        code = draw(st.sampled_from(["EU", "G77", "USA"]))
        if kind == "insert":
            span, anchor, new = Span(start + len(word), start + len(word)), Span(
                start, start + len(word)), " very"
        else:
            span, anchor, new = Span(start, start + len(word)), None, (
                "" if kind == "delete" else word.upper() + "!")
        result.append(Amendment(f"D{index}", AmendmentKind(kind), "p2", "Zero draft", (code,),
                                span=span, anchor=anchor, old_text=word, new_text=new,
                                submitted_at=T0))
    return result


@settings(max_examples=200, deadline=None)
@given(disjoint_changes())
def test_accepting_every_change_equals_applying_them_one_by_one(changes):
    expected = OP2.text
    for change in sorted(changes, key=lambda a: a.span.start, reverse=True):
        expected = expected[:change.span.start] + change.new_text + expected[change.span.end:]
    merged = merge_paragraph(OP2, changes)
    assert not any(isinstance(s, Alternatives) for s in merged.segments)
    assert accepted_text(merged.segments) == expected


def _credited_ids(compilation):
    for entry in compilation.entries:
        if isinstance(entry, NewParagraph):
            yield from entry.credit.amendments
            continue
        for segment in entry.segments:
            if isinstance(segment, Change):
                yield from segment.credit.amendments
            elif isinstance(segment, Alternatives):
                for option in segment.options:
                    yield from option.credit.amendments
        for credit in (entry.deletion, entry.retains):
            if credit:
                yield from credit.amendments
        for option in entry.alternatives:
            yield from option.credit.amendments


def test_the_same_change_inside_a_compound_is_shown_on_the_whole_compound():
    """"one-day" -> "two-day" typed by the EU and "one-day high-level" -> "two-day
    high-level" by the USA: shown as "one-day" -> "two-day", not "one" -> "two" with the
    delegations' names inside the word ("two (EU, USA)-day")."""
    paragraph = Paragraph("op1", "OP1", ParagraphKind.OPERATIVE,
                          "Decides to convene a one-day high-level meeting;")
    eu = replace("one-day", "two-day", by=["EU"], minutes=1, paragraph=paragraph)
    usa = replace("one-day high-level", "two-day high-level", by=["USA"], minutes=2,
                  paragraph=paragraph)
    (_, change, _) = merge_paragraph(paragraph, [eu, usa]).segments
    assert (change.deleted, change.inserted) == ("one-day", "two-day")
    assert change.credit.proponents == ("EU", "USA")
