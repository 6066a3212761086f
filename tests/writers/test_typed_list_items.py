"""Sub-items with typed numbers ("(3)<tab>", no Word numbering) of "1.<tab>URGES Member
States:", each a Word paragraph of its own, edited in a delegation's copy made with
LibreOffice: a new item typed as a new paragraph, an item emptied, two items joined.

A new item is the line inserted; the merged draft shows it as a new Word paragraph
after the item before it, in that item's form (its paragraph properties, its number
typed with its tab), words and mark tracked as inserted, never a line break inside the
item before; the revision makes it a Word paragraph likewise and renumbers the typed
items after it in their own paragraphs ("(3)" is "(4)"). An item emptied (its number
and words deleted, its paragraph left) is its line deleted whole, its mark too; two
items joined are one Word paragraph, accepted and revised."""

from __future__ import annotations

import sys
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from docx.shared import Cm

sys.path.insert(0, str(Path(__file__).parent))
sys.path.insert(0, str(Path(__file__).parents[1] / "readers"))
from libreoffice import lo_track
from libreoffice_copies import Edited, make_edited
from ooxml_views import body_of, rejected

from drafting.engine import Decisions, revise
from drafting.engine.merge import merge
from drafting.model import AmendmentKind
from drafting.readers.docx_draft import read_docx_draft
from drafting.readers.docx_submission import read_docx_submission
from drafting.writers.docx_revision import revise_source
from drafting.writers.docx_source import write_merged_into_source

SYMBOL = "A79/A/CONF./3"
AUTHOR = "John Doe (USA)"
HEAD = "URGES Member States:"
ITEMS = ("to strengthen their core capacities;", "to allocate adequate resources;",
         "to cooperate with each other;")
NEW = "to ensure the protection of personal data;"
W_P, W_INS, W_DEL = qn("w:p"), qn("w:ins"), qn("w:del")


def _draft(path: Path) -> Path:
    """The secretariat's draft: OP1's items "(1)<tab>" to "(3)<tab>" typed, each a Word
    paragraph with a hanging indent deeper than OP1's own."""
    word = docx.Document()
    for line in ("SEVENTY-NINTH WORLD HEALTH ASSEMBLY", SYMBOL,
                 "The Seventy-ninth World Health Assembly,",
                 "Recalling resolution WHA58.3 (2005);"):
        word.add_paragraph(line)
    for text in (f"1.\t{HEAD}", *(f"({n})\t{item}" for n, item in enumerate(ITEMS, 1)),
                 "2.\tREQUESTS the Director-General to report in 2028."):
        paragraph = word.add_paragraph(text)
        paragraph.paragraph_format.left_indent = Cm(1.25 if text[0].isdigit() else 2.5)
        paragraph.paragraph_format.first_line_indent = Cm(-1.25)
    word.save(str(path))
    return path


COPIES = {  # name: the edits, where the new item stands among the items
    "new (3)": ((("after", ITEMS[1], "", f"(3)\t{NEW}"),), 2),
    "new (3), (3) made (4)": ((("replace", "(3)", "", "(4)"),
                               ("after", ITEMS[1], "", f"(3)\t{NEW}")), 2),
    "new (1)": ((("after", HEAD, "", f"(1)\t{NEW}"),), 0),
    "new (4)": ((("after", ITEMS[2], "", f"(4)\t{NEW}"),), 3),
}


@pytest.fixture(scope="module")
def made(tmp_path_factory) -> dict[str, Path]:
    """The draft, and every copy of ``COPIES`` (one LibreOffice session)."""
    folder = tmp_path_factory.mktemp("typed")
    draft = _draft(folder / "draft.docx")
    make_edited([Edited(str(draft), str(folder / f"{name}.docx"), edits, AUTHOR)
                 for name, (edits, _) in COPIES.items()])
    return {"draft": draft, **{name: folder / f"{name}.docx" for name in COPIES}}


