"""Reading drafts from Word: labels, numbering, tracked changes, and what is left out."""

import io
import re
import struct
import zlib
from pathlib import Path

import docx
import pytest
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from un_documents import Ins, Note, ga_draft, libreoffice_docx

from drafting.errors import ReaderError
from drafting.model import ParagraphKind
from drafting.readers import read_draft
from drafting.readers.docx_draft import read_docx_draft
from drafting.writers.docx_clean import write_docx_revision

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "samples" / "zero-draft.md"
FIXTURES = ROOT / ".." / "shared" / "fixtures" / "docx"
STAMP = 'w:author="EU" w:date="2026-11-02T10:00:00Z"'


def xml_paragraph(document, inner: str, style: str | None = None):
    """Append a paragraph written as WordprocessingML (its children only)."""
    ppr = f'<w:pPr><w:pStyle w:val="{style}"/></w:pPr>' if style else ""
    element = parse_xml(f"<w:p {nsdecls('w', 'm')}>{ppr}{inner}</w:p>")
    document.element.body.find(
        "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}sectPr"
    ).addprevious(element)


def save(document, tmp_path, name="draft.docx") -> Path:
    path = tmp_path / name
    document.save(path)
    return path


def kinds_and_texts(result):
    return [(p.label, p.kind, p.text) for p in result.paragraphs]


def tiny_png() -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    pixels = zlib.compress(b"\x00\xff\xff\xff")
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels)
            + chunk(b"IEND", b""))


def test_round_trip_of_the_sample_draft(tmp_path):
    original = read_draft(SAMPLE)
    path = tmp_path / "zero-draft.docx"
    write_docx_revision(original.to_document("A/C.2/81/L.7"), path)
    back = read_docx_draft(path)
    assert back.title == original.title
    assert back.warnings == ()
    assert [(p.id, p.label, p.kind, p.text, p.level) for p in back.paragraphs] == [
        (p.id, p.label, p.kind, p.text, p.level) for p in original.paragraphs
    ]
    op9 = next(p for p in back.paragraphs if p.label == "OP9")
    assert op9.text.count("\n(") == 4 and op9.text.startswith("Calls upon States:\n(a) To")
    assert "[invites][encourages]" in next(p for p in back.paragraphs if p.label == "OP6").text


def test_typed_labels_headings_title_and_unlabelled_text(tmp_path):
    document = docx.Document()
    document.add_paragraph("Oceans", style="Title")
    document.add_paragraph("A/C.2/81/L.7 — Zero draft", style="Subtitle")
    document.add_paragraph("The General Assembly,", style="Heading 2")
    document.add_paragraph("PP1\tRecalling its resolution 70/1,")
    document.add_paragraph("Noting the report,")
    document.add_paragraph("   ")
    document.add_paragraph("1.\tDecides to act;")
    document.add_paragraph("1 bis. Invites States to contribute;")
    document.add_paragraph("OP2 Requests a report\twith annexes;")
    document.add_paragraph("Annex", style="Title")
    document.add_paragraph("Text without a label.")
    result = read_docx_draft(save(document, tmp_path))
    assert result.title == "Oceans"
    assert result.chapeau == "The General Assembly,"  # a chapeau, whatever its style
    assert result.front_matter == ()
    assert kinds_and_texts(result) == [
        ("PP1", ParagraphKind.PREAMBULAR, "Recalling its resolution 70/1,"),
        ("PP2", ParagraphKind.PREAMBULAR, "Noting the report,"),
        ("OP1", ParagraphKind.OPERATIVE, "Decides to act;"),
        ("OP1 bis", ParagraphKind.OPERATIVE, "Invites States to contribute;"),
        ("OP2", ParagraphKind.OPERATIVE, "Requests a report\twith annexes;"),
        ("H1", ParagraphKind.HEADING, "Annex"),
        ("T1", ParagraphKind.OTHER, "Text without a label."),
    ]
    assert [p.level for p in result.paragraphs][-2:] == [1, 0]
    assert [p.id for p in result.paragraphs] == [f"p{i}" for i in range(1, 8)]
    [warning] = result.warnings
    assert str(warning).startswith(f"{tmp_path / 'draft.docx'}, paragraph 11: ")
    assert "kept as other text T1" in warning.message


