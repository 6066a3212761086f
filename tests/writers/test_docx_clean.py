"""The clean Word revision: house style checked in the XML, and an atomic write."""

import docx
import pytest
from docx.oxml.ns import qn
from docx.shared import Pt

from drafting.errors import DraftingError, InputError
from drafting.model import Document, Paragraph, ParagraphKind, Revision
from drafting.opening_words import opening_words_end
from drafting.writers import docx_clean
from drafting.writers.docx_clean import write_docx_revision

PP, OP, H, T = (ParagraphKind.PREAMBULAR, ParagraphKind.OPERATIVE, ParagraphKind.HEADING,
                ParagraphKind.OTHER)
ZERO = Revision("Zero draft", (
    Paragraph("p1", "H1", H, "The General Assembly,", level=2),
    Paragraph("p2", "PP1", PP, "Noting with concern the adverse impacts,"),
    Paragraph("p3", "PP2", PP, "Bearing in mind the Code,"),
    Paragraph("p4", "OP1", OP, "Calls upon States:\n(a) To act;\n(b) To report;"),
    Paragraph("p5", "OP1 bis", OP, "Decides [to act\tnow];"),
    Paragraph("p6", "T1", T, "Annex"),
))
REV1 = Revision("Rev.1", (Paragraph("p4", "OP1", OP, "Decides to act;"),))
DRAFT = Document("A/C.2/81/L.7", "Oceans and the law of the sea", (ZERO, REV1))


def written(tmp_path, document=DRAFT, **kwargs):
    path = tmp_path / "out.docx"
    write_docx_revision(document, path, **kwargs)
    return docx.Document(str(path))


def body_paragraphs(word):
    return {p.text.split("\t")[0]: p for p in word.paragraphs}


def runs(paragraph):
    """(text, bold, italic) of each run, tabs and breaks shown as \\t and \\n."""
    out = []
    for run in paragraph._p.iter(qn("w:r")):
        properties = run.find(qn("w:rPr"))
        flags = {child.tag for child in properties} if properties is not None else set()
        out.append((run_text(run), qn("w:b") in flags, qn("w:i") in flags))
    return out


def run_text(run):
    symbols = {qn("w:t"): None, qn("w:tab"): "\t", qn("w:br"): "\n"}
    return "".join(
        (child.text or "") if symbols[child.tag] is None else symbols[child.tag]
        for child in run if child.tag in symbols
    )


def test_title_subtitle_and_headings(tmp_path):
    word = written(tmp_path, revision="Zero draft")
    first = word.paragraphs[:3]
    assert [(p.style.name, p.text) for p in first] == [
        ("Title", "Oceans and the law of the sea"),
        ("Subtitle", "A/C.2/81/L.7 — Zero draft"),
        ("Heading 2", "The General Assembly,"),
    ]


def test_preambular_opening_words_are_italic(tmp_path):
    paragraphs = body_paragraphs(written(tmp_path, revision="Zero draft"))
    assert runs(paragraphs["PP1"]) == [
        ("PP1", True, False), ("\t", False, False), ("Noting with concern", False, True),
        (" the adverse impacts,", False, False),
    ]
    assert runs(paragraphs["PP2"])[2] == ("Bearing in mind", False, True)


def test_labels_are_bold_and_followed_by_a_tab(tmp_path):
    paragraphs = body_paragraphs(written(tmp_path, revision="Zero draft"))
    assert runs(paragraphs["OP1 bis"]) == [  # the operative verb in italics too
        ("OP1 bis", True, False), ("\t", False, False), ("Decides", False, True),
        (" [to act\tnow];", False, False),
    ]
    assert runs(paragraphs["T1"])[0] == ("T1", True, False)


def test_sub_paragraphs_are_line_breaks_in_one_paragraph(tmp_path):
    op1 = body_paragraphs(written(tmp_path, revision="Zero draft"))["OP1"]
    assert len(op1._p.findall(f".//{qn('w:br')}")) == 2
    assert "".join(run[0] for run in runs(op1)[2:]) == \
        "Calls upon States:\n(a) To act;\n(b) To report;"


def test_current_revision_by_default(tmp_path):
    word = written(tmp_path)
    assert [p.text for p in word.paragraphs] == [
        "Oceans and the law of the sea", "A/C.2/81/L.7 — Rev.1", "OP1\tDecides to act;",
    ]


def test_a4_and_times_new_roman_12(tmp_path):
    word = written(tmp_path)
    section = word.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    normal = word.styles["Normal"]
    assert (normal.font.name, normal.font.size) == ("Times New Roman", Pt(12))
    title_fonts = word.styles["Title"].element.rPr.rFonts
    assert title_fonts.get(qn("w:asciiTheme")) is None  # a theme font would win over ours
    assert title_fonts.get(qn("w:ascii")) == "Times New Roman"


