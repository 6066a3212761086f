"""Copies as LibreOffice and Word really write them, read as the same proposals.

* A new paragraph typed after a paragraph with sub-paragraph lines: Word tracks the mark
  before it as inserted, LibreOffice that one and the new paragraph's own mark too.
* A paragraph's number retyped with the word after it ("4. Invites" -> "5. Invites").
* An edited copy that types an ordinary space for the draft's no-break one (French
  "terme\u00a0;") next to a real change.
* A tracked change in a text box, and tracked formatting changes alone: no amendments,
  and said so.
"""

from __future__ import annotations

from itertools import count

import docx
import pytest
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from lxml import etree

from drafting.errors import ReaderError
from drafting.model import AmendmentKind, Span
from drafting.readers import read_draft
from drafting.readers.docx_submission import read_docx_submission

AUTHOR, DATE = "Anna Schmidt", "2026-12-06T05:21:05Z"
AUTHORS = {AUTHOR: "EU"}
HEAD = ["United Nations", "A/C.2/81/L.50", "Sustainable mountain development",
        "The General Assembly,", "Recalling its resolution 76/129,"]
OPS = ["Takes note of the report of the Secretary-General;",
       "Decides to convene a high-level event on mountains in 2027, and in this regard:",
       "Invites the Food and Agriculture Organization to continue its role;",
       "Requests the Secretary-General to submit a report;"]
LINES = ["(a)\tto hold the event at United Nations Headquarters;",
         "(b)\tto invite the participation of local communities;"]
NEW = "Calls upon Member States to strengthen mountain research;"


class Ins(str):
    """Text tracked as inserted."""


class Del(str):
    """Text tracked as deleted."""


_IDS = count(1)


def _stamped(tag: str):
    element = OxmlElement(tag)
    element.set(qn("w:id"), str(next(_IDS)))
    element.set(qn("w:author"), AUTHOR)
    element.set(qn("w:date"), DATE)
    return element


def _run(text: str, deleted: bool = False):
    run = OxmlElement("w:r")
    for k, piece in enumerate(text.split("\t")):
        if k:
            run.append(OxmlElement("w:tab"))
        if piece:
            t = OxmlElement("w:delText" if deleted else "w:t")
            t.text = piece
            t.set(qn("xml:space"), "preserve")
            run.append(t)
    return run


def _write(path, paragraphs):
    """A .docx of ``paragraphs``: each a str, or (parts, inserted mark) where parts are
    str, `Ins`, `Del` or lxml elements (a run of its own)."""
    word = docx.Document()
    for spec in paragraphs:
        parts, marked = (spec, False) if isinstance(spec, str) else spec
        p = word.add_paragraph()._p
        for part in [parts] if isinstance(parts, str) else parts:
            if isinstance(part, Ins | Del):
                wrapper = _stamped("w:ins" if isinstance(part, Ins) else "w:del")
                wrapper.append(_run(part, deleted=isinstance(part, Del)))
                p.append(wrapper)
            elif isinstance(part, str):
                p.append(_run(part))
            else:
                p.append(part)
        if marked:  # the paragraph mark tracked as inserted
            properties = OxmlElement("w:rPr")
            properties.append(_stamped("w:ins"))
            p.get_or_add_pPr().append(properties)
    word.save(str(path))
    return path


def _draft(tmp_path):
    body = [f"1.\t{OPS[0]}", f"2.\t{OPS[1]}", *LINES, f"3.\t{OPS[2]}", f"4.\t{OPS[3]}"]
    path = _write(tmp_path / "draft.docx", [*HEAD, *body])
    return read_draft(path).to_document("mountains")


def _labels(document, amendments):
    label = {p.id: p.label for p in document.current.paragraphs}
    return [(label[a.paragraph_id], a.kind, a.old_text, a.new_text) for a in amendments]


def _new_paragraph_copy(path, typed: str, libreoffice: bool, renumber: str):
    """The draft with ``typed`` + NEW inserted after OP2's line (b): the marks where
    ``libreoffice`` or Word puts them; ``renumber`` "" (numbers kept), "digits" (each later
    number's digit retyped) or "words" (each later "3.<tab>Invites" retyped whole, as
    LibreOffice's find and replace does)."""
    def later(number: int, text: str) -> list:
        if renumber == "digits":
            return [Ins(str(number + 1)), Del(str(number)), f".\t{text}"]
        if renumber == "words":
            word, rest = text.split(" ", 1)
            return [Ins(f"{number + 1}.\t{word}"), Del(f"{number}.\t{word}"), f" {rest}"]
        return [f"{number}.\t{text}"]

    body = [f"1.\t{OPS[0]}", f"2.\t{OPS[1]}", LINES[0], (LINES[1], True),
            ([Ins(typed + NEW)], libreoffice), (later(3, OPS[2]), False),
            (later(4, OPS[3]), False)]
    return _write(path, [*HEAD, *body])