def _op1(*items: str) -> str:
    return HEAD + "".join(f"\n({n})\t{item}" for n, item in enumerate(items, 1))


def _items(path: Path) -> list[tuple[str, str, bool]]:
    """The Word paragraphs of OP1's items (those after "1.<tab>URGES" and before "2."):
    their words with every change rejected and accepted (a tab as "\\t"), and whether
    the paragraph is new (its mark tracked as inserted)."""
    found, inside = [], False
    for p in body_of(path).iter(W_P):
        was, now = _words(p, W_INS, qn("w:t"), qn("w:delText")), _words(p, W_DEL, qn("w:t"))
        if now.startswith(("1.", "2.")):
            inside = now.startswith("1.")
        elif inside:
            found.append((was, now, p.find(f"{qn('w:pPr')}/{qn('w:rPr')}/{W_INS}") is not None))
    return found


def _words(paragraph, left_out: str, *texts: str) -> str:
    """The words of ``paragraph`` in ``texts`` elements and tabs, those inside a
    ``left_out`` (a ``w:ins`` or ``w:del``) left out."""
    return "".join("\t" if e.tag == qn("w:tab") else e.text or ""
                   for e in paragraph.iter(*texts, qn("w:tab"))
                   if not any(a.tag == left_out for a in e.iterancestors()))


@pytest.mark.parametrize("name", list(COPIES))
def test_a_new_typed_item_is_a_word_paragraph_merged_and_revised(made, tmp_path, name):
    document = read_docx_draft(made["draft"]).to_document(SYMBOL)
    assert document.current.by_label("OP1").text == _op1(*ITEMS)
    read = read_docx_submission(made[name], document, delegation="USA",
                                authors={AUTHOR: "USA"})
    at = COPIES[name][1]
    inserted = next(a for a in read.amendments if a.kind is AmendmentKind.INSERT)
    assert inserted.new_text == f"\n({at + 1})\t{NEW}"

    merged = tmp_path / "merged.docx"
    assert write_merged_into_source(made["draft"].read_bytes(),
                                    merge(document, read.amendments), merged) == []
    items = _items(merged)
    assert items[at] == ("", f"({at + 1})\t{NEW}", True)  # its own paragraph, inserted
    assert [was for was, _, new in items if not new] == [
        f"({n})\t{item}" for n, item in enumerate(ITEMS, 1)]  # Reject All: as they were
    assert body_of(merged).find(f".//{qn('w:br')}") is None
    paragraphs = list(body_of(merged).iter(W_P))
    before = next(p for p in paragraphs if (ITEMS[at - 1] if at else HEAD) in
                  "".join(p.itertext()))
    item = next(p for p in paragraphs if ITEMS[0] in "".join(p.itertext()))
    assert before.getnext().find(f"{qn('w:pPr')}/{qn('w:ind')}").attrib == \
        item.find(f"{qn('w:pPr')}/{qn('w:ind')}").attrib  # after it, in an item's form
    assert rejected(merged) == rejected(made["draft"])

    outcome = revise(document, read.amendments,
                     Decisions(accepted=frozenset(a.id for a in read.amendments)),
                     label="Rev.1")
    now = (*ITEMS[:at], NEW, *ITEMS[at:])
    assert outcome.revision.by_label("OP1").text == _op1(*now)
    rev1 = tmp_path / "Rev.1.docx"
    rev1.write_bytes(revise_source(made["draft"].read_bytes(), document.current,
                                   outcome.revision, symbol=SYMBOL))
    assert _items(rev1) == [(f"({n})\t{item}", f"({n})\t{item}", False)
                            for n, item in enumerate(now, 1)]
    assert body_of(rev1).find(f".//{qn('w:br')}") is None
    again = read_docx_draft(rev1).to_document(SYMBOL)  # the revision, in the draft's file
    assert [(p.label, p.text) for p in again.current] == [
        (p.label, p.text) for p in outcome.revision]