def test_automatic_numbering_imports_as_operative_paragraphs(tmp_path):
    document = docx.Document()
    document.add_paragraph("Recalling its resolution 70/1,")
    for text in ("Decides to act;", "Requests a report;", "Calls upon States:"):
        document.add_paragraph(text, style="List Number")
    _sub_levels(document, ("To act;", "To report;"))
    result = read_docx_draft(save(document, tmp_path))
    assert kinds_and_texts(result) == [
        ("PP1", ParagraphKind.PREAMBULAR, "Recalling its resolution 70/1,"),
        ("OP1", ParagraphKind.OPERATIVE, "Decides to act;"),
        ("OP2", ParagraphKind.OPERATIVE, "Requests a report;"),
        ("OP3", ParagraphKind.OPERATIVE, "Calls upon States:\n(a) To act;\n(b) To report;"),
    ]
    assert result.warnings == ()


def _sub_levels(document, texts):
    """Paragraphs at level 1 of a new two-level list: "(a)", "(b)"."""
    numbering = document.part.numbering_part.element
    abstract = parse_xml(
        f'<w:abstractNum {nsdecls("w")} w:abstractNumId="70">'
        '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/>'
        '<w:lvlText w:val="%1."/></w:lvl><w:lvl w:ilvl="1"><w:start w:val="1"/>'
        '<w:numFmt w:val="lowerLetter"/><w:lvlText w:val="(%2)"/></w:lvl></w:abstractNum>'
    )
    numbering.find(abstract.tag.replace("abstractNum", "num")).addprevious(abstract)
    numbering.append(parse_xml(
        f'<w:num {nsdecls("w")} w:numId="70"><w:abstractNumId w:val="70"/></w:num>'
    ))
    for text in texts:
        paragraph = document.add_paragraph(text)
        num_pr = paragraph._p.get_or_add_pPr().get_or_add_numPr()
        num_pr.get_or_add_ilvl().val = 1
        num_pr.get_or_add_numId().val = 70


def test_typed_sub_paragraphs_join_a_paragraph_ending_with_a_colon(tmp_path):
    document = docx.Document()
    document.add_paragraph("OP1 Calls upon States:")
    document.add_paragraph("(a) To act;")
    document.add_paragraph("(b) To report;")
    document.add_paragraph("OP2 Decides to act;")
    document.add_paragraph("(a) Not a sub-paragraph of a paragraph ending with ';'")
    result = read_docx_draft(save(document, tmp_path))
    assert [p.text for p in result.paragraphs][:2] == [
        "Calls upon States:\n(a) To act;\n(b) To report;", "Decides to act;",
    ]
    assert result.paragraphs[2].label == "T1"


def test_tracked_changes_are_read_as_accepted_with_one_warning(tmp_path):
    document = docx.Document()
    xml_paragraph(document, (
        '<w:r><w:t xml:space="preserve">OP1 Decides </w:t></w:r>'
        f'<w:ins w:id="1" {STAMP}><w:r><w:t xml:space="preserve">urgently </w:t></w:r></w:ins>'
        f'<w:del w:id="2" {STAMP}><w:r><w:delText xml:space="preserve">slowly </w:delText>'
        "</w:r></w:del><w:r><w:t>to act;</w:t></w:r>"
    ))
    xml_paragraph(document, (  # a whole paragraph deleted, its mark too
        f'<w:pPr><w:rPr><w:del w:id="3" {STAMP}/></w:rPr></w:pPr>'
        f'<w:del w:id="4" {STAMP}><w:r><w:delText>OP2 Requests a report;</w:delText></w:r>'
        "</w:del>"
    ))
    xml_paragraph(document, "<w:r><w:t>OP2 Invites States;</w:t></w:r>")
    result = read_docx_draft(save(document, tmp_path))
    assert kinds_and_texts(result) == [
        ("OP1", ParagraphKind.OPERATIVE, "Decides urgently to act;"),
        ("OP2", ParagraphKind.OPERATIVE, "Invites States;"),
    ]
    [warning] = result.warnings
    assert warning.message == (
        "has 4 tracked changes; imported as if all were accepted - accept or reject them "
        "in Word first to be sure"
    )