@pytest.mark.parametrize("renumber", ["", "digits", "words"])
@pytest.mark.parametrize("typed", ["", "3.\t"], ids=["no number", "typed 3."])
@pytest.mark.parametrize("libreoffice", [True, False], ids=["LibreOffice", "Word"])
def test_a_new_paragraph_after_sub_lines_is_one_new_paragraph_wherever_its_mark_is(
        tmp_path, libreoffice, typed, renumber):
    document = _draft(tmp_path)
    copy = _new_paragraph_copy(tmp_path / "copy.docx", typed, libreoffice, renumber)
    read = read_docx_submission(copy, document, authors=AUTHORS)
    assert _labels(document, read.amendments) == [
        ("OP2", AmendmentKind.NEW_PARAGRAPH, "", NEW)]
    assert read.amendments[0].proponents == ("EU",)
    changed = [f"{copy}, paragraph {n} (OP{k}): the paragraph's label was changed; labels "
               "are set by the secretariat, so the change was not read"
               for n, k in ((11, 3), (12, 4))]
    assert [str(w) for w in read.warnings] == (changed if renumber else [])


def test_a_typed_number_deleted_with_track_changes_is_named(tmp_path):
    """"3.<tab>" struck from OP3, which stays: the label is the secretariat's, so the
    deletion is not read, and said; a paragraph deleted whole, its number with it, is not
    a label change."""
    draft = _write(tmp_path / "draft.docx", [*HEAD, *(f"{n}.\t{text}" for n, text in
                                                     enumerate(OPS, 1))])
    document = read_draft(draft).to_document("numbers")
    copy = _write(tmp_path / "copy.docx", [*HEAD, f"1.\t{OPS[0]}", (
        ["2.\t", Del(OPS[1])], False), ([Del("3.\t"), OPS[2]], False), (
        ["4.\tRequests the Secretary-General to submit a", Ins(" brief"), " report;"], False)])
    read = read_docx_submission(copy, document, authors=AUTHORS)
    assert [(a.kind, a.new_text) for a in read.amendments] == [
        (AmendmentKind.DELETE_PARAGRAPH, ""), (AmendmentKind.INSERT, " brief")]
    assert [str(w) for w in read.warnings] == [
        f"{copy}, paragraph 8 (OP3): the paragraph's label was changed; labels are set by "
        "the secretariat, so the change was not read"]


FR_OP = "Encourage les États à adopter une vision à long terme\u00a0;"
FR_EDITED = "Encourage les États à adopter une vision à long terme et globale ;"


def _french(tmp_path):
    path = _write(tmp_path / "fr.docx", [*HEAD, f"1.\t{OPS[0]}", f"2.\t{FR_OP}"])
    return read_draft(path).to_document("fr")


def test_an_ordinary_space_for_a_no_break_one_next_to_an_edit_keeps_the_drafts(tmp_path):
    document = _french(tmp_path)
    copy = _write(tmp_path / "copy.docx", [*HEAD, f"1.\t{OPS[0]}", f"2.\t{FR_EDITED}"])
    tracked = _write(tmp_path / "tracked.docx", [*HEAD, f"1.\t{OPS[0]}", (
        ["2.\tEncourage les États à adopter une vision à long terme", Ins(" et globale"),
         "\u00a0;"], False)])
    read = read_docx_submission(copy, document, delegation="EU")
    (amendment,) = read.amendments
    end = FR_OP.index("\u00a0")  # right after "terme": the no-break space stays
    assert (amendment.kind, amendment.old_text, amendment.new_text, amendment.span) == (
        AmendmentKind.INSERT, "terme", " et globale", Span(end, end))
    assert [str(w) for w in read.warnings] == [
        f"{copy}, paragraph 7 (OP2): the spaces in 'long terme ;' were changed (one for "
        "two, a no-break one for an ordinary one, a line break or a tab for a space, an "
        "invisible character in or out); spacing alone is no amendment, so it was not read"]
    (as_tracked,) = read_docx_submission(tracked, document, authors=AUTHORS).amendments
    fields = ("kind", "old_text", "new_text", "span", "anchor")
    assert [getattr(amendment, f) for f in fields] == [getattr(as_tracked, f) for f in fields]


