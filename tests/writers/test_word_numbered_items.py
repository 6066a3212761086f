"""Sub-items numbered "1.", "2." under an operative paragraph: by Word (the operative
paragraphs in "List Number", their items in "List Number 2", each list counting on its
own) or typed, on lines of the paragraph; beside them typed "(i)", "(ii)". An item
deleted and one added: the merged draft leaves Word's numbers to Word, and Rev.1 is the
secretariat's own document, its items numbered in sequence as Word shows them; a typed
item's line goes with its line break (no empty line where it stood)."""

from __future__ import annotations

import sys
from datetime import UTC, datetime
from pathlib import Path

import docx
from docx.oxml.ns import qn

sys.path.insert(0, str(Path(__file__).parent))
from ooxml_views import body_of, rejected

from drafting.engine import Decisions, Proposal, draft_amendment, revise
from drafting.engine.merge import merge
from drafting.readers.docx_draft import read_docx_draft
from drafting.writers.docx_revision import revise_source
from drafting.writers.docx_source import source_holds, write_merged_into_source

T0 = datetime(2026, 11, 2, 10, 0, tzinfo=UTC)
SYMBOL = "A/HRC/61/L.12"
WORD_ITEMS = ("To adopt policies;", "To build capacities;", "To share good practices;")
TYPED = ("1.\tTo report annually;", "2.\tTo consult Member States;",
         "3.\tTo publish the findings;")
ROMAN = ("(i)\tTo receive contributions;", "(ii)\tTo disburse grants;",
         "(iii)\tTo report to the Council;")


def _draft(path: Path) -> Path:
    """OP1's items numbered by Word; OP2's and OP3's typed on lines of their paragraph."""
    word = docx.Document()
    for line in ("United Nations", SYMBOL, "The Human Rights Council,",
                 "Guided by the Charter,"):
        word.add_paragraph(line)
    word.add_paragraph("Calls upon States:", style="List Number")
    for item in WORD_ITEMS:
        word.add_paragraph(item, style="List Number 2")
    for head, items in (("Requests the Secretary-General:", TYPED),
                        ("Decides that the fund shall:", ROMAN)):
        paragraph = word.add_paragraph(head, style="List Number")
        for item in items:
            paragraph.add_run().add_break()
            paragraph.add_run(item)
    word.add_paragraph("Decides to remain seized of the matter.", style="List Number")
    word.save(str(path))
    return path


def _proposals() -> list[Proposal]:
    return [Proposal("OP1", delete="\n2. To build capacities;"),
            Proposal("OP1", insert="\n4. To promote education;",
                     after="To share good practices;"),
            Proposal("OP2", delete=f"\n{TYPED[1]}"),
            Proposal("OP2", insert="\n4.\tTo hold a briefing;", after="the findings;"),
            Proposal("OP3", delete=f"\n{ROMAN[1]}"),
            Proposal("OP3", insert="\n(iv)\tTo keep accounts;", after="to the Council;")]


def _word_items(path: Path) -> list[str]:
    """The words of each "List Number 2" paragraph (inserted and deleted ones too)."""
    return ["".join(t.text or "" for t in p.iter(qn("w:t"), qn("w:delText")))
            for p in body_of(path).iter(qn("w:p"))
            if (style := p.find(f"{qn('w:pPr')}/{qn('w:pStyle')}")) is not None
            and style.get(qn("w:val")) == "ListNumber2"]


def _breaks(path: Path, head: str) -> int:
    """How many line breaks the Word paragraph opening with ``head`` shows (none deleted)."""
    paragraph = next(p for p in body_of(path).iter(qn("w:p"))
                     if "".join(t.text or "" for t in p.iter(qn("w:t"))).startswith(head))
    return sum(br.getparent().getparent().tag != qn("w:del")
               for br in paragraph.iter(qn("w:br")))


def _setup(tmp_path: Path):
    source = _draft(tmp_path / "L12.docx")
    document = read_docx_draft(source).to_document(SYMBOL)
    assert document.current.by_label("OP1").text == "Calls upon States:\n" + "\n".join(
        f"{n}. {item}" for n, item in enumerate(WORD_ITEMS, 1))
    assert document.current.by_label("OP2").text == "\n".join(
        ["Requests the Secretary-General:", *TYPED])
    amendments = [draft_amendment(document.current, proposal, id=f"A{n}",
                                  proponents=["EU"], submitted_at=T0)
                  for n, proposal in enumerate(_proposals(), 1)]
    return source, document, amendments


def test_rev1_numbers_the_items_in_sequence_in_the_secretariats_document(tmp_path):
    source, document, amendments = _setup(tmp_path)
    outcome = revise(document, amendments,
                     Decisions(accepted=frozenset(a.id for a in amendments)), label="Rev.1")
    revision = outcome.revision
    assert revision.by_label("OP1").text == (  # as Word shows them: 1., 2., 3.
        "Calls upon States:\n1. To adopt policies;\n2. To share good practices;\n"
        "3. To promote education;")
    assert revision.by_label("OP2").text == (  # typed: the same form, "3." made "2."
        "Requests the Secretary-General:\n1.\tTo report annually;\n"
        "2.\tTo publish the findings;\n3.\tTo hold a briefing;")
    assert revision.by_label("OP3").text == (
        "Decides that the fund shall:\n(i)\tTo receive contributions;\n"
        "(ii)\tTo report to the Council;\n(iii)\tTo keep accounts;")

    rev1 = tmp_path / "Rev.1.docx"
    rev1.write_bytes(made := revise_source(source.read_bytes(), document.current, revision,
                                           symbol=SYMBOL))
    assert source_holds(made, revision)  # no fall back to drafting's own layout
    assert _word_items(rev1) == [  # Word's paragraphs, Word's numbers: none typed
        "To adopt policies;", "To share good practices;", "To promote education;"]
    again = read_docx_draft(rev1).to_document(SYMBOL)
    assert [p.text for p in again.current] == [p.text for p in revision]
    for head in ("Requests", "Decides that"):  # an item's line gone with its break
        assert _breaks(rev1, head) == 3  # no empty line where it stood


def test_merged_draft_leaves_a_new_items_number_to_word(tmp_path):
    source, document, amendments = _setup(tmp_path)
    merged = tmp_path / "merged.docx"
    assert write_merged_into_source(source.read_bytes(), merge(document, amendments),
                                    merged) == []
    # the new item is a "List Number 2" paragraph of its own, no "4." typed before Word's 4.
    assert _word_items(merged) == [*WORD_ITEMS, "To promote education;"]
    for head in ("Requests", "Decides that"):  # the item deleted with its line break
        assert _breaks(merged, head) == 3
    assert rejected(merged) == rejected(source)