def test_special_characters_in_runs(tmp_path):
    document = docx.Document()
    xml_paragraph(document, (
        "<w:r><w:t>OP1</w:t><w:tab/><w:t>Decides on</w:t><w:tab/><w:t>co</w:t>"
        "<w:noBreakHyphen/><w:t>operation:</w:t><w:br/><w:t>(a) first;</w:t>"
        '<w:sym w:font="Wingdings" w:char="F0E0"/></w:r>'
        '<w:r><w:rPr><w:vanish/></w:rPr><w:t>secret</w:t></w:r>'
    ))
    result = read_docx_draft(save(document, tmp_path))
    assert kinds_and_texts(result) == [
        ("OP1", ParagraphKind.OPERATIVE, "Decides on\tco-operation:\n(a) first;"),
    ]
    assert [w.message for w in result.warnings] == [
        "hidden text in OP1 not imported", "symbol in OP1 not imported",
    ]


def test_tables_images_and_other_content_give_warnings(tmp_path):
    document = docx.Document()
    document.add_paragraph("OP4 Decides to act;")
    table = document.add_table(rows=3, cols=2)
    table.cell(0, 0).text = "cell"
    picture = tmp_path / "dot.png"
    picture.write_bytes(tiny_png())
    document.add_paragraph("OP5 Requests a map:").add_run().add_picture(str(picture))
    document.add_picture(io.BytesIO(tiny_png()))  # a paragraph holding only an image
    xml_paragraph(document, (
        '<w:r><w:t xml:space="preserve">OP6 Notes </w:t></w:r>'
        '<w:r><w:footnoteReference w:id="1"/></w:r><m:oMath><m:r><m:t>x</m:t></m:r></m:oMath>'
    ))
    result = read_docx_draft(save(document, tmp_path))
    assert [p.text for p in result.paragraphs] == [
        "Decides to act;", "Requests a map:", "Notes",
    ]
    assert [w.message for w in result.warnings] == [
        "table after OP4 (3 rows) not imported; copy its text into paragraphs if it belongs "
        "to the draft",
        "image in OP5 not imported",
        "image after OP5 not imported",
        "equation in OP6 not imported",
        "footnote in OP6 not imported",
    ]


def test_unbalanced_brackets_are_read_as_written_with_every_fault_named(tmp_path):
    document = docx.Document()
    document.add_paragraph("OP1 Decides to act;")
    document.add_paragraph("OP2 Requests [a report;")
    document.add_paragraph("OP3 Urges [States] to act on development]],]")
    result = read_docx_draft(save(document, tmp_path))
    assert [p.text for p in result.paragraphs][1:] == [
        "Requests [a report;", "Urges [States] to act on development]],]"]
    messages = [str(w) for w in result.warnings]
    assert len(messages) == 3  # the '[' of OP2 closed by OP3's first stray ']', then two
    assert messages[0].startswith(f"{tmp_path / 'draft.docx'}, paragraph 3 (OP3, character 36)")
    assert "closes the '[' opened in OP2 at character 9" in messages[0]
    assert all("unbalanced bracket" in m for m in messages[1:])
    assert "(OP3, character 37)" in messages[1] and "(OP3, character 39)" in messages[2]


