"""Reading a delegation's Word file as amendments (drafting.readers.docx_submission)."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from docx_builders import (
    AUTHOR,
    DOCUMENT,
    ZERO,
    Para,
    dele,
    house,
    ins,
    move_from,
    move_to,
    note,
    para,
    write_docx,
)

from drafting.engine.amend import apply
from drafting.errors import ReaderError
from drafting.model import AmendmentKind, Document, Paragraph, ParagraphKind, Revision, Span
from drafting.readers.docx_submission import read_docx_submission

K = AmendmentKind
OP1 = ZERO.by_label("OP1").text
WHEN = datetime(2026, 11, 2, 10, 0, tzinfo=UTC)


def read(tmp_path, paragraphs, name="eu.docx", title=None, subtitle=None, **options):
    """Write ``paragraphs`` as a house-style file (``title``/``subtitle`` "" leave those
    out) and read it against DOCUMENT, for EU unless told otherwise."""
    options.setdefault("delegation", "EU")
    extra = {k: v for k, v in (("title", title), ("subtitle", subtitle)) if v is not None}
    path = write_docx(tmp_path / name, paragraphs, **extra)
    return read_docx_submission(path, DOCUMENT, **options)


def tracked(tmp_path, edits, **options):
    return read(tmp_path, house(ZERO, edits), **options)


def at(paragraphs, label):
    """Where the paragraph labelled ``label`` is in ``paragraphs``."""
    return next(i for i, p in enumerate(paragraphs) if p.label == label)


def brief(result):
    """Each amendment as (kind, paragraph id, old text, new text)."""
    return [(a.kind, a.paragraph_id, a.old_text, a.new_text) for a in result.amendments]


def shape(result):
    return [(a.kind, a.paragraph_id, a.span, a.anchor, a.old_text, a.new_text)
            for a in result.amendments]


def test_untouched_file_gives_nothing(tmp_path):
    result = tracked(tmp_path, {})
    assert (result.amendments, result.warnings, result.tracked) == ((), (), False)


def test_insertion_goes_after_the_previous_word(tmp_path):
    result = tracked(tmp_path, {"OP1": [OP1[:-1], ins(" and fish workers"), ";"]})
    (amendment,) = result.amendments
    assert result.tracked and not result.warnings
    assert amendment.kind is K.INSERT and amendment.paragraph_id == "op1"
    assert amendment.new_text == " and fish workers"
    assert amendment.old_text == "fishers" == OP1[amendment.anchor.start:amendment.anchor.end]
    assert amendment.span == Span(len(OP1) - 1, len(OP1) - 1) == Span(amendment.anchor.end,
                                                                      amendment.anchor.end)
    assert apply(OP1, amendment) == OP1[:-1] + " and fish workers;"
    assert (amendment.proponents, amendment.revision) == (("EU",), "Zero draft")
    assert (amendment.submitted_by, amendment.submitted_at) == ("Jane Delegate", WHEN)
    assert amendment.id == "EU-docx-1"


def test_insertion_typed_before_a_space_is_anchored_on_the_word(tmp_path):
    result = tracked(tmp_path, {"OP1": ["Requests the Secretary-General to submit a ",
                                        ins("comprehensive "), "report on small-scale fishers;"]})
    assert brief(result) == [(K.INSERT, "op1", "a", " comprehensive")]


def test_deletion(tmp_path):
    result = tracked(tmp_path, {"OP2": ["Decides to include the item in its provisional agenda",
                                        dele(", within existing resources"), ";"]})
    (amendment,) = result.amendments
    assert brief(result) == [(K.DELETE, "op2", ", within existing resources", "")]
    text = ZERO.by_label("OP2").text
    assert text[amendment.span.start:amendment.span.end] == amendment.old_text
    assert amendment.anchor is None


def test_deletion_next_to_insertion_is_one_replacement(tmp_path):
    result = tracked(tmp_path, {"OP1": ["Requests the Secretary-General to ", dele("submit"),
                                        ins("present"), " a report on small-scale fishers;"]})
    assert brief(result) == [(K.REPLACE, "op1", "submit", "present")]
    assert result.amendments[0].span == Span(34, 40)


def test_change_inside_a_word_is_widened_to_the_whole_word(tmp_path):
    result = tracked(tmp_path, {"OP1": ["Requests the Secretary-General to submit a report",
                                        ins("s"), " on small-scale fishers;"]})
    assert brief(result) == [(K.REPLACE, "op1", "report", "reports")]


def test_insertion_at_paragraph_start_goes_before_the_first_word(tmp_path):
    text = ZERO.by_label("PP1").text
    result = tracked(tmp_path, {"PP1": [ins("Reaffirming and "), text]})
    (amendment,) = result.amendments
    assert amendment.kind is K.INSERT and amendment.span == Span(0, 0)
    assert amendment.anchor == Span(0, len("Recalling")) and amendment.old_text == "Recalling"
    assert apply(text, amendment) == "Reaffirming and " + text


def test_inserted_paragraph_is_a_new_paragraph_after_the_previous_one(tmp_path):
    paragraphs = house(ZERO)
    paragraphs[at(paragraphs, "OP1")].mark = ins()  # Word marks the previous one's mark
    paragraphs.insert(at(paragraphs, "OP2"), para("OP1 bis", ins("Invites States to report;"),
                                                  whole="ins"))
    result = read(tmp_path, paragraphs)
    assert brief(result) == [(K.NEW_PARAGRAPH, "op1", "", "Invites States to report;")]
    assert result.amendments[0].span is None and not result.warnings


def test_inserted_paragraph_with_its_own_mark_inserted(tmp_path):
    paragraphs = house(ZERO)
    paragraphs.insert(at(paragraphs, "OP2"), para(None, ins("Invites States to report;"),
                                                  mark=ins()))
    result = read(tmp_path, paragraphs)
    assert brief(result) == [(K.NEW_PARAGRAPH, "op1", "", "Invites States to report;")]


@pytest.mark.parametrize("mark", [dele(), None], ids=["mark deleted", "mark kept"])
def test_deleted_paragraph(tmp_path, mark):
    paragraphs = house(ZERO)
    paragraphs[at(paragraphs, "OP1")] = para("OP1", dele(OP1), whole="del", mark=mark)
    result = read(tmp_path, paragraphs)
    assert brief(result) == [(K.DELETE_PARAGRAPH, "op1", OP1, "")]
    assert not result.warnings


def test_moved_paragraph_is_a_deletion_and_a_new_paragraph(tmp_path):
    paragraphs = house(ZERO)
    op2 = ZERO.by_label("OP2").text
    paragraphs[at(paragraphs, "OP2")] = para("OP2", move_from(op2), mark=move_from())
    paragraphs.append(para(None, move_to(op2), mark=move_to()))
    result = read(tmp_path, paragraphs)
    assert brief(result) == [(K.DELETE_PARAGRAPH, "op2", op2, ""),
                             (K.NEW_PARAGRAPH, "op3", "", op2)]
    assert [w.where for w in result.warnings if "moved text" in w.message] == [
        f"{tmp_path / 'eu.docx'}, paragraph 7 (OP2)",  # where it was; where it went:
        f"{tmp_path / 'eu.docx'}, paragraph 9 (moved to stand after OP3)"]


def test_two_authors_mapped_to_two_delegations(tmp_path):
    result = tracked(tmp_path, {"OP1": [
        "Requests the Secretary-General to ", dele("submit", author="Ann"),
        ins("present", author="Ann"), ins(" and transmit", author="Bob"),
        " a report on small-scale fishers;"]}, delegation=None,
        authors={"Ann": "EU", "Bob": "USA"})
    assert [(a.proponents, a.submitted_by, a.kind, a.old_text, a.new_text)
            for a in result.amendments] == [
        (("EU",), "Ann", K.REPLACE, "submit", "present"),
        (("USA",), "Bob", K.INSERT, "submit", " and transmit")]
    assert [a.id for a in result.amendments] == ["EU-docx-1", "USA-docx-2"]


def test_unknown_authors_are_refused_with_how_to_map_them(tmp_path):
    edits = {"OP1": ["Requests the Secretary-General to ", dele("submit", author="Ann"),
                     ins("present", author="Zoe"), " a report on small-scale fishers;"]}
    with pytest.raises(ReaderError) as caught:
        tracked(tmp_path, edits, delegation=None, authors={"Bob": "USA"})
    message = caught.value.message
    assert "'Ann', 'Zoe'" in message and "eu.docx" in message
    # as the command line takes it, not the library's "authors={'Ann': 'CODE'}"
    assert "(--author 'Ann=CODE' --author 'Zoe=CODE')" in message


def test_no_date_takes_the_given_time_and_no_author_the_delegation(tmp_path):
    given = datetime(2026, 12, 1, tzinfo=UTC)
    edits = {"OP1": ["Requests the Secretary-General to ", dele("submit", author=None,
                                                                date=None),
                     ins("present", author=None, date=None), " a report on small-scale fishers;"]}
    result = tracked(tmp_path, edits, submitted_at=given)
    (amendment,) = result.amendments
    assert (amendment.proponents, amendment.submitted_by, amendment.submitted_at) == (
        ("EU",), "", given)


def test_no_author_and_no_delegation_is_refused(tmp_path):
    edits = {"OP1": ["Requests the Secretary-General to ", dele("submit", author=None),
                     " a report on small-scale fishers;"]}
    with pytest.raises(ReaderError, match="has no Word author"):
        tracked(tmp_path, edits, delegation=None, authors={"Ann": "EU"})


def test_comment_on_a_change_is_its_reason(tmp_path):
    result = tracked(tmp_path, {"OP2": [
        "Decides to include the item in its provisional agenda",
        note("Not agreed language", note("See OP5", dele(", within existing resources"))),
        ";"]})
    assert result.amendments[0].reason == "Not agreed language; See OP5"
    assert not result.warnings


def test_comment_on_unchanged_text_is_a_warning_quoting_it(tmp_path):
    result = tracked(tmp_path, {"PP2": ["Noting with concern ",
                                        note("Why only small-scale?", "the state"),
                                        " of small-scale fisheries,"]})
    assert result.amendments == ()
    (warning,) = result.warnings
    assert "Why only small-scale?" in warning.message and "'the state'" in warning.message
    assert "(PP2)" in warning.where


def test_deletion_inside_insertion_is_warned_about_and_not_read(tmp_path):
    result = tracked(tmp_path, {"OP1": [OP1[:-1], ins(" and fish workers", dele(" at sea",
                                                                               author="Bob")),
                                        ";"]})
    assert brief(result) == [(K.INSERT, "op1", "fishers", " and fish workers")]
    (warning,) = result.warnings
    assert "'at sea'" in warning.message and "deleted again by Bob" in warning.message
    assert warning.where.endswith("(OP1)")


def test_sub_paragraph_lines_are_line_breaks(tmp_path):
    result = tracked(tmp_path, {"OP3": ["Calls upon States:\n(a) To protect ", ins("artisanal "),
                                        "fishers;\n(b) To support fish workers;"]})
    assert brief(result) == [(K.INSERT, "op3", "protect", " artisanal")]


EDITS = {
    "OP1": ["Requests the Secretary-General to ", dele("submit"), ins("present"),
            " a report on small-scale fishers", ins(" and fish workers"), ";"],
    "OP2": ["Decides to include the item in its provisional agenda",
            dele(", within existing resources"), ";"],
    "PP1": [ins("Reaffirming and "), ZERO.by_label("PP1").text],
}
CLEAN = {"OP1": ["Requests the Secretary-General to present a report on small-scale fishers "
                 "and fish workers;"],
         "OP2": ["Decides to include the item in its provisional agenda;"],
         "PP1": ["Reaffirming and " + ZERO.by_label("PP1").text]}


def test_clean_copy_gives_the_same_amendments_as_tracked_changes(tmp_path):
    with_changes = tracked(tmp_path, EDITS)
    clean = read(tmp_path, house(ZERO, CLEAN), name="clean.docx")
    assert not clean.tracked and not clean.warnings
    assert shape(clean) == shape(with_changes)
    assert len(clean.amendments) == 4
    assert {a.submitted_by for a in clean.amendments} == {""}


def test_clean_copy_needs_a_delegation(tmp_path):
    with pytest.raises(ReaderError, match=r"no tracked changes.*delegation"):
        read(tmp_path, house(ZERO, CLEAN), delegation=None)


def test_clean_copy_with_paragraphs_added_and_removed(tmp_path):
    paragraphs = house(ZERO)
    del paragraphs[at(paragraphs, "PP2")]
    paragraphs.insert(at(paragraphs, "OP2"), Para(["Encourages regional cooperation;"],
                                                  "OP1 bis"))
    result = read(tmp_path, paragraphs)
    assert brief(result) == [
        (K.DELETE_PARAGRAPH, "pp2", ZERO.by_label("PP2").text, ""),
        (K.NEW_PARAGRAPH, "op1", "", "Encourages regional cooperation;")]


def test_paragraphs_without_labels_are_matched_by_similarity(tmp_path):
    edited = {"OP1": "Requests the Secretary-General to present a report on fishers;",
              "PP2": "Noting with grave concern the state of small-scale fisheries,"}
    paragraphs = [Para([edited.get(p.label, p.text)]) for p in ZERO]
    result = read(tmp_path, paragraphs, title="", subtitle="")
    assert brief(result) == [(K.INSERT, "pp2", "with", " grave"),
                             (K.REPLACE, "op1", "submit", "present"),
                             (K.DELETE, "op1", " small-scale", "")]


def test_untracked_difference_in_a_tracked_file_is_read_with_a_warning(tmp_path):
    result = tracked(tmp_path, {"OP1": ["Requests the Secretary-General to ", dele("submit"),
                                        ins("present"), " a report on fishers;"]})
    assert brief(result) == [(K.REPLACE, "op1", "submit", "present"),
                             (K.DELETE, "op1", " small-scale", "")]
    assert any("outside tracked changes" in w.message for w in result.warnings)
    assert result.amendments[1].submitted_by == ""


def test_a_tracked_paragraph_split_is_a_new_paragraph(tmp_path):
    paragraphs = house(ZERO)
    paragraphs[at(paragraphs, "OP1")] = Para(
        ["Requests the Secretary-General to submit a report"], "OP1", mark=ins())
    paragraphs.insert(at(paragraphs, "OP2"), Para([" on small-scale fishers;"]))
    result = read(tmp_path, paragraphs)
    assert [(a.kind, a.paragraph_id, a.old_text, a.new_text) for a in result.amendments] == [
        (K.DELETE, "op1", " on small-scale fishers;", ""),
        (K.NEW_PARAGRAPH, "op1", "", "on small-scale fishers;")]
    assert {a.submitted_by for a in result.amendments} == {AUTHOR}


def test_a_split_tracked_whole_with_the_new_paragraphs_number_warns_of_nothing(tmp_path):
    """As LibreOffice records a split typed with its new number: the mark inserted after
    "a report", the space and "o" deleted, "2.<tab>O" inserted. The deleted words before
    the new number were dropped with it: the rest of OP1 read as deleted outside tracked
    changes, and the new number as "the paragraph's label was changed"."""
    paragraphs = house(ZERO)
    paragraphs[at(paragraphs, "OP1")] = Para(
        ["Requests the Secretary-General to submit a report"], "OP1", mark=ins())
    paragraphs.insert(at(paragraphs, "OP2"), Para(
        [dele(" o"), ins("2.\tO"), "n small-scale fishers;"]))
    result = read(tmp_path, paragraphs)
    assert [(a.kind, a.paragraph_id, a.old_text, a.new_text) for a in result.amendments] == [
        (K.DELETE, "op1", " on small-scale fishers;", ""),
        (K.NEW_PARAGRAPH, "op1", "", "On small-scale fishers;")]
    assert result.warnings == ()


def test_joined_paragraphs_are_a_replacement_and_a_deletion(tmp_path):
    paragraphs = house(ZERO)
    paragraphs[at(paragraphs, "OP1")].mark = dele()
    result = read(tmp_path, paragraphs)
    op1, op2 = (p.text for p in ZERO if p.label in ("OP1", "OP2"))
    assert [(a.kind, a.paragraph_id, a.old_text, a.new_text) for a in result.amendments] == [
        (K.INSERT, "op1", "fishers;", f" {op2}"), (K.DELETE_PARAGRAPH, "op2", op2, "")]
    assert result.amendments[0].span.start == len(op1)
    assert any("read as OP1 replaced by the joined text and OP2 deleted" in w.message
               for w in result.warnings)


def test_changed_title_is_a_warning(tmp_path):
    paragraphs = [Para([dele("Sustainable"), ins("Responsible"), " fisheries"],
                       style="Title"), *house(ZERO)]
    result = read(tmp_path, paragraphs, title="")
    assert result.amendments == ()
    assert any("title was changed" in w.message for w in result.warnings)


def test_ids_come_from_the_iterator_only_on_success(tmp_path):
    ids = iter(["a1", "a2", "a3", "a4", "a5"])
    result = tracked(tmp_path, EDITS, ids=ids)
    assert [a.id for a in result.amendments] == ["a1", "a2", "a3", "a4"]
    with pytest.raises(ReaderError):
        tracked(tmp_path, {"OP1": [dele(OP1, author="Ann")]}, delegation=None, authors={},
                ids=ids)
    assert next(ids) == "a5"


def test_file_made_from_an_older_revision(tmp_path):
    rev1 = Revision("Rev.1", tuple(p if p.id != "op1" else Paragraph(
        "op1", "OP1", ParagraphKind.OPERATIVE, "Requests a report;") for p in ZERO))
    document = Document(DOCUMENT.symbol, DOCUMENT.title, (ZERO, rev1))
    path = write_docx(tmp_path / "old.docx", house(ZERO, {"OP1": [OP1[:-1], ins(" now"), ";"]}))
    result = read_docx_submission(path, document, delegation="EU", revision="zero draft")
    assert [(a.revision, a.new_text) for a in result.amendments] == [("Zero draft", " now")]
    with pytest.raises(ReaderError, match=r"no revision 'Rev\.9'"):
        read_docx_submission(path, document, delegation="EU", revision="Rev.9")


def test_span_amendments_applied_give_the_edited_text(tmp_path):
    result = tracked(tmp_path, EDITS)
    texts = {p.id: p.text for p in ZERO}
    for amendment in sorted(result.amendments, key=lambda a: -a.span.start):
        texts[amendment.paragraph_id] = apply(texts[amendment.paragraph_id], amendment)
    assert [texts[label.lower()] for label in CLEAN] == [parts[0] for parts in CLEAN.values()]


# Real files from other projects, read against their own text with changes rejected

FIXTURES = Path(__file__).resolve().parents[2] / ".." / "shared" / "fixtures" / "docx"


def fixture(name, *, table_lines=0, **options):
    """Read fixture ``name`` against a document whose paragraphs (T1, T2, ...) are the lines
    LibreOffice gives with every change rejected, less the last ``table_lines`` lines."""
    if not FIXTURES.is_dir():
        pytest.skip("../shared/fixtures not present")
    text = (FIXTURES / "expected" / f"{name}.reject.lo74.txt").read_text(encoding="utf-8-sig")
    lines = [line for line in text.splitlines() if line.strip()]
    lines = lines[:len(lines) - table_lines]
    paragraphs = tuple(Paragraph(f"p{n}", f"T{n}", ParagraphKind.OTHER, line)
                       for n, line in enumerate(lines, 1))
    document = Document("TEST/1", "", (Revision("Zero draft", paragraphs),))
    return read_docx_submission(FIXTURES / f"{name}.docx", document, **options)


def test_fixture_partial_word_deletion_is_a_whole_word_replacement():
    result = fixture("pandoc_track_changes_deletion", delegation="EU")
    assert brief(result) == [(K.REPLACE, "p1", "an excessively modified", "a")]
    (amendment,) = result.amendments
    assert amendment.submitted_by == "eng-dept"
    assert amendment.submitted_at == datetime(2014, 6, 25, 10, 42, tzinfo=UTC)


def test_fixture_four_authors_mapped_to_delegations():
    authors = {"Saez Grau, Ricardo": "ESP", "Hernandez, Felipe": "MEX",
               "Christe-Baldan, Susana": "SUI", "Alvarez, Ignacio": "ARG"}
    result = fixture("oxpt_RP042-Deleted-Para-Mark-at-End", authors=authors)
    assert [(a.proponents[0], a.kind, a.old_text, a.new_text) for a in result.amendments][:3] == [
        ("SUI", K.REPLACE, "4", "6"), ("ARG", K.REPLACE, "colaboren ", "cooperen activamente "),
        ("ESP", K.REPLACE, "los países", "las administraciones")]
    last = result.amendments[-1]
    assert (last.proponents, last.kind, last.paragraph_id) == (("MEX",), K.DELETE_PARAGRAPH,
                                                               "p2")
    assert len(result.amendments) == 8 and not result.warnings


def test_fixture_deleted_and_inserted_paragraphs():
    result = fixture("oxpt_RP048-Deleted-Inserted-Para-Mark", table_lines=3, delegation="EU")
    assert [(a.kind, a.paragraph_id, a.new_text, a.submitted_by) for a in result.amendments] == [
        (K.DELETE_PARAGRAPH, "p3", "", "Test User"),
        (K.NEW_PARAGRAPH, "p3", "This is an inserted paragraph.", "Eric White"),
        (K.NEW_PARAGRAPH, "p3", "And another one.", "Eric White"),
        (K.DELETE_PARAGRAPH, "p4", "", "Test User"),
        (K.DELETE_PARAGRAPH, "p5", "", "Test User")]
    (authors,) = (w.message for w in result.warnings)  # its table is untouched: no warning
    # two people's changes, all read as the EU's: said, in case one is another delegation
    assert authors.startswith("the tracked changes are by 2 Word authors (Test User (3), "
                              "Eric White (2)), all read as EU's")


def test_fixture_deletion_inside_insertion():
    result = fixture("oxpt_RP047-Inserted-and-Deleted-Paragraph-Mark", table_lines=9,
                     delegation="EU")
    assert brief(result) == [(K.NEW_PARAGRAPH, "p3", "", "This is add")]
    cancelled = [w.message for w in result.warnings if "deleted again" in w.message]
    assert len(cancelled) == 2 and "'ed.'" in cancelled[0]


def test_fixture_comment_and_missing_dates():
    given = datetime(2026, 1, 5, tzinfo=UTC)
    result = fixture("pandoc_track_changes_scrubbed_metadata", delegation="EU",
                     submitted_at=given)
    assert [(a.kind, a.old_text, a.new_text, a.submitted_at) for a in result.amendments] == [
        (K.REPLACE, "dummy", "test", given)]
    (warning,) = result.warnings
    assert "'document'" in warning.message and "With a comment!" in warning.message


def test_fixture_formatting_change_is_a_warning_not_an_amendment():
    result = fixture("oxpt_FA019-RunPropertiesChange", delegation="EU")
    assert result.amendments == () and not result.tracked
    assert any("formatting" in w.message for w in result.warnings)


def test_a_new_paragraph_before_every_paragraph_goes_before_the_first(tmp_path):
    paragraphs = [para(None, ins("Acknowledging the work done,"), mark=ins()), *house(ZERO)]
    result = read(tmp_path, paragraphs)
    assert brief(result) == [(K.NEW_PARAGRAPH, ZERO.paragraphs[0].id, "",
                              "Acknowledging the work done,")]
    assert result.amendments[0].precedes


def test_changed_label_is_a_warning(tmp_path):
    paragraphs = house(ZERO)
    paragraphs[at(paragraphs, "OP2")] = Para([dele("OP2"), ins("OP9"), "\t",
                                              ZERO.by_label("OP2").text])
    result = read(tmp_path, paragraphs)
    assert result.amendments == ()
    assert [w.message[:26] for w in result.warnings] == ["the paragraph's label was "]


def test_the_clean_writers_file_reads_back_as_no_amendments(tmp_path):
    """The contract with the house-style writer: its file, untouched, proposes nothing."""
    clean = pytest.importorskip("drafting.writers.docx_clean")
    path = tmp_path / "zero.docx"
    clean.write_docx_revision(DOCUMENT, path)
    result = read_docx_submission(path, DOCUMENT, delegation="EU")
    assert (result.amendments, result.warnings, result.tracked) == ((), (), False)


@pytest.mark.parametrize(("text", "point", "expected"), [
    ("Recalling its resolution 70/1, and", 30, "70/1,"),
    ("Recalling its resolution 70/1, and", 31, "70/1, "),
    ("a report on fishers;", 20, "fishers;"),
    ("a report on fishers;", 19, "fishers"),
    ("[Decides] to act", 0, "[Decides]"),
    ("Decides to act", 0, "Decides"),
])
def test_anchor_is_the_previous_word_or_the_first_one(text, point, expected):
    from drafting.readers.docx_changes import anchor

    span = anchor(text, point)
    assert text[span.start:span.end] == expected
    assert point in (span.start, span.end)
