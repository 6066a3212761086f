"""`drafting submit`: text boxes in a delegation's edited copy, end to end. A box typed into
the copy was dropped without a word ("no change found"); the draft's own box, which every
copy carries, is told apart by the draft's Word source in the store
(`drafting.intake.sources_boxes`)."""

from __future__ import annotations

from pathlib import Path

import docx
from lxml import etree
from test_copy_identity_commands import OP, PP
from test_workflow_commands import drafting

SYMBOL = "A/C.2/81/L.61"
FRONT = ("United Nations", SYMBOL, "Distr.: Limited", "Second Committee",
         "Oceans and the law of the sea")
SECRETARIAT = "Note by the Secretariat: the report is due in 2027."
_VML = ('<w:r xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
        'xmlns:v="urn:schemas-microsoft-com:vml"><w:pict><v:shape style="width:150pt;'
        'height:40pt"><v:textbox><w:txbxContent><w:p><w:r><w:t>{}</w:t></w:r></w:p>'
        '</w:txbxContent></v:textbox></v:shape></w:pict></w:r>')


def _word(path: Path, boxes: dict[int, str], edited: bool = False) -> Path:
    """The draft, with a text box holding ``boxes[n]`` beside OPn; ``edited``: OP2's
    "submit" typed over as "present"."""
    word = docx.Document()
    for line in (*FRONT, "The General Assembly,", *PP):
        word.add_paragraph(line)
    for number, text in enumerate(OP, 1):
        text = text.replace("to submit a", "to present a") if edited else text
        paragraph = word.add_paragraph(f"{number}.\t{text}")
        if number in boxes:
            paragraph._p.append(etree.fromstring(_VML.format(boxes[number])))
    word.save(str(path))
    return path


def test_a_box_typed_into_an_edited_copy_is_named_and_the_drafts_own_is_not(tmp_path):
    db = tmp_path / "s.db"
    draft = _word(tmp_path / "draft.docx", {2: SECRETARIAT})
    for args in (("init",), ("import", str(draft), "--doc", SYMBOL),
                 ("delegation", "add", "BRA")):
        assert drafting(db, *args).returncode == 0, args
    copy = _word(tmp_path / "bra.docx", {1: "BRA proposes: add 'and South-South'",
                                         2: SECRETARIAT}, edited=True)
    done = drafting(db, "submit", SYMBOL, str(copy), "--delegation", "BRA", "--dry-run")
    assert done.returncode == 0, done.stderr
    assert "replace 'submit' -> 'present'" in done.stdout
    boxes = [line for line in done.stderr.splitlines() if "text box" in line]
    assert boxes == [
        f"warning: {copy}, paragraph 10 (OP1): a text box holds words the draft's do not "
        "('BRA proposes: add 'and South-South''), typed without Track Changes; they were "
        "not read: text boxes are not part of the text (the import leaves them out too); "
        "put proposals in the paragraphs"]