def test_a_label_used_twice_is_refused(tmp_path):
    document = docx.Document()
    document.add_paragraph("OP1 Decides to act;")
    document.add_paragraph("OP1 Decides again;")
    with pytest.raises(ReaderError, match=r"paragraph 2: the label OP1 is used twice \(first "
                                          r"in paragraph 1\)"):
        read_docx_draft(save(document, tmp_path))


def test_hostile_files_are_refused_through_open_docx(tmp_path):
    path = tmp_path / "draft.docx"
    path.write_bytes(b"%PDF-1.4")
    with pytest.raises(ReaderError, match="a PDF file"):
        read_docx_draft(path)


# --- third-party Word files with real tracked changes ------------------------------------------

ACCEPTED = {  # MANIFEST.md: LibreOffice's text after "accept all", one line per paragraph
    "pandoc_track_changes_insertion": ["This is a text with two exciting insertions."],
    "pandoc_track_changes_deletion": ["This is a text with a deletion."],
    "pandoc_track_changes_move": [
        "Here is some text.", "Here is the text to be moved.", "Here is some more text.",
    ],
    "pandoc_paragraph_insertion_deletion": ["This is a", "splitParagraph."],
    "pandoc_track_changes_scrubbed_metadata": ["Here is a test document."],
    "pandoc_comments": [
        "I want some text to have a comment on it.", "This is a new paragraph.",
        "And so is this.", "One more. And this is one with a comment in a comment.",
    ],
    "oxpt_RP015-MoveFrom-MoveTo": [
        "Video provides a powerful way.", "You can also type a keyword.",
        "When you click Online Video.", "Make your document look professionally produced.",
    ],
    "oxpt_RP043-MERGEFORMAT-Field-Code": [
        "1/37\t3.4.2\tzz zz zzzzzzzzzzzzzzzzzzzzzzzzzz/uuiuiui zz zzzzzzzz "
        "zzzzzzzzzzzzzzzzzzzzzzzzz.",
    ],
}


def fixtures() -> Path:
    if not FIXTURES.is_dir():
        pytest.skip("../shared/fixtures not present")
    return FIXTURES


def fixture_names() -> list[str]:
    return sorted(p.stem for p in FIXTURES.glob("*.docx")) if FIXTURES.is_dir() else ["none"]


@pytest.mark.parametrize("name", fixture_names())
def test_every_fixture_imports(name):
    result = read_docx_draft(fixtures() / f"{name}.docx")
    assert result.paragraphs
    assert all(p.text.strip() == p.text for p in result.paragraphs)


@pytest.mark.parametrize("name", sorted(ACCEPTED))
def test_small_fixtures_read_as_accepted(name):
    result = read_docx_draft(fixtures() / f"{name}.docx")
    assert [p.text for p in result.paragraphs] == ACCEPTED[name]


@pytest.mark.parametrize("name", [
    "oxpt_RP042-Deleted-Para-Mark-at-End", "oxpt_RP046-Consecutive-Deleted-Ranges",
    "oxpt_FA019-RunPropertiesChange", "docx2python_comments",
])
def test_fixtures_match_libreoffice_accept_all(name):
    """Paragraph by paragraph, the words LibreOffice shows after accepting all."""
    expected = (fixtures() / "expected" / f"{name}.accept.lo74.txt").read_text("utf-8-sig")
    lines = [re.sub(r"\s+", " ", line).strip() for line in expected.splitlines()]
    got = [re.sub(r"\s+", " ", p.text) for p in read_docx_draft(fixtures() / f"{name}.docx")
           .paragraphs]
    assert got == [line for line in lines if line]


