"""Two delegations each add an item after the same item of a list Word numbers ("2. Calls
upon States:", then "(a)", "(b)", "(c)", each a Word paragraph of its own): the engine
makes the two insertions competing alternatives, but in the merged draft each is a tracked
new Word list item of its own, by its delegation, in the order proposed, numbered by Word
(no "(d)" typed, no brackets), so that Reject All gives the draft back and Accept All both
items."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from docx.oxml.ns import qn

sys.path.insert(0, str(Path(__file__).parent))
sys.path.insert(0, str(Path(__file__).parents[1] / "readers"))
from libreoffice import lo_track
from numbered_drafts import SYMBOL, numbered_draft
from ooxml_views import body_of
from source_merges import merge_into, proposed

from drafting.engine.merge import merge
from drafting.engine.segments import Alternatives
from drafting.readers.docx_draft import read_docx_draft

ITEMS = ("To protect tenure rights;", "To improve access to markets;",
         "To strengthen data collection;")
EU, JPN = "To promote the participation of women;", "To combat illegal fishing;"
W_P, W_R, W_T, W_INS, W_DEL = (qn(f"w:{tag}") for tag in ("p", "r", "t", "ins", "del"))
_MARK = f"{qn('w:pPr')}/{qn('w:rPr')}"


def _asked(deleted: bool) -> list:
    asked = [("EU", "OP2", {"insert": f"\n(d) {EU}", "after": "data collection;"}),
             ("JPN", "OP2", {"insert": f"\n(d) {JPN}", "after": "data collection;"})]
    if deleted:  # and each deletes an item: the case met with LibreOffice copies
        asked = [("JPN", "OP2", {"delete": f"\n(a) {ITEMS[0]}"}),
                 ("EU", "OP2", {"delete": f"\n(b) {ITEMS[1]}"}), *asked]
    return asked


def _paragraphs(path: Path) -> list[tuple[str, str, str, str]]:
    """Each Word paragraph: its words as they stand, with what is inserted, with what is
    deleted, and how its mark is tracked ("ins AUTHOR", "del AUTHOR", "")."""
    found = []
    for p in body_of(path).iter(W_P):
        kept = inserted = deleted = ""
        for run in p.iter(W_R):
            words = "".join(t.text or "" for t in run if t.tag in (W_T, qn("w:delText")))
            tracked = run.getparent().tag
            kept += words if tracked not in (W_INS, W_DEL) else ""
            inserted += words if tracked == W_INS else ""
            deleted += words if tracked == W_DEL else ""
        mark = p.find(_MARK)
        change = next((c for c in mark if c.tag in (W_INS, W_DEL)), None) \
            if mark is not None else None
        how = "" if change is None else \
            f"{'ins' if change.tag == W_INS else 'del'} {change.get(qn('w:author'))}"
        found.append((kept, inserted, deleted, how))
    return found


def _all(paragraphs, accept: bool) -> list[str]:
    """The paragraphs' words with every change accepted (or rejected): a mark removed
    joins its paragraph to the next, as Word does."""
    out, carried = [], ""
    for kept, inserted, deleted, how in paragraphs:
        words = carried + kept + (inserted if accept else deleted)
        if how.startswith("ins" if not accept else "del"):
            carried = words
            continue
        out.append(words)
        carried = ""
    return out


@pytest.mark.parametrize("deleted", [False, True], ids=["alone", "with deletions"])
def test_competing_new_items_are_two_tracked_list_items(tmp_path, deleted):
    source = numbered_draft(tmp_path / "draft.docx", ITEMS)
    document = read_docx_draft(source).to_document(SYMBOL)
    merged = merge_into(source, _asked(deleted), tmp_path / "merged.docx", SYMBOL)
    compilation = merge(document, proposed(document, _asked(deleted)))
    op2 = next(p for p in compilation.entries
               if getattr(p, "paragraph", None) is not None and p.paragraph.label == "OP2")
    assert any(isinstance(s, Alternatives) for s in op2.segments)  # they do compete

    paragraphs = _paragraphs(merged)
    new = [p for p in paragraphs if p[1] in (EU, JPN)]
    assert new == [("", EU, "", "ins EU"), ("", JPN, "", "ins JPN")]  # in order, each alone
    at = paragraphs.index(new[0])
    assert paragraphs[at - 1][0] == ITEMS[2]  # after the item (c)
    for p in body_of(merged).iter(W_P):
        words = "".join(t.text or "" for t in p.iter(W_T))
        if words in (EU, JPN):  # Word numbers it, as (c)
            assert p.find(f"{qn('w:pPr')}/{qn('w:numPr')}/{qn('w:numId')}") is not None
    text = "".join(w for p in paragraphs for w in p[:3])
    assert "[" not in text and " / " not in text and "(d)" not in text

    source_words = [kept for kept, *_ in _paragraphs(source)]
    assert _all(paragraphs, accept=False) == source_words
    items = [ITEMS[2], EU, JPN] if deleted else [*ITEMS, EU, JPN]
    accepted = _all(paragraphs, accept=True)
    start = accepted.index("Calls upon States:") + 1
    assert accepted[start:start + len(items) + 1] == [
        *items, "Decides to remain seized of the matter."]


def test_libreoffice_rejects_and_accepts_competing_new_items(tmp_path):
    source = numbered_draft(tmp_path / "draft.docx", ITEMS)
    merged = merge_into(source, _asked(True), tmp_path / "merged.docx", SYMBOL)
    rejected = lo_track("reject", merged).stdout.splitlines()
    assert rejected == lo_track("text", source).stdout.splitlines()
    accepted = lo_track("accept", merged).stdout.splitlines()
    start = accepted.index("Calls upon States:")
    assert accepted[start:start + 5] == ["Calls upon States:", ITEMS[2], EU, JPN,
                                         "Decides to remain seized of the matter."]
