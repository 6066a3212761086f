"""Tracked changes and comments written through python-docx's lxml tree."""

import sys
import zipfile
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import docx
import pytest
from lxml import etree

sys.path.insert(0, str(Path(__file__).parents[1] / "readers"))
from libreoffice import lo_track

from drafting.errors import DraftingError
from drafting.ooxml.revisions import (
    RevisionMarks,
    Stamp,
    element,
    iso_date,
    label_runs,
    make_run,
    run_text,
    save_atomically,
    text_element,
)
from drafting.opening_words import opening_words_end

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
NS = {"w": W[1:-1]}
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
WHEN = datetime(2026, 11, 2, 10, 0, tzinfo=UTC)
FIXTURES = Path(__file__).resolve().parents[2] / ".." / "shared" / "fixtures" / "docx"
LO_TRACK = Path("/work/shared/tools/lo_track.py")


def tags(element):
    return [child.tag.replace(W, "w:") for child in element]


# --- runs -------------------------------------------------------------------------------------


def test_a_run_holds_text_tabs_and_line_breaks():
    run = make_run("OP3\tCalls upon States:\n(a) To act; ")
    assert tags(run) == ["w:t", "w:tab", "w:t", "w:br", "w:t"]
    texts = run.findall(W + "t")
    assert [t.text for t in texts] == ["OP3", "Calls upon States:", "(a) To act; "]
    assert all(t.get(XML_SPACE) == "preserve" for t in texts)
    assert run_text(run) == "OP3\tCalls upon States:\n(a) To act; "


def test_run_properties_follow_the_schema_order():
    run = make_run("x", bold=True, italic=True, underline=True, strike=True)
    properties = run.find(W + "rPr")
    assert tags(properties) == ["w:b", "w:i", "w:strike", "w:u"]
    assert properties.find(W + "u").get(W + "val") == "single"
    assert make_run("x").find(W + "rPr") is None
    assert tags(make_run("")) == []


def test_new_elements_are_copies_of_a_form_no_one_else_holds():
    # element() copies a cached form: each copy is its own, in python-docx's class,
    # its attributes in the order given, and changing one changes no later one
    first = element("w:ins", {W + "id": "1", W + "author": "EU"})
    first.set(W + "id", "9")
    first.append(element("w:r"))
    second = element("w:ins", {W + "id": "2", W + "author": "G77"})
    assert list(second.attrib.items()) == [(W + "id", "2"), (W + "author", "G77")]
    assert len(second) == 0 and first.get(W + "id") == "9"
    assert type(element("w:r")).__name__ == "CT_R" and element("w:r") is not element("w:r")


def test_a_label_is_bold_then_a_tab():
    label, tab = label_runs("OP5 bis")
    assert label.find(f"{W}rPr/{W}b") is not None and run_text(label) == "OP5 bis"
    assert tags(tab) == ["w:tab"]


# --- revisions --------------------------------------------------------------------------------


def test_insertions_and_deletions_carry_id_author_and_date():
    marks = RevisionMarks(docx.Document())
    inserted = marks.inserted([make_run("present")], Stamp("EU, USA", WHEN))
    deleted = marks.deleted([make_run("submit\tnow\n")], Stamp("G77", WHEN))
    assert inserted.tag == W + "ins" and deleted.tag == W + "del"
    assert inserted.get(W + "author") == "EU, USA"
    assert inserted.get(W + "date") == deleted.get(W + "date") == "2026-11-02T10:00:00Z"
    assert inserted.get(W + "id") != deleted.get(W + "id")
    assert deleted.xpath(".//w:t", namespaces=NS) == []
    assert [t.text for t in deleted.iter(W + "delText")] == ["submit", "now"]
    assert deleted.find(f"{W}r/{W}delText").get(XML_SPACE) == "preserve"
    assert run_text(deleted) == "submit\tnow\n"
    undated = marks.inserted([make_run("x")], Stamp("EU"))
    assert W + "date" not in undated.attrib


def test_words_inserted_then_deleted_nest_as_word_writes_them():
    marks = RevisionMarks(docx.Document())
    nested = marks.inserted([marks.deleted([make_run("words")], Stamp("USA"))], Stamp("EU"))
    assert tags(nested) == ["w:del"] and tags(nested[0]) == ["w:r"]
    assert nested[0][0].findtext(W + "delText") == "words"


def test_iso_dates_are_utc_whole_seconds():
    eastern = timezone(timedelta(hours=-5))
    assert iso_date(datetime(2026, 11, 2, 5, 0, 30, 999, tzinfo=eastern)) == \
        "2026-11-02T10:00:30Z"
    assert iso_date(datetime(2026, 11, 2, 10, 0)) == "2026-11-02T10:00:00Z"  # naive = UTC