@pytest.mark.parametrize(
    ("text", "italic"),
    [
        ("Recalling its resolution", "Recalling"),
        ("Recalling also the Convention", "Recalling also"),
        ("Deeply concerned that", "Deeply concerned"),
        ("Expressing deep appreciation for", "Expressing deep appreciation"),
        ("Taking note with satisfaction of", "Taking note with satisfaction"),
        ("Welcoming, with appreciation,", "Welcoming, with appreciation,"),
        ("", ""),
    ],
)
def test_opening_words(text, italic):
    assert text[: opening_words_end(text)] == italic


def test_unknown_revision_is_refused(tmp_path):
    with pytest.raises(InputError, match=r"has no revision 'Rev\.7'; it has: Zero draft, Rev\.1"):
        write_docx_revision(DRAFT, tmp_path / "out.docx", revision="Rev.7")
    assert not (tmp_path / "out.docx").exists()
    with pytest.raises(InputError, match="no revision yet"):
        write_docx_revision(Document("X"), tmp_path / "out.docx")


def test_missing_folder_gives_an_error_and_no_file(tmp_path):
    target = tmp_path / "missing" / "out.docx"
    with pytest.raises(DraftingError, match=r"there is no folder .*missing: create it first"):
        write_docx_revision(DRAFT, target)
    assert not target.parent.exists()
    assert list(tmp_path.iterdir()) == []


def test_failed_save_keeps_the_old_file_and_leaves_no_temporary(tmp_path, monkeypatch):
    target = tmp_path / "out.docx"
    target.write_bytes(b"the previous revision")

    def broken_save(self, stream):
        stream.write(b"half a fi")
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(docx_clean.docx.document.Document, "save", broken_save)
    with pytest.raises(DraftingError, match="No space left on device"):
        write_docx_revision(DRAFT, target)
    assert target.read_bytes() == b"the previous revision"
    assert list(tmp_path.iterdir()) == [target]


def test_interrupted_save_leaves_no_temporary(tmp_path, monkeypatch):
    def interrupted(self, path):
        raise KeyboardInterrupt

    monkeypatch.setattr(docx_clean.docx.document.Document, "save", interrupted)
    with pytest.raises(KeyboardInterrupt):
        write_docx_revision(DRAFT, tmp_path / "out.docx")
    assert list(tmp_path.iterdir()) == []


FRONT = ("United Nations", "A/C.2/81/L.7", "Distr.: Limited", "",
         "Eighty-first session\tAgenda item 18 (a)", "Fiji and Samoa: draft resolution")
FRONTED = Document(DRAFT.symbol, DRAFT.title, (
    Revision("Zero draft", ZERO.paragraphs[1:3], front_matter=FRONT,
             chapeau="The General Assembly,"),
    Revision("Rev.1", REV1.paragraphs, front_matter=("Rev.1 line",)),
))


def test_front_matter_opens_the_document_and_the_chapeau_leads_into_the_paragraphs(tmp_path):
    word = written(tmp_path, FRONTED, revision="Zero draft")
    shown = [(p.style.name, p.text) for p in word.paragraphs]
    assert shown == [
        *(("Normal", line) for line in FRONT),
        ("Title", "Oceans and the law of the sea"),
        ("Subtitle", "A/C.2/81/L.7 — Zero draft"),
        ("Normal", "The General Assembly,"),
        ("Draft Paragraph", "PP1\tNoting with concern the adverse impacts,"),
        ("Draft Paragraph", "PP2\tBearing in mind the Code,"),
    ]
    plain = [*word.paragraphs[:len(FRONT)], word.paragraphs[len(FRONT) + 2]]
    assert all(not bold and not italic for p in plain for _, bold, italic in runs(p))
    assert runs(word.paragraphs[FRONT.index("")]) == []  # the blank line: an empty paragraph


def test_each_revision_writes_its_own_front_matter_and_none_writes_none(tmp_path):
    word = written(tmp_path, FRONTED, revision="Rev.1")
    assert [(p.style.name, p.text) for p in word.paragraphs[:3]] == [
        ("Normal", "Rev.1 line"), ("Title", DRAFT.title), ("Subtitle", "A/C.2/81/L.7 — Rev.1")]
    assert word.paragraphs[3].text == "OP1\tDecides to act;"  # no chapeau, no empty line
    assert written(tmp_path, revision="Rev.1").paragraphs[0].style.name == "Title"