_BOX = """<w:r xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"
 xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"
 xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
 xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"
 xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"
 xmlns:v="urn:schemas-microsoft-com:vml"><mc:AlternateContent><mc:Choice Requires="wps">
<w:drawing><wp:anchor distT="0" distB="0" distL="0" distR="0" simplePos="0"
 relativeHeight="1" behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1">
<wp:simplePos x="0" y="0"/><wp:positionH relativeFrom="column"><wp:posOffset>0</wp:posOffset>
</wp:positionH><wp:positionV relativeFrom="paragraph"><wp:posOffset>0</wp:posOffset>
</wp:positionV><wp:extent cx="2000000" cy="500000"/><wp:wrapSquare wrapText="bothSides"/>
<wp:docPr id="1" name="Text Box 1"/><a:graphic><a:graphicData
 uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp>
<wps:cNvSpPr txBox="1"/><wps:spPr/><wps:txbx><w:txbxContent>CONTENT</w:txbxContent></wps:txbx>
<wps:bodyPr/></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>
<mc:Fallback><w:pict><v:shape style="width:150pt;height:40pt"><v:textbox><w:txbxContent>
CONTENT</w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent>
</w:r>"""
_NOTE = "Facilitator's note: PP1 under discussion"
_PROPOSES = " - EU proposes to delete PP1"


def _box(tracked: bool):
    """A text box as Word writes one (its VML copy too), holding a note; ``tracked``: with
    an insertion tracked in it."""
    added = (f'<w:ins w:id="{next(_IDS)}" w:author="{AUTHOR}" w:date="{DATE}"><w:r>'
             f'<w:t xml:space="preserve">{_PROPOSES}</w:t></w:r></w:ins>' if tracked else "")
    content = f"<w:p><w:r><w:t>{_NOTE}</w:t></w:r>{added}</w:p>"
    return etree.fromstring(_BOX.replace("CONTENT", content))


def _boxed(tmp_path, name, op2, tracked=True):
    return _write(tmp_path / name, [*HEAD, ([f"1.\t{OPS[0]}", _box(tracked)], False),
                                    (op2, False)])


def test_a_change_in_a_text_box_is_said_not_read(tmp_path):
    draft = _boxed(tmp_path, "draft.docx", f"2.\t{OPS[3]}", tracked=False)
    document = read_draft(draft).to_document("box")
    copy = _boxed(tmp_path, "copy.docx",
                  ["2.\tRequests the Secretary-General to submit a", Ins(" brief"), " report;"])
    read = read_docx_submission(copy, document, authors=AUTHORS)
    assert _labels(document, read.amendments) == [
        ("OP2", AmendmentKind.INSERT, "a", " brief")]
    assert [str(w) for w in read.warnings] == [
        f"{copy}, paragraph 6 (OP1): a change in a text box ('{_NOTE}{_PROPOSES}') was not read: "
        "text boxes are not part of the text (the import leaves them out too); put "
        "proposals in the paragraphs"]


@pytest.mark.parametrize("who", [{"authors": AUTHORS}, {"delegation": "EU"}],
                         ids=["by author", "by delegation"])
def test_a_copy_whose_only_change_is_in_a_text_box_says_so(tmp_path, who):
    draft = _boxed(tmp_path, "draft.docx", f"2.\t{OPS[3]}", tracked=False)
    document = read_draft(draft).to_document("box")
    copy = _boxed(tmp_path, "copy.docx", f"2.\t{OPS[3]}")
    with pytest.raises(ReaderError) as raised:
        read_docx_submission(copy, document, **who)
    assert raised.value.message == (
        f"{copy}: the file's only tracked changes to text are in text boxes, which are not "
        "part of the text (the import leaves them out too), and its paragraphs are the "
        "draft's: nothing to submit; put proposals in the paragraphs")


def _text_box(text: str):
    """A text box as Word writes one (its VML copy too), holding ``text``."""
    box = _box(False)
    for t in box.iter(qn("w:t")):
        t.text = text
    return box


def _inserted_box(text: str):
    """`_text_box` inserted with Track Changes (the run holding it in a ``w:ins``), as a
    delegation adds a sticky note to its copy."""
    wrapper = _stamped("w:ins")
    wrapper.append(_text_box(text))
    return wrapper


