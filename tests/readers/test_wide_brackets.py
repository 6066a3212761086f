"""Full-width square brackets ［ ］ (U+FF3B, U+FF3D), as a Chinese or Japanese input mode
types them, bracket text as [ ] do: a draft pasted from such a source is read with them
as brackets, with a warning saying so, while its Word document keeps them as typed."""

from __future__ import annotations

import io
from pathlib import Path

import docx
import pytest

from drafting import brackets, characters
from drafting.engine import Proposal
from drafting.readers import read_text
from drafting.readers.docx_draft import read_docx_draft
from drafting.readers.docx_submission import read_docx_submission
from drafting.store import init_store, open_store
from drafting.workflow import (
    add_delegations,
    import_draft,
    prepare_amendment,
    record,
    revise_document,
)

FRONT = ["United Nations", "A/C.2/81/L.9", "General Assembly", "Distr.: Limited",
         "Eighty-first session", "Second Committee", "Agenda item 19",
         "China and Japan: draft resolution"]
OP1 = "Decides to ［convene / hold］ a high-level meeting on disaster risk reduction in 2027;"
OP2 = "Requests the Secretary-General to report ［at its eighty-second session］;"


def _draft(path: Path, op1: str = OP1) -> Path:
    """A Second Committee draft as circulated, its brackets typed full-width."""
    word = docx.Document()
    for line in FRONT:
        word.add_paragraph(line)
    word.add_paragraph("Disaster risk reduction", style="Title")
    word.add_paragraph("The General Assembly,")
    word.add_paragraph("Recalling its resolution 69/283 of 3 June 2015,")
    word.add_paragraph(f"1.\t{op1}")
    word.add_paragraph(f"2.\t{OP2}")
    word.save(path)
    return path


def _square(text: str) -> str:
    return text.replace("［", "[").replace("］", "]")


def test_full_width_brackets_are_read_as_brackets_with_a_warning():
    assert characters.wide_brackets("a ［b / c］") == ("a [b / c]", (
        "U+FF3B (FULLWIDTH LEFT SQUARE BRACKET) and U+FF3D (FULLWIDTH RIGHT SQUARE "
        "BRACKET) read as '[' and ']' (brackets typed full-width, as a Chinese or "
        "Japanese input mode types them, bracket text all the same)"))
    assert characters.wide_brackets("Decides [a]") == ("Decides [a]", "")
    assert characters.wide_brackets("（a）ＥＵ") == ("（a）ＥＵ", "")  # only brackets


def test_a_word_draft_with_full_width_brackets_counts_them(tmp_path):
    result = read_docx_draft(_draft(tmp_path / "L9.docx"))
    texts = {p.label: p.text for p in result.paragraphs}
    assert texts["OP1"] == _square(OP1) and texts["OP2"] == _square(OP2)
    assert [g.alternatives for g in brackets.groups(texts["OP1"])] == [("convene", "hold")]
    assert sum(brackets.count(text) for text in texts.values()) == 2
    said = [str(w) for w in result.warnings]
    assert len(said) == 2 and all("U+FF3B (FULLWIDTH LEFT SQUARE BRACKET)" in w for w in said)
    assert said[0].startswith(f"{tmp_path / 'L9.docx'}, paragraph 12: ")


@pytest.mark.parametrize("markdown", [False, True])
def test_a_text_draft_with_full_width_brackets_counts_them(markdown):
    text = "\n\n".join(["The General Assembly,", f"1. {OP1}", f"2. {OP2}",
                        "3. Decides to remain seized of the matter."])
    result = read_text(text, name="L9.txt", markdown=markdown)
    assert [p.text for p in result.paragraphs][:2] == [_square(OP1), _square(OP2)]
    (warning,) = result.warnings
    assert str(warning).startswith("L9.txt: lines 3, 5: U+FF3B (FULLWIDTH LEFT SQUARE "
                                   "BRACKET) and U+FF3D")


def test_a_copy_keeps_its_full_width_brackets_out_of_its_amendments(tmp_path):
    document = read_docx_draft(_draft(tmp_path / "L9.docx")).to_document("A/C.2/81/L.9")
    copy = _draft(tmp_path / "chn.docx", OP1.replace("hold", "organize"))
    (amendment,) = read_docx_submission(copy, document, delegation="CHN").amendments
    assert (amendment.old_text, amendment.new_text) == ("hold", "organize")


def test_a_revision_keeps_the_brackets_as_the_word_document_types_them(tmp_path):
    url = f"sqlite:///{tmp_path / 's.db'}"
    init_store(url)
    with open_store(url) as store:
        import_draft(store, _draft(tmp_path / "L9.docx"), "L9")
        add_delegations(store, ["CHN"])
        proposal = Proposal("OP1", replace="hold", with_="organize")
        amendment = prepare_amendment(store, "L9", proposal, "CHN")
        (recorded,) = record(store, "L9", [amendment]).amendments
        store.decide(recorded.id, "accept")
        warnings: list[str] = []
        revise_document(store, "L9", "Rev.1", warn=warnings.append)
        assert warnings == []
        assert store.document("L9").current.by_label("OP1").text == \
            _square(OP1).replace("hold", "organize")
        made = docx.Document(io.BytesIO(store.source("L9", "Rev.1")))
    assert [p.text for p in made.paragraphs][-2:] == [
        f"1.\t{OP1.replace('hold', 'organize')}", f"2.\t{OP2}"]
