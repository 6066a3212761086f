"""Reading Word paragraphs as pieces with their revision state (drafting.ooxml.runs)."""

from __future__ import annotations

from collections import Counter
from datetime import UTC, datetime
from pathlib import Path

import docx
import pytest
from docx.oxml import parse_xml

from drafting.errors import ReaderError
from drafting.ooxml import runs
from drafting.ooxml.comments import read_comments
from drafting.ooxml.package import open_docx
from drafting.ooxml.runs import DELETED, INSERTED, NORMAL, RunPiece

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
FIXTURES = Path(__file__).resolve().parents[2] / ".." / "shared" / "fixtures" / "docx"


def _saved(tmp_path: Path, *paragraphs: str, comments: list[tuple[str, str]] = ()):
    """A real .docx whose body holds ``paragraphs`` (w:p XML, namespace added), saved and
    opened again with open_docx; ``comments`` (author, text) are added first."""
    word = docx.Document()
    for author, text in comments:
        word.comments.add_comment(text=text, author=author)
    body = word.element.body
    for xml in paragraphs:
        body.insert(len(body) - 1, parse_xml(xml.replace("<w:p", f'<w:p xmlns:w="{W}"', 1)))
    path = tmp_path / "test.docx"
    word.save(str(path))
    return open_docx(path)


def _read(tmp_path: Path, *paragraphs: str) -> list[runs.ParagraphRead]:
    word = _saved(tmp_path, *paragraphs)
    return runs.read_paragraphs(b for b in runs.body_blocks(word.element.body)
                                if not runs.is_table(b))


def test_text_comes_from_t_deltext_tab_break_and_hyphen(tmp_path):
    (read,) = _read(tmp_path, "<w:p><w:r><w:t>A</w:t><w:tab/><w:t>b</w:t><w:br/>"
                              "<w:t>c</w:t><w:noBreakHyphen/><w:t>d</w:t><w:cr/></w:r></w:p>")
    assert read.original == read.proposed == "A\tb\nc-d\n"
    assert [p.state for p in read.pieces] == [NORMAL]


def test_field_code_is_not_text_but_its_result_is(tmp_path):
    (read,) = _read(tmp_path, (
        '<w:p><w:r><w:t xml:space="preserve">See </w:t></w:r>'
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        '<w:r><w:instrText xml:space="preserve"> REF _Ref1 \\h </w:instrText></w:r>'
        '<w:r><w:t>ignored code text</w:t></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        '<w:r><w:t>paragraph 3</w:t></w:r>'
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
        '<w:fldSimple w:instr=" PAGE "><w:r><w:t>, page 7</w:t></w:r></w:fldSimple></w:p>'))
    assert read.original == "See paragraph 3, page 7"


def test_runs_inside_hyperlinks_smart_tags_and_content_controls_are_read(tmp_path):
    (read,) = _read(tmp_path, (
        '<w:p><w:hyperlink w:anchor="x"><w:r><w:t xml:space="preserve">Agenda </w:t></w:r>'
        '</w:hyperlink><w:smartTag w:uri="u" w:element="place"><w:r><w:t>2030</w:t></w:r>'
        '</w:smartTag><w:sdt><w:sdtPr/><w:sdtContent><w:r><w:t xml:space="preserve"> for'
        '</w:t></w:r></w:sdtContent></w:sdt><w:customXml w:element="c"><w:r><w:t> all'
        '</w:t></w:r></w:customXml></w:p>'))
    assert read.original == "Agenda 2030 for all"


def test_insertion_and_deletion_carry_author_date_and_id(tmp_path):
    (read,) = _read(tmp_path, (
        '<w:p><w:r><w:t xml:space="preserve">to </w:t></w:r>'
        '<w:del w:id="7" w:author="EU" w:date="2026-11-02T10:00:00Z"><w:r>'
        '<w:delText>submit</w:delText></w:r></w:del>'
        '<w:ins w:id="8" w:author="USA" w:date="2026-11-03T09:30:00"><w:r><w:t>present</w:t>'
        '</w:r></w:ins><w:r><w:t xml:space="preserve"> a report</w:t></w:r></w:p>'))
    assert read.original == "to submit a report"
    assert read.proposed == "to present a report"
    deleted, inserted = read.pieces[1], read.pieces[2]
    assert (deleted.state, deleted.author, deleted.change_id, deleted.kind) == (
        DELETED, "EU", "7", runs.CHANGE)
    assert deleted.date == datetime(2026, 11, 2, 10, 0, tzinfo=UTC)
    assert (inserted.state, inserted.author) == (INSERTED, "USA")
    assert inserted.date == datetime(2026, 11, 3, 9, 30, tzinfo=UTC)  # no zone: read as UTC