def test_libreoffice_accepting_the_merged_draft_shows_the_new_item_alone(made, tmp_path):
    document = read_docx_draft(made["draft"]).to_document(SYMBOL)
    read = read_docx_submission(made["new (3)"], document, delegation="USA",
                                authors={AUTHOR: "USA"})
    merged = tmp_path / "merged.docx"
    write_merged_into_source(made["draft"].read_bytes(), merge(document, read.amendments),
                             merged)
    lines = lo_track("accept", merged).stdout.splitlines()
    start = lines.index(f"1.\t{HEAD}")
    assert lines[start:start + 6] == [
        f"1.\t{HEAD}", f"(1)\t{ITEMS[0]}", f"(2)\t{ITEMS[1]}", f"(3)\t{NEW}",
        f"(3)\t{ITEMS[2]}", "2.\tREQUESTS the Director-General to report in 2028."]


JOINED = "to allocate adequate resources, and to cooperate with each other;"
EDITED = {  # name: the edits, OP1's items as the delegate left them (their numbers)
    "emptied (1)": ((("empty", ITEMS[0], "", ""),), ((2, ITEMS[1]), (3, ITEMS[2]))),
    "joined (2) (3)": ((("join", "resources;", "to cooperate", "resources, and to cooperate"),),
                       ((1, ITEMS[0]), (2, JOINED))),
}


@pytest.fixture(scope="module")
def edited(tmp_path_factory) -> dict[str, Path]:
    """The draft, and every copy of ``EDITED`` (one LibreOffice session)."""
    folder = tmp_path_factory.mktemp("typed edited")
    draft = _draft(folder / "draft.docx")
    make_edited([Edited(str(draft), str(folder / f"{name}.docx"), edits, AUTHOR)
                 for name, (edits, _) in EDITED.items()])
    return {"draft": draft, **{name: folder / f"{name}.docx" for name in EDITED}}


@pytest.mark.parametrize("name", list(EDITED))
def test_a_typed_item_emptied_or_two_joined_leave_no_empty_item(edited, tmp_path, name):
    document = read_docx_draft(edited["draft"]).to_document(SYMBOL)
    read = read_docx_submission(edited[name], document, delegation="USA",
                                authors={AUTHOR: "USA"})
    if name.startswith("emptied"):
        assert [(a.kind, a.old_text) for a in read.amendments] == [
            (AmendmentKind.DELETE, f"\n(1)\t{ITEMS[0]}")]  # the line, its break too
    merged = tmp_path / "merged.docx"
    assert write_merged_into_source(edited["draft"].read_bytes(),
                                    merge(document, read.amendments), merged) == []
    assert rejected(merged) == rejected(edited["draft"])
    shown = EDITED[name][1]
    lines = lo_track("accept", merged).stdout.splitlines()
    start = lines.index(f"1.\t{HEAD}")
    assert lines[start + 1:start + len(shown) + 2] == [
        *(f"({n})\t{item}" for n, item in shown),
        "2.\tREQUESTS the Director-General to report in 2028."]  # no empty item
    left = [item for _, item in shown]

    outcome = revise(document, read.amendments,
                     Decisions(accepted=frozenset(a.id for a in read.amendments)),
                     label="Rev.1")
    assert outcome.revision.by_label("OP1").text == _op1(*left)
    rev1 = tmp_path / "Rev.1.docx"
    rev1.write_bytes(revise_source(edited["draft"].read_bytes(), document.current,
                                   outcome.revision, symbol=SYMBOL))
    assert _items(rev1) == [(f"({n})\t{item}", f"({n})\t{item}", False)
                            for n, item in enumerate(left, 1)]
    again = read_docx_draft(rev1).to_document(SYMBOL)
    assert [(p.label, p.text) for p in again.current] == [
        (p.label, p.text) for p in outcome.revision]