@pytest.mark.parametrize("name", [
    "oxpt_RP001-Tracked-Revisions-01", "oxpt_RP015-MoveFrom-MoveTo",
    "oxpt_RP042-Deleted-Para-Mark-at-End", "oxpt_RP046-Consecutive-Deleted-Ranges",
    "oxpt_RP047-Inserted-and-Deleted-Paragraph-Mark", "oxpt_RP048-Deleted-Inserted-Para-Mark",
])
def test_fixtures_read_like_their_accepted_baselines(name):
    """Reading the original gives the same draft as reading Open-XML-PowerTools'
    accepted copy (which has no tracked changes left); tables warn in both."""
    accepted = fixtures() / "expected" / f"{name}-Accepted.docx"
    original, baseline = read_docx_draft(fixtures() / f"{name}.docx"), read_docx_draft(accepted)
    assert [(p.label, p.text) for p in original.paragraphs] == [
        (p.label, p.text) for p in baseline.paragraphs
    ]
    assert original.warnings[0].message.startswith("has ")
    assert not any(w.message.startswith("has ") for w in baseline.warnings)
    tables = [w.message for w in original.warnings if w.message.startswith("table")]
    assert tables == [w.message for w in baseline.warnings if w.message.startswith("table")]


def test_characters_word_allows_are_read_as_word_shows_them_with_a_warning(tmp_path):
    document = docx.Document()
    document.add_paragraph("OP1 Decides to act\x85 soon;")
    document.add_paragraph("OP2 Re\u00adquests a report:\u2028on fisheries;")
    path = save(document, tmp_path)
    result = read_docx_draft(path)
    assert [p.text for p in result.paragraphs] == ["Decides to act\u2026 soon;",
                                                   "Requests a report:\non fisheries;"]
    assert [w.where.rsplit(", ", 1)[-1] for w in result.warnings] == ["paragraph 1",
                                                                       "paragraph 2"]
    assert "U+0085 (NEXT LINE)" in result.warnings[0].message
    # a copy of that very file proposes nothing
    from drafting.readers.docx_submission import read_docx_submission

    copy = read_docx_submission(path, result.to_document("X"), delegation="EU")
    assert copy.amendments == ()


def test_a_secretariats_line_in_the_subtitle_style_is_read_ours_is_not(tmp_path):
    """Every Subtitle paragraph was dropped, without a word: our own drafts put "SYMBOL —
    Rev.1" there, a secretariat its sponsors line."""
    word = docx.Document()
    word.add_paragraph("United Nations")
    word.add_paragraph("A/C.2/81/L.7")
    word.add_paragraph("A/C.2/81/L.7 \u2014 Rev.1", style="Subtitle")
    word.add_paragraph("Draft resolution submitted by the Vice-Chair", style="Subtitle")
    for line in ("The General Assembly,", "Recalling its resolution 70/1,",
                 "1.\tDecides to act;"):
        word.add_paragraph(line)
    word.save(str(tmp_path / "draft.docx"))
    read = read_docx_draft(tmp_path / "draft.docx")
    assert read.front_matter == ("United Nations", "A/C.2/81/L.7")
    assert read.title == "Draft resolution submitted by the Vice-Chair"
    assert [p.text for p in read.paragraphs] == ["Recalling its resolution 70/1,",
                                                 "Decides to act;"]


def test_tracked_changes_only_in_a_footnote_are_named_too(tmp_path):
    """A draft whose only tracked change is in a footnote is read as if it were accepted,
    as in the body, and says so: the footnote's pending words are not lost unsaid."""
    draft = ga_draft({"PP2": ["Noting with concern", " the state of small-scale fisheries",
                              Note(("See A/79/123, para. 4", Ins(" and 5"), ".")), ","]})
    path = libreoffice_docx(draft, tmp_path / "L99.docx")
    result = read_draft(path)
    assert [p.text for p in result.paragraphs if p.label == "FN1"] == [
        "See A/79/123, para. 4 and 5."]
    assert [str(w) for w in result.warnings if "tracked" in w.message] == [
        f"{path}: has 1 tracked change in its footnotes; imported as if all were accepted - "
        "accept or reject them in Word first to be sure"]