def test_moves_count_as_inserted_and_deleted_of_kind_move(tmp_path):
    (read,) = _read(tmp_path, (
        '<w:p><w:moveFrom w:id="1" w:author="A" w:date="2026-01-01T00:00:00Z"><w:r>'
        '<w:t>old place</w:t></w:r></w:moveFrom><w:moveTo w:id="2" w:author="A" '
        'w:date="2026-01-01T00:00:00Z"><w:r><w:t>new place</w:t></w:r></w:moveTo></w:p>'))
    assert [(p.text, p.state, p.kind) for p in read.pieces] == [
        ("old place", DELETED, runs.MOVE), ("new place", INSERTED, runs.MOVE)]


def test_deletion_inside_insertion_is_in_neither_text(tmp_path):
    (read,) = _read(tmp_path, (
        '<w:p><w:ins w:id="3" w:author="Test User" w:date="2017-04-02T10:09:00Z"><w:r>'
        '<w:t>This is add</w:t></w:r><w:del w:id="4" w:author="Eric White" '
        'w:date="2017-04-02T10:11:00Z"><w:r><w:delText>ed.</w:delText></w:r></w:del>'
        '</w:ins></w:p>'))
    assert read.original == ""
    assert read.proposed == "This is add"
    cancelled = read.pieces[1]
    assert cancelled.cancelled and not cancelled.in_original and not cancelled.in_proposed
    assert cancelled.author == "Eric White"
    assert cancelled.inside is not None and cancelled.inside.author == "Test User"


def test_changes_without_author_or_date(tmp_path):
    (read,) = _read(tmp_path, '<w:p><w:ins w:id="1"><w:r><w:t>new</w:t></w:r></w:ins></w:p>')
    assert read.pieces == (RunPiece("new", INSERTED, None, None, "1", (), runs.CHANGE),)


def test_paragraph_mark_state(tmp_path):
    marks = _read(tmp_path,
                  '<w:p><w:r><w:t>a</w:t></w:r></w:p>',
                  '<w:p><w:pPr><w:rPr><w:ins w:id="1" w:author="A" '
                  'w:date="2026-01-01T00:00:00Z"/></w:rPr></w:pPr></w:p>',
                  '<w:p><w:pPr><w:rPr><w:del w:id="2" w:author="B"/></w:rPr></w:pPr></w:p>',
                  '<w:p><w:pPr><w:rPr><w:ins w:id="3" w:author="A"/><w:del w:id="4" '
                  'w:author="B"/></w:rPr></w:pPr></w:p>')
    states = [(m.mark.state, m.mark.author, m.mark.cancelled) for m in marks]
    assert states == [(NORMAL, None, False), (INSERTED, "A", False), (DELETED, "B", False),
                      (DELETED, "B", True)]
    assert marks[1].mark.date == datetime(2026, 1, 1, tzinfo=UTC)


def test_comment_ranges_mark_the_pieces_they_cover_across_paragraphs(tmp_path):
    reads = _read(tmp_path,
                  '<w:p><w:r><w:t xml:space="preserve">I want </w:t></w:r>'
                  '<w:commentRangeStart w:id="1"/><w:r><w:t>some text</w:t></w:r></w:p>',
                  '<w:p><w:r><w:t>and more</w:t></w:r><w:commentRangeEnd w:id="1"/>'
                  '<w:r><w:commentReference w:id="1"/></w:r><w:r><w:t>.</w:t></w:r></w:p>')
    assert [(p.text, p.comment_ids) for p in reads[0].pieces] == [
        ("I want ", ()), ("some text", ("1",))]
    assert [(p.text, p.comment_ids) for p in reads[1].pieces] == [
        ("and more", ("1",)), (".", ())]


def test_a_comment_with_only_a_reference_marks_the_piece_before_it(tmp_path):
    (read,) = _read(tmp_path, '<w:p><w:r><w:t>Noted</w:t></w:r><w:r><w:commentReference '
                              'w:id="5"/></w:r><w:r><w:t>, then</w:t></w:r></w:p>')
    assert [(p.text, p.comment_ids) for p in read.pieces] == [("Noted", ("5",)),
                                                              (", then", ())]


def test_read_comments_gives_author_date_and_text(tmp_path):
    word = _saved(tmp_path, "<w:p/>", comments=[("Ann", "First"), ("Bob", "Second")])
    comments = read_comments(word)
    assert [(c.id, c.author, c.text) for c in comments.values()] == [
        ("0", "Ann", "First"), ("1", "Bob", "Second")]
    assert all(c.date is None or c.date.tzinfo is not None for c in comments.values())


def test_read_comments_without_a_comments_part_creates_none(tmp_path):
    word = _saved(tmp_path, "<w:p/>")
    assert read_comments(word) == {}
    rels = [r.reltype for r in word.part.rels.values()]
    assert not any(r.endswith("/comments") for r in rels)


def test_parse_date():
    assert runs.parse_date(None) is None
    assert runs.parse_date("") is None
    assert runs.parse_date("2026-11-02T11:00:00+01:00") == datetime(2026, 11, 2, 10,
                                                                    tzinfo=UTC)
    with pytest.raises(ReaderError, match="'yesterday' is not a date"):
        runs.parse_date("yesterday")


