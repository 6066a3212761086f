"""A Word package whose comments, footnotes or other parts cannot be reached from its
text: what the delegation sent is never lost without a word.

Comments marked in the text but not in the file (its relationships part gone, no
relationship to the comments, or comments missing from their part) are named in one
warning: their words are not the amendments' reasons. Footnotes cited but not in the
file refuse a copy of a draft that has footnotes: read without them, it would propose
deleting them; of a draft without, they are named. A part Word
holds inside the file (style sheet, numbering, comments, a header ...) named outside it
(``TargetMode="External"``) refuses the file in words that say so, where python-docx
failed with an internal error.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest
from docx_builders import DOCUMENT, ZERO, footnote, house, ins, note, write_docx

from drafting.errors import ReaderError
from drafting.readers import read_docx_submission, read_draft

RELS = "word/_rels/document.xml.rels"
REASON = "A report is needed within a year."


def parts_of(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as package:
        return {name: package.read(name) for name in package.namelist()}


def write(path: Path, parts: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as package:
        for name, data in parts.items():
            package.writestr(name, data)
    return path


def commented_copy(path: Path) -> Path:
    """USA's tracked copy: "urgently " inserted in OP1, with a comment giving its reason."""
    return write_docx(path, house(ZERO, {"OP1": [
        "Requests the Secretary-General to ", note(REASON, ins("urgently "), author="USA"),
        "submit a report on small-scale fishers;"]}), header="USA proposals")


def without_relationship(rels: bytes, kind: str) -> bytes:
    """``rels`` without its relationship of type ``kind`` (the type's last word)."""
    return re.sub(rf'<Relationship [^>]*Type="[^"]*/{kind}"[^>]*/>'.encode(), b"", rels)


def external(rels: bytes, kind: str) -> bytes:
    """``rels`` with its relationship of type ``kind`` naming a place outside the file."""
    found = re.search(rf'<Relationship [^>]*Type="[^"]*/{kind}"[^>]*/>'.encode(), rels)
    assert found is not None, kind
    outside = re.sub(rb'Target="[^"]*"', b'Target="https://example.org/part.xml" '
                     b'TargetMode="External"', found.group())
    return rels.replace(found.group(), outside)


def read(path: Path):
    return read_docx_submission(path, DOCUMENT, delegation="USA")


def lost_comments(result) -> list[str]:
    return [str(w) for w in result.warnings if "comment" in str(w) and "cannot be read" in str(w)]


def test_a_sound_copy_gives_its_comment_as_the_reason(tmp_path):
    result = read(commented_copy(tmp_path / "usa.docx"))
    assert [(a.new_text, a.reason) for a in result.amendments] == [(" urgently", REASON)]
    assert lost_comments(result) == []


@pytest.mark.parametrize(("damage", "why"), [
    (lambda parts: parts.pop(RELS),
     "the file's word/_rels/document.xml.rels, which relates its text to its other parts, "
     "is missing"),
    (lambda parts: parts.update({RELS: without_relationship(parts[RELS], "comments")}),
     "its text is related to no comments part"),
    (lambda parts: parts.update({"word/comments.xml": re.sub(
        rb"<w:comment .*</w:comment>", b"", parts["word/comments.xml"], flags=re.S)}),
     "the comments part holds no comment with their ids"),
], ids=["no-relationships-part", "no-comments-relationship", "comment-gone"])
def test_comments_the_file_cannot_give_are_named_not_lost(tmp_path, damage, why):
    parts = parts_of(commented_copy(tmp_path / "usa.docx"))
    damage(parts)
    result = read(write(tmp_path / "damaged.docx", parts))
    assert [(a.new_text, a.reason) for a in result.amendments] == [(" urgently", "")]
    assert lost_comments(result) == [
        f"{tmp_path / 'damaged.docx'}: the file marks 1 comment that cannot be read ({why}): "
        "its words are not the amendments' reasons; ask for the file as Word saved it"]


@pytest.mark.parametrize("kind", ["styles", "numbering", "comments", "header", "settings",
                                  "theme", "fontTable", "footnotes"])