def test_a_text_box_inserted_with_track_changes_is_named(tmp_path):
    draft = _write(tmp_path / "draft.docx", [*HEAD, f"1.\t{OPS[0]}", f"2.\t{OPS[3]}"])
    document = read_draft(draft).to_document("box")
    copy = _write(tmp_path / "copy.docx", [*HEAD, f"1.\t{OPS[0]}", (
        ["2.\tRequests the Secretary-General to submit a", Ins(" brief"), " report;",
         _inserted_box("EU could support 2030 as target")], False)])
    read = read_docx_submission(copy, document, authors=AUTHORS)
    assert _labels(document, read.amendments) == [("OP2", AmendmentKind.INSERT, "a", " brief")]
    assert [str(w) for w in read.warnings] == [
        f"{copy}, paragraph 7 (OP2): a text box inserted by {AUTHOR} ('EU could support 2030 "
        "as target') was not read: text boxes are not part of the text (the import leaves "
        "them out too); put proposals in the paragraphs"]


def test_the_drafts_text_box_deleted_with_track_changes_is_named(tmp_path):
    draft = _boxed(tmp_path, "draft.docx", f"2.\t{OPS[3]}", tracked=False)
    document = read_draft(draft).to_document("box")
    deleted = _stamped("w:del")
    deleted.append(_text_box(_NOTE))
    copy = _write(tmp_path / "copy.docx", [*HEAD, ([f"1.\t{OPS[0]}", deleted], False), (
        ["2.\tRequests the Secretary-General to submit a", Ins(" brief"), " report;"], False)])
    read = read_docx_submission(copy, document, authors=AUTHORS, boxes=lambda: [_NOTE])
    assert _labels(document, read.amendments) == [("OP2", AmendmentKind.INSERT, "a", " brief")]
    assert [w.message for w in read.warnings] == [
        f"a text box deleted by {AUTHOR} ('{_NOTE}') was not read: text boxes are not part "
        "of the text (the import leaves them out too); put proposals in the paragraphs"]


def test_a_copy_whose_only_change_is_a_text_box_inserted_says_so(tmp_path):
    draft = _write(tmp_path / "draft.docx", [*HEAD, f"1.\t{OPS[0]}"])
    document = read_draft(draft).to_document("box")
    copy = _write(tmp_path / "copy.docx", [*HEAD, ([f"1.\t{OPS[0]}", _inserted_box("A note")],
                                                   False)])
    with pytest.raises(ReaderError, match="only tracked changes to text are in text boxes"):
        read_docx_submission(copy, document, authors=AUTHORS)


def test_a_text_box_typed_into_an_edited_copy_is_named_unless_the_drafts(tmp_path):
    """An edited copy's text box: named unless its words are those of a text box of the
    draft's own Word source (``boxes``); without them known, named all the same."""
    draft = _boxed(tmp_path, "draft.docx", f"2.\t{OPS[3]}", tracked=False)
    document = read_draft(draft).to_document("box")
    copy = _write(tmp_path / "copy.docx", [*HEAD, ([f"1.\t{OPS[0]}", _box(False)], False), (
        ["2.\tRequests the Secretary-General to submit a brief report;",
         _text_box("BRA proposes: add 'and South-South'")], False)])
    read = read_docx_submission(copy, document, delegation="BRA", boxes=lambda: [_NOTE])
    assert _labels(document, read.amendments) == [("OP2", AmendmentKind.INSERT, "a", " brief")]
    assert [str(w) for w in read.warnings] == [
        f"{copy}, paragraph 7 (OP2): a text box holds words the draft's do not ('BRA "
        "proposes: add 'and South-South''), typed without Track Changes; they were not "
        "read: text boxes are not part of the text (the import leaves them out too); put "
        "proposals in the paragraphs"]
    unknown = read_docx_submission(copy, document, delegation="BRA")
    assert [w.where for w in unknown.warnings] == [f"{copy}, paragraph 6 (OP1)",
                                                   f"{copy}, paragraph 7 (OP2)"]


def test_an_edited_copy_whose_only_difference_is_a_text_box_names_it(tmp_path):
    draft = _write(tmp_path / "draft.docx", [*HEAD, f"1.\t{OPS[0]}"])
    document = read_draft(draft).to_document("box")
    copy = _write(tmp_path / "copy.docx", [*HEAD, ([f"1.\t{OPS[0]}", _box(False)], False)])
    read = read_docx_submission(copy, document, delegation="BRA", boxes=list)
    assert read.amendments == ()
    assert [w.where for w in read.warnings] == [f"{copy}, paragraph 6 (OP1)"]
    assert _NOTE in read.warnings[0].message


