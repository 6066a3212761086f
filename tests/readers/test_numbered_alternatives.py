"""A paragraph's alternatives as compilation texts type them: "2.<tab>Alt 1: Commits ..."
then "2.<tab>Alt 2: Encourages ..." (each carrying the paragraph's number), or the second
unnumbered ("Alt 2: ..."), as "Option 1:" / "Option 2:" are typed. They are the
alternatives of one paragraph, OP2, its text ``[first][second]``. The import refused the
first layout ("the label OP2 is used twice") and read the second's "Alt 2" as other text
T1."""

from __future__ import annotations

import docx
import pytest
from docx_builders import lines_docx

from drafting.errors import ReaderError
from drafting.model import AmendmentKind
from drafting.readers import read_docx_submission, read_draft, read_text

SYMBOL = "A/CONF.240/2026/L.1"
FIRST = "Commits to establishing a debt-for-climate swap facility;"
SECOND = "Encourages the exploration of innovative debt instruments;"
READ = [("PP1", "Recalling the SAMOA Pathway,"),
        ("OP1", "Calls for the mobilization of resources for resilience-building;"),
        ("OP2", f"[{FIRST}][{SECOND}]"),
        ("OP3", "Requests the Secretary-General to report on progress.")]


def _lines(first: str, second: str) -> list[str]:
    return ["United Nations", SYMBOL, "The Conference,", "Recalling the SAMOA Pathway,",
            "1.\tCalls for the mobilization of resources for resilience-building;",
            f"{first}{FIRST}", f"{second}{SECOND}",
            "3.\tRequests the Secretary-General to report on progress."]


LAYOUTS = [("2.\tAlt 1: ", "2.\tAlt 2: "), ("2.\tAlt 1: ", "Alt 2: "),
           ("2.\tAlternative 1: ", "2.\tAlternative 2: "),
           ("2.\tOption 1: ", "2.\tOption 2: ")]


def _read(result) -> list[tuple[str, str]]:
    return [(p.label, p.text) for p in result.paragraphs]


@pytest.mark.parametrize(("first", "second"), LAYOUTS)
def test_alternatives_numbered_as_their_paragraph_are_its_options(tmp_path, first, second):
    lines = _lines(first, second)
    text = read_text("\n\n".join(line.replace("\t", " ") for line in lines))
    word = read_draft(lines_docx(tmp_path / "draft.docx", lines))
    for result in (text, word):
        assert _read(result) == READ
        assert result.warnings == ()


def test_an_alternative_numbered_as_another_paragraph_is_refused():
    with pytest.raises(ReaderError, match="OP1 is used twice"):
        read_text("\n\n".join(_lines("2. Alt 1: ", "1. Alt 2: ")))


def test_a_copy_changing_the_second_alternative(tmp_path):
    source = lines_docx(tmp_path / "draft.docx", _lines("2.\tAlt 1: ", "2.\tAlt 2: "))
    document = read_draft(source).to_document(SYMBOL)
    op2 = document.current.by_label("OP2").id
    copy = docx.Document(str(source))
    for paragraph in copy.paragraphs:
        if "Alt 2" in paragraph.text:
            paragraph.runs[0].text = paragraph.runs[0].text.replace("innovative", "new")
    copy.save(str(tmp_path / "eu.docx"))
    read = read_docx_submission(tmp_path / "eu.docx", document, delegation="EU")
    assert [(a.paragraph_id, a.kind, a.old_text, a.new_text) for a in read.amendments] == [
        (op2, AmendmentKind.REPLACE, "innovative", "new")]
    assert read.warnings == ()