def test_a_part_named_outside_the_file_refuses_it_in_words(tmp_path, kind):
    """Before: ``ValueError: target_part property on _Relationship is undefined`` (styles,
    numbering), or the comments silently left unread."""
    source = commented_copy(tmp_path / "usa.docx") if kind != "footnotes" else write_docx(
        tmp_path / "usa.docx", house(ZERO, {"PP1": [
            "Recalling its resolution 70/1 of 25 September 2015,", footnote("See A/70/1.")]}))
    parts = parts_of(source)
    parts[RELS] = external(parts[RELS], kind)
    path = write(tmp_path / "outside.docx", parts)
    for reading in (lambda: read(path), lambda: read_draft(path)):
        with pytest.raises(ReaderError) as refused:
            reading()
        said = str(refused.value)
        assert said.startswith(f"{path}: part word/document.xml names its {kind} part "
                               "outside the file ('https://example.org/part.xml', relationship ")
        assert said.endswith("the file is damaged or was not written by Word: open it in "
                             "Word and save it as a .docx document")


def test_custom_properties_named_outside_the_file_refuse_it(tmp_path):
    parts = parts_of(commented_copy(tmp_path / "usa.docx"))
    parts["_rels/.rels"] = parts["_rels/.rels"].replace(b"</Relationships>", (
        b'<Relationship Id="rId99" Type="http://schemas.openxmlformats.org/officeDocument/'
        b'2006/relationships/custom-properties" Target="https://example.org/custom.xml" '
        b'TargetMode="External"/></Relationships>'))
    path = write(tmp_path / "outside.docx", parts)
    with pytest.raises(ReaderError, match=r"the package names its custom-properties part "
                       r"outside the file \('https://example.org/custom.xml'"):
        read(path)


def footnoted(path: Path, parts: list) -> Path:
    return write_docx(path, house(ZERO, {"PP1": parts}))


FOOTNOTED = ["Recalling its resolution 70/1 of 25 September 2015,", footnote("See A/70/1.")]


def test_footnotes_the_file_cannot_give_refuse_the_copy(tmp_path):
    """Read without its footnotes, the copy proposed deleting the draft's footnote and its
    marker in USA's name."""
    draft = footnoted(tmp_path / "draft.docx", FOOTNOTED)
    document = read_draft(draft).to_document("A/C.2/81/L.7")
    copy = footnoted(tmp_path / "usa.docx", [
        "Recalling its resolution 70/1 of 25 September 2015", ins(" and 77/1"), ",",
        footnote("See A/70/1.")])
    assert [a.new_text for a in read_docx_submission(copy, document, delegation="USA")
            .amendments] == [" and 77/1"]
    parts = parts_of(copy)
    parts[RELS] = without_relationship(parts[RELS], "footnotes")
    damaged = write(tmp_path / "damaged.docx", parts)
    with pytest.raises(ReaderError) as refused:
        read_docx_submission(damaged, document, delegation="USA")
    assert str(refused.value) == (
        f"{damaged}: the text cites 1 footnote that cannot be read (its text is related to "
        "no footnotes part); read without them, the copy would propose deleting the draft's "
        "footnotes: the file is damaged or was not written by Word: open it in Word and "
        "save it as a .docx document")
    # a draft read so names the footnote it does not import, as before
    assert "footnote in PP1 not imported" in [w.message for w in read_draft(damaged).warnings]


def test_footnotes_a_copy_cannot_give_are_named_where_the_draft_has_none(tmp_path):
    """A draft without footnotes: the copy's cited ones (a footnote it added) are named,
    and its changes read."""
    copy = footnoted(tmp_path / "usa.docx", [
        "Recalling its resolution 70/1 of 25 September 2015", ins(" and 77/1"), ",",
        footnote("See A/77/1.")])
    parts = parts_of(copy)
    parts[RELS] = without_relationship(parts[RELS], "footnotes")
    damaged = write(tmp_path / "damaged.docx", parts)
    result = read_docx_submission(damaged, DOCUMENT, delegation="USA")
    assert [a.new_text for a in result.amendments] == [" and 77/1"]
    assert f"{damaged}: the text cites 1 footnote that cannot be read (its text is related " \
        "to no footnotes part): whatever they say was not read" in map(str, result.warnings)
