"""Words a delegation's copy proposes that no reader of the copy sees as they will be
taken: typed in white or in type a point high, or put under a HYPERLINK field. They are
read as proposed (Word keeps them in the text; the merged draft shows them as any other
words), and each is said, as hidden text and ``w:hyperlink`` links are."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from docx_builders import DOCUMENT, ZERO, Styled, house, ins, write_docx

from drafting.readers import read_docx_submission

OP1 = "Requests the Secretary-General to submit a report on small-scale fishers"
MAIN = "word/document.xml"


def rewritten(path: Path, edit) -> Path:
    """``path`` with its main part changed by ``edit`` (bytes to bytes)."""
    with zipfile.ZipFile(path) as package:
        parts = {name: package.read(name) for name in package.namelist()}
    parts[MAIN] = edit(parts[MAIN])
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as package:
        for name, data in parts.items():
            package.writestr(name, data)
    return path


def styled(path: Path, color: str, size: str, *, tracked: bool = True) -> Path:
    """EU's copy of OP1 with " urgently" typed in ``color`` at ``size`` half-points, a
    tracked insertion or typed without Track Changes."""
    words = Styled(" urgently", ("w:color", "w:sz"))
    written = write_docx(path, house(ZERO, {"OP1": [OP1, ins(words) if tracked else words,
                                                    ";"]}))
    return rewritten(written, lambda xml: xml.replace(b"<w:color/>", (
        f'<w:color w:val="{color}"/>').encode()).replace(b"<w:sz/>", (
            f'<w:sz w:val="{size}"/>').encode()))


def unseen(result) -> list[str]:
    return [str(w) for w in result.warnings if "a reader cannot see" in str(w)]


@pytest.mark.parametrize(("color", "size", "how"), [
    ("FFFFFF", "2", "white, 1-point"), ("ffffff", "24", "white"), ("000000", "2", "1-point")])
@pytest.mark.parametrize("tracked", [True, False], ids=["tracked", "edited"])
def test_words_typed_out_of_sight_are_read_and_said(tmp_path, color, size, how, tracked):
    path = styled(tmp_path / "eu.docx", color, size, tracked=tracked)
    result = read_docx_submission(path, DOCUMENT, delegation="EU")
    assert [a.new_text for a in result.amendments] == [" urgently"]
    (said,) = unseen(result)
    assert said.endswith(f"words a reader cannot see, in {how} type ('urgently'), are read as "
                         "proposed: Word keeps them in the text, and the merged draft shows "
                         "them as any other words; check that they are meant")


def test_words_in_ordinary_type_are_not_said(tmp_path):
    path = styled(tmp_path / "eu.docx", "1F3864", "20")
    result = read_docx_submission(path, DOCUMENT, delegation="EU")
    assert [a.new_text for a in result.amendments] == [" urgently"]
    assert unseen(result) == []


RUN = b'<w:r><w:t xml:space="preserve">FIELD</w:t></w:r>'
COMPLEX = (b'<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space='
           b'"preserve"> %s </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/>'
           b'</w:r><w:r><w:t xml:space="preserve"> urgently</w:t></w:r><w:r><w:fldChar '
           b'w:fldCharType="end"/></w:r>')


def fielded(path: Path, code: bytes, *, simple: bool) -> Path:
    """EU's copy with " urgently" inserted in OP1 as the shown words of a field of ``code``
    (a ``w:fldSimple`` around the insertion, or ``w:fldChar`` marks inside it)."""
    written = write_docx(path, house(ZERO, {"OP1": [OP1, ins("FIELD"), ";"]}))
    if not simple:
        return rewritten(written, lambda xml: xml.replace(RUN, COMPLEX % code))

    def wrap(xml: bytes) -> bytes:
        xml = xml.replace(RUN, RUN.replace(b"FIELD", b" urgently"))
        start = xml.rindex(b"<w:ins ", 0, xml.index(b" urgently"))
        end = xml.index(b"</w:ins>", start) + len(b"</w:ins>")
        instr = code.replace(b'"', b"&quot;")
        return (xml[:start] + b'<w:fldSimple w:instr=" ' + instr + b' ">' + xml[start:end]
                + b"</w:fldSimple>" + xml[end:])
    return rewritten(written, wrap)


@pytest.mark.parametrize("simple", [False, True], ids=["fldChar", "fldSimple"])
def test_words_inserted_as_a_hyperlink_field_are_said_as_a_hyperlink_is(tmp_path, simple):
    """The field's shown words were read, and its link dropped without a word."""
    path = fielded(tmp_path / "eu.docx", b'HYPERLINK "https://example.org/x"', simple=simple)
    result = read_docx_submission(path, DOCUMENT, delegation="EU")
    assert [a.new_text for a in result.amendments] == [" urgently"]
    assert [str(w).split(": ", 1)[1] for w in result.warnings if "hyperlink" in str(w)] == [
        "the words 'urgently' come with a hyperlink, which is not kept: an amendment holds "
        "words only, so the merged draft and the revision show them without the link; ask "
        "the secretariat to add it"]


@pytest.mark.parametrize("simple", [False, True], ids=["fldChar", "fldSimple"])
def test_another_field_is_no_hyperlink(tmp_path, simple):
    path = fielded(tmp_path / "eu.docx", b"REF _Ref123 \\h", simple=simple)
    result = read_docx_submission(path, DOCUMENT, delegation="EU")
    assert [a.new_text for a in result.amendments] == [" urgently"]
    assert not [w for w in result.warnings if "hyperlink" in str(w)]
