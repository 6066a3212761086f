"""A diff in Word across a revision that removed a typed item ("(2)<tab>" of three) and so
numbered the items after it again ("(3)" became "(2)"): Accept All of the diff must give
the later revision, typed numbers too, and Reject All the earlier one. The diff showed
the item deleted and kept "(3)", so accepting every change left "(1)", "(3)". In the
text outputs the item removed stays the only change (the numbers after it as they were);
in a list Word numbers, no typed number is changed (Word numbers the items itself)."""

from __future__ import annotations

import dataclasses
import sys
import zipfile
from pathlib import Path

from lxml import etree

sys.path.insert(0, str(Path(__file__).parent))
sys.path.insert(0, str(Path(__file__).parents[1] / "readers"))
from numbered_drafts import numbered_draft
from ooxml_views import rejected
from test_typed_list_items import ITEMS, SYMBOL, _draft

from drafting.engine import Decisions, diff_revisions, revise
from drafting.engine.amend import Proposal, draft_amendment
from drafting.engine.segments import Change
from drafting.readers.docx_draft import read_docx_draft
from drafting.writers import COMPILATION_WRITERS
from drafting.writers.docx_revision import revise_source
from drafting.writers.docx_source import write_merged_into_source

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def accepted(path: Path) -> list[str]:
    """The text of each paragraph of ``path`` with every tracked change accepted."""
    with zipfile.ZipFile(path) as package:
        root = etree.fromstring(package.read("word/document.xml"))
    for gone in list(root.iter(f"{W}del")):
        if gone.getparent().tag == f"{W}rPr":  # a deleted mark: the paragraph joins the next
            gone.getparent().getparent().getparent().set("joined", "1")
        gone.getparent().remove(gone)
    texts: list[str] = []
    glued = False
    for p in root.iter(f"{W}p"):
        text = "".join(t.text or "" if t.tag == f"{W}t" else "\t"
                       for t in p.iter(f"{W}t", f"{W}tab"))
        texts[-1:] = [texts[-1] + text] if glued and texts else [*texts[-1:], text]
        glued = p.get("joined") == "1"
    return [t for t in texts if t]


def _revised(draft: Path, quoted: str, tmp_path: Path):
    """The draft's Rev.1 (``quoted`` deleted from OP1, accepted) in Word, and the
    document holding both revisions."""
    document = read_docx_draft(draft).to_document(SYMBOL)
    amendment = draft_amendment(document.current, Proposal("OP1", delete=quoted), id="A1",
                                proponents=("EU",))
    outcome = revise(document, [amendment], Decisions(accepted=frozenset({"A1"})),
                     label="Rev.1")
    both = dataclasses.replace(document, revisions=(*document.revisions, outcome.revision))
    rev1 = tmp_path / "rev1.docx"
    rev1.write_bytes(revise_source(draft.read_bytes(), document.current, outcome.revision,
                                   symbol=SYMBOL))
    return rev1, both


def test_accepting_the_diff_gives_the_typed_numbers_of_the_later_revision(tmp_path):
    draft = _draft(tmp_path / "draft.docx")
    rev1, both = _revised(draft, f"\n(2)\t{ITEMS[1]}", tmp_path)
    assert both.current.by_label("OP1").text.endswith(f"(1)\t{ITEMS[0]}\n(2)\t{ITEMS[2]}")
    compilation = diff_revisions(both, "Zero draft", "Rev.1", renumbered=True)
    (op1,) = [e for e in compilation.entries if e.paragraph.label == "OP1"]
    assert [(s.deleted, s.inserted) for s in op1.segments if isinstance(s, Change)] == \
        [(f"\n(2)\t{ITEMS[1]}", ""), ("(3)", "(2)")]
    target = tmp_path / "diff.docx"
    assert write_merged_into_source(draft.read_bytes(), compilation, target,
                                    revised=(SYMBOL, "Rev.1")) == []
    items = [t for t in accepted(target) if t.startswith("(")]
    assert items == [f"(1)\t{ITEMS[0]}", f"(2)\t{ITEMS[2]}"]
    assert items == [t for t in accepted(rev1) if t.startswith("(")]
    assert rejected(target) == rejected(draft)


def test_the_text_diff_shows_the_item_removed_alone(tmp_path):
    draft = _draft(tmp_path / "draft.docx")
    _, both = _revised(draft, f"\n(2)\t{ITEMS[1]}", tmp_path)
    text = COMPILATION_WRITERS["txt"](diff_revisions(both, "Zero draft", "Rev.1"))
    assert f"\n-{{(2)\t{ITEMS[1]}}}-\n(3)\t{ITEMS[2]}\n" in text  # "(3)" as it was


def test_a_list_word_numbers_changes_no_number(tmp_path):
    three = ("To adopt policies;", "To build capacities;", "To share good practices;")
    draft = numbered_draft(tmp_path / "three.docx", three)
    document = read_docx_draft(draft).to_document(SYMBOL)
    (op,) = [p for p in document.current if three[0] in p.text]
    line = op.text.split("\n")[1]
    amendment = draft_amendment(document.current, Proposal(op.label, delete=f"\n{line}"),
                                id="A1", proponents=("EU",))
    outcome = revise(document, [amendment], Decisions(accepted=frozenset({"A1"})),
                     label="Rev.1")
    both = dataclasses.replace(document, revisions=(*document.revisions, outcome.revision))
    compilation = diff_revisions(both, "Zero draft", "Rev.1", renumbered=True)
    target = tmp_path / "diff.docx"
    assert write_merged_into_source(draft.read_bytes(), compilation, target) == []
    texts = accepted(target)
    assert three[0] not in " ".join(texts) and three[1] in " ".join(texts)
    assert not any(t.startswith(("(a)", "(b)")) for t in texts)  # no number typed
    assert rejected(target) == rejected(draft)