def _bold_tracked(text: str):
    """A run of ``text`` made bold with the change tracked (``w:rPrChange``)."""
    run = _run(text)
    properties = OxmlElement("w:rPr")
    properties.append(OxmlElement("w:b"))
    change = _stamped("w:rPrChange")
    change.append(OxmlElement("w:rPr"))
    properties.append(change)
    run.insert(0, properties)
    return run


@pytest.mark.parametrize("who", [{"authors": AUTHORS}, {"delegation": "EU"}],
                         ids=["by author", "by delegation"])
def test_a_copy_with_only_tracked_formatting_says_so_by_author_as_by_delegation(
        tmp_path, who):
    """Not refused as a copy without tracked changes that needs a delegation."""
    document = _draft(tmp_path)
    body = [f"1.\t{OPS[0]}", (["2.\t", _bold_tracked(OPS[1])], False), *LINES,
            f"3.\t{OPS[2]}", f"4.\t{OPS[3]}"]
    copy = _write(tmp_path / "copy.docx", [*HEAD, *body])
    read = read_docx_submission(copy, document, **who)
    assert read.amendments == ()
    assert [str(w) for w in read.warnings] == [
        f"{copy}: the file has tracked formatting changes (bold, italics, paragraph "
        "settings); formatting is not an amendment and was not read"]


def test_text_edited_untracked_beside_tracked_formatting_needs_a_delegation(tmp_path):
    document = _draft(tmp_path)
    body = [f"1.\t{OPS[0]}", (["2.\t", _bold_tracked(OPS[1])], False), *LINES,
            f"3.\t{OPS[2].replace('continue', 'pursue')}", f"4.\t{OPS[3]}"]
    copy = _write(tmp_path / "copy.docx", [*HEAD, *body])
    with pytest.raises(ReaderError, match=r"\(OP3\): a change has no Word author"):
        read_docx_submission(copy, document, authors=AUTHORS)
    (amendment,) = read_docx_submission(copy, document, delegation="EU").amendments
    assert (amendment.old_text, amendment.new_text) == ("continue", "pursue")


def _tabled(path, cell):
    """The file at ``path`` with a table after its paragraphs, its one cell ``cell``
    (parts as `_write` takes them)."""
    word = docx.Document(str(path))
    p = word.add_table(rows=1, cols=1).cell(0, 0).paragraphs[0]._p
    for part in cell:
        if isinstance(part, Ins | Del):
            wrapper = _stamped("w:ins" if isinstance(part, Ins) else "w:del")
            wrapper.append(_run(part, deleted=isinstance(part, Del)))
            p.append(wrapper)
        else:
            p.append(_run(part))
    word.save(str(path))
    return path


def test_a_change_in_a_table_names_its_author_and_words(tmp_path):
    """It was only "a table ... was not read": not whose change, nor what it was."""
    body = [*HEAD, f"1.\t{OPS[0]}", f"2.\t{OPS[3]}"]
    draft = _tabled(_write(tmp_path / "draft.docx", body), ["Deadline: June 2026"])
    document = read_draft(draft).to_document("table")
    copy = _tabled(_write(tmp_path / "copy.docx", body),
                   ["Deadline: ", Del("June"), Ins("September"), " 2026"])
    read = read_docx_submission(copy, document, authors=AUTHORS)
    assert read.amendments == ()
    assert [str(w) for w in read.warnings] == [
        f"{copy}: a table ('Deadline: September 2026') holds changes by Anna Schmidt "
        "('Deadline: June 2026' -> 'Deadline: September 2026'): a table is not part of the "
        "text, so they were not read; put proposals in the paragraphs"]


def test_a_table_in_an_edited_copy_says_a_change_in_it_is_no_proposal(tmp_path):
    """An edited copy (no Track Changes) cannot show what changed in a table: the warning
    said only that the table "is not part of the house style", not that a change made
    there is not read."""
    body = [*HEAD, f"1.\t{OPS[0]}", f"2.\t{OPS[3]}"]
    draft = _tabled(_write(tmp_path / "draft.docx", body), ["Deadline: June 2026"])
    document = read_draft(draft).to_document("table")
    copy = _tabled(_write(tmp_path / "copy.docx", [*HEAD, f"1.\t{OPS[0]} now",
                                                  f"2.\t{OPS[3]}"]),
                   ["Deadline: September 2026"])
    read = read_docx_submission(copy, document, delegation="EU")
    assert len(read.amendments) == 1
    assert [str(w) for w in read.warnings] == [
        f"{copy}: a table ('Deadline: September 2026') is not part of the text, so nothing "
        "in it was read: a change made in it (without Track Changes, none can be told) is "
        "no proposal; put proposals in the paragraphs"]