def test_paragraph_marks_inserted_and_deleted():
    document = docx.Document()
    marks = RevisionMarks(document)
    paragraph = document.add_paragraph("PP1", style="Heading 1")._p
    marks.mark_deleted(paragraph, Stamp("USA", WHEN))
    marks.mark_inserted(paragraph, Stamp("EU", WHEN))
    marks.mark_inserted(paragraph, Stamp("EU", WHEN))  # already marked: nothing more
    properties = paragraph.find(f"{W}pPr/{W}rPr")
    assert tags(properties) == ["w:ins", "w:del"]  # the schema's order
    assert tags(paragraph.find(W + "pPr")) == ["w:pStyle", "w:rPr"]
    assert properties.find(W + "del").get(W + "author") == "USA"


def test_ids_are_unique_and_continue_above_those_in_the_document(tmp_path):
    document = docx.Document()
    marks = RevisionMarks(document)
    paragraph = document.add_paragraph()._p
    for n in range(3):
        paragraph.append(marks.inserted([make_run(f"w{n}")], Stamp("EU", WHEN)))
    marks.comment(paragraph[1], paragraph[1], ["why"], Stamp("EU", WHEN))
    save_atomically(document, tmp_path / "first.docx")
    reopened = docx.Document(str(tmp_path / "first.docx"))
    again = RevisionMarks(reopened)
    assert again.next_id() == 5  # three insertions and a comment took 1 to 4


def test_ids_continue_above_those_of_a_word_document():
    source = FIXTURES / "oxpt_RP047-Inserted-and-Deleted-Paragraph-Mark.docx"
    if not source.exists():
        pytest.skip("../shared/fixtures not present")
    document = docx.Document(str(source))
    used = document.element.body.xpath("//w:ins/@w:id | //w:del/@w:id")
    assert RevisionMarks(document).next_id() > max(map(int, used))


# --- comments ---------------------------------------------------------------------------------


def commented(tmp_path):
    """A paragraph 'to submit present a report' with a replacement and a comment on it."""
    document = docx.Document()
    marks = RevisionMarks(document)
    paragraph = document.add_paragraph()._p
    paragraph.append(make_run("to "))
    deleted = marks.deleted([make_run("submit")], Stamp("EU", WHEN))
    inserted = marks.inserted([make_run("present")], Stamp("EU", WHEN))
    paragraph.extend([deleted, inserted, make_run(" a report")])
    comment_id = marks.comment(deleted, inserted, ["Agreed language.", "Supported by JPN."],
                               Stamp("EU", WHEN))
    path = tmp_path / "commented.docx"
    save_atomically(document, path)
    return path, comment_id


def read(path, name):
    with zipfile.ZipFile(path) as package:
        return etree.fromstring(package.read(name))


def test_a_comment_is_anchored_around_the_revisions(tmp_path):
    path, comment_id = commented(tmp_path)
    paragraph = read(path, "word/document.xml").find(f"{W}body/{W}p")
    assert tags(paragraph) == ["w:r", "w:commentRangeStart", "w:del", "w:ins",
                               "w:commentRangeEnd", "w:r", "w:r"]
    assert paragraph[1].get(W + "id") == paragraph[4].get(W + "id") == str(comment_id)
    reference = paragraph[5].find(W + "commentReference")
    assert reference.get(W + "id") == str(comment_id)
    ids = [paragraph[2].get(W + "id"), paragraph[3].get(W + "id"), str(comment_id)]
    assert len(set(ids)) == 3  # one id space for revisions and comments


def test_the_comment_part_holds_author_date_and_paragraphs(tmp_path):
    path, comment_id = commented(tmp_path)
    (comment,) = read(path, "word/comments.xml").iter(W + "comment")
    assert comment.get(W + "id") == str(comment_id)
    assert comment.get(W + "author") == "EU" and comment.get(W + "initials") == "EU"
    assert comment.get(W + "date") == "2026-11-02T10:00:00Z"
    paragraphs = ["".join(p.itertext()) for p in comment.iter(W + "p")]
    assert paragraphs == ["Agreed language.", "Supported by JPN."]
    assert docx.Document(str(path)).comments.get(comment_id).author == "EU"


def test_comments_made_one_after_another_keep_their_own_ids_and_words():
    # the fixed pieces of a comment are copied from forms built once: no copy may
    # carry another comment's id or words, nor change the forms
    document = docx.Document()
    marks = RevisionMarks(document)
    paragraph = document.add_paragraph()._p
    runs = [make_run(word) for word in ("one ", "two ", "three")]
    paragraph.extend(runs)
    made = [(marks.comment(run, run, [f"why {n}", ""], Stamp(f"D{n}", WHEN)), n)
            for n, run in enumerate(runs)]
    references = [r.get(W + "id") for r in paragraph.iter(W + "commentReference")]
    assert references == [str(comment_id) for comment_id, _ in made]
    comments = list(document.comments._comments_elm.iter(W + "comment"))
    for (comment_id, n), comment in zip(made, comments, strict=True):
        assert comment.get(W + "id") == str(comment_id)
        words = ["".join(t.text for t in p.iter(W + "t")) for p in comment.iter(W + "p")]
        assert words == [f"why {n}", ""]
        assert len(list(comment.iter(W + "annotationRef"))) == 1  # on the first paragraph