# The fixtures from other projects, against the texts LibreOffice gives


SMALL = ["pandoc_track_changes_insertion", "pandoc_track_changes_deletion",
         "pandoc_track_changes_move", "pandoc_track_changes_scrubbed_metadata",
         "pandoc_paragraph_insertion_deletion", "pandoc_comments",
         "oxpt_RP015-MoveFrom-MoveTo", "oxpt_RP042-Deleted-Para-Mark-at-End",
         "oxpt_RP043-MERGEFORMAT-Field-Code", "oxpt_RP046-Consecutive-Deleted-Ranges",
         "oxpt_RP047-Inserted-and-Deleted-Paragraph-Mark",
         "oxpt_RP048-Deleted-Inserted-Para-Mark", "oxpt_FA019-RunPropertiesChange",
         "docx2python_comments"]


def _fixture_texts(name: str) -> tuple[str, str]:
    """The whole file's text with every change rejected and accepted, paragraphs joined
    where their marks say (table cells included, in order)."""
    if not FIXTURES.is_dir():
        pytest.skip("../shared/fixtures not present")
    word = open_docx(FIXTURES / f"{name}.docx")
    paragraphs = []
    for block in runs.body_blocks(word.element.body):
        paragraphs.extend(runs.table_paragraphs(block) if runs.is_table(block) else [block])
    reads = runs.read_paragraphs(paragraphs)
    original = "".join(r.original + ("\n" if r.mark.in_original else "") for r in reads)
    proposed = "".join(r.proposed + ("\n" if r.mark.in_proposed else "") for r in reads)
    return original, proposed


def _expected(name: str, mode: str) -> str:
    return (FIXTURES / "expected" / f"{name}.{mode}.lo74.txt").read_text(encoding="utf-8-sig")


@pytest.mark.parametrize("name", SMALL)
def test_fixture_texts_match_libreoffice_word_for_word(name):
    original, proposed = _fixture_texts(name)
    assert original.split() == _expected(name, "reject").split()
    assert proposed.split() == _expected(name, "accept").split()


def test_fixture_rp001_has_the_same_words_as_libreoffice():
    """A long real document: LibreOffice places one sentence elsewhere and shows the
    automatic list number '6)', which is numbering, not text."""
    original, proposed = _fixture_texts("oxpt_RP001-Tracked-Revisions-01")
    for text, mode in ((original, "reject"), (proposed, "accept")):
        expected = Counter(_expected("oxpt_RP001-Tracked-Revisions-01", mode).split())
        expected.subtract({"6)": 1})
        assert Counter(text.split()) == +expected


def test_fixture_details_move_cancel_and_comment():
    """Spot checks of what the joined texts cannot show: states, authors, comments."""
    if not FIXTURES.is_dir():
        pytest.skip("../shared/fixtures not present")
    rp047 = open_docx(FIXTURES / "oxpt_RP047-Inserted-and-Deleted-Paragraph-Mark.docx")
    reads = runs.read_paragraphs(rp047.element.body.iter(f"{{{W}}}p"))
    cancelled = [p for r in reads for p in r.pieces if p.cancelled]
    assert [(p.text, p.author, p.inside.author) for p in cancelled] == [
        ("ed.", "Eric White", "Test User"), ("This is also added", "Eric White", "Test User")]
    scrubbed = open_docx(FIXTURES / "pandoc_track_changes_scrubbed_metadata.docx")
    (read,) = runs.read_paragraphs(scrubbed.element.body.iter(f"{{{W}}}p"))
    assert [(p.text, p.state, p.date) for p in read.pieces if p.state != NORMAL] == [
        ("dummy", DELETED, None), ("test", INSERTED, None)]
    commented = [p.text for p in read.pieces if p.comment_ids]
    comments = read_comments(scrubbed)
    assert commented == ["document"]
    assert [c.text for c in comments.values()] == ["With a comment!"]
    formatted = open_docx(FIXTURES / "oxpt_FA019-RunPropertiesChange.docx").element.body
    assert runs.has_format_changes(formatted) and not runs.has_revisions(formatted)
    assert runs.has_revisions(rp047.element.body)


def test_comment_range_closed_between_paragraphs_ends_there(tmp_path):
    word = _saved(tmp_path, '<w:p><w:commentRangeStart w:id="2"/><w:r><w:t>on</w:t></w:r></w:p>',
                  '<w:p><w:r><w:t>off</w:t></w:r></w:p>')
    body = word.element.body
    end = parse_xml(f'<w:commentRangeEnd xmlns:w="{W}" w:id="2"/>')
    body[0].addnext(end)
    reads = runs.read_paragraphs(b for b in runs.body_blocks(body) if not runs.is_table(b))
    assert [p.comment_ids for r in reads for p in r.pieces] == [("2",), ()]