def test_comments_made_later_reach_the_comments_part_at_finish_in_the_order_made():
    # a merged draft makes thousands: their words are parsed in one go at `finish`,
    # anchored at once, and the part holds them as if each had been added when made
    document = docx.Document()
    marks = RevisionMarks(document)
    paragraph = document.add_paragraph()._p
    runs = [make_run(word) for word in ("one ", "two ", "three")]
    paragraph.extend(runs)
    now = marks.comment(runs[0], runs[0], ["at once"], Stamp("EU", WHEN))
    later = [marks.comment(run, run, [f"later {n}"], Stamp("G77", WHEN), later=True)
             for n, run in enumerate(runs[1:])]
    references = [r.get(W + "id") for r in paragraph.iter(W + "commentReference")]
    assert references == [str(now), *map(str, later)]  # anchored when made
    part = document.comments._comments_elm
    assert [c.get(W + "id") for c in part.iter(W + "comment")] == [str(now)]
    marks.finish()
    comments = list(part.iter(W + "comment"))
    assert [c.get(W + "id") for c in comments] == [str(now), *map(str, later)]
    words = ["".join(t.text for t in c.iter(W + "t")) for c in comments]
    assert words == ["at once", "later 0", "later 1"]
    assert [c.get(W + "author") for c in comments] == ["EU", "G77", "G77"]


# --- house style and saving -----------------------------------------------------------------


@pytest.mark.parametrize(("text", "opening"), [
    ("Recalling its resolution 70/1,", "Recalling"),
    ("Recalling also its resolution,", "Recalling also"),
    ("Noting with concern the impacts,", "Noting with concern"),
    ("Bearing in mind the Code,", "Bearing in mind"),
    ("Deeply concerned that fishing,", "Deeply concerned"),
    ("Noting with deep concern, further, that", "Noting with deep concern, further,"),
    ("  Welcoming", "  Welcoming"),
    ("Calls upon all States to act;", "Calls upon"),  # "Calls" alone was italic
    ("Taking into account the report,", "Taking into account"),
    ("", ""),
])
def test_preambular_opening_words(text, opening):
    assert text[:opening_words_end(text)] == opening


def test_saving_replaces_the_file_whole_and_leaves_nothing_behind(tmp_path):
    target = tmp_path / "out.docx"
    target.write_text("old")
    document = docx.Document()
    document.add_paragraph("new")
    save_atomically(document, target)
    assert docx.Document(str(target)).paragraphs[0].text == "new"
    assert [p.name for p in tmp_path.iterdir()] == ["out.docx"]
    with pytest.raises(DraftingError, match=r"nowhere.*cannot write"):
        save_atomically(document, tmp_path / "nowhere" / "out.docx")


# --- what LibreOffice makes of it ---------------------------------------------------------------


def test_libreoffice_reads_authors_dates_and_comment(tmp_path):
    path, _ = commented(tmp_path)
    listed = lo_track("list", path).stdout
    assert "type=Delete author='EU' date=2026-11-02T10:00:00" in listed
    assert "type=Insert author='EU' date=2026-11-02T10:00:00" in listed
    assert "text='present'" in listed and "comments total: 1" in listed
    for mode, expected in (("accept", "to present a report"), ("reject", "to submit a report")):
        shown = lo_track(mode, path).stdout
        assert shown.strip() == expected


def test_text_elements_keep_their_spaces_and_are_their_own():
    first, second = text_element("w:t", " a "), text_element("w:delText", "b")
    first.text = " changed "
    assert (first.get(XML_SPACE), second.get(XML_SPACE)) == ("preserve", "preserve")
    assert text_element("w:t", " a ").text == " a " and second.tag == W + "delText"


def test_changes_by_one_stamp_are_copies_each_with_its_own_id():
    marks = RevisionMarks(docx.Document())
    first = marks.inserted([make_run("a")], Stamp("EU", WHEN))
    second = marks.deleted([make_run("b")], Stamp("EU", WHEN))
    third = marks.inserted([], Stamp("EU", WHEN))
    assert len({first.get(W + "id"), second.get(W + "id"), third.get(W + "id")}) == 3
    assert list(third.attrib) == [W + "id", W + "author", W + "date"] and len(third) == 0
    assert marks.inserted([], Stamp("EU")).get(W + "date") is None
