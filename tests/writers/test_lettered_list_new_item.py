"""Items lettered as Word's own lettered list shows them ("a.", "b.", "c.": "%2." in small
letters, LibreOffice's too), not as the United Nations writes them ("(a)"): the import
reads "a. " into the text; a new item proposed there ("\\nd. To combat ...") is a tracked
new Word paragraph of the same list, its letter left to Word (none typed)."""

from __future__ import annotations

import sys
from pathlib import Path

from docx.oxml.ns import qn

sys.path.insert(0, str(Path(__file__).parent))
from numbered_drafts import SYMBOL, numbered_draft
from ooxml_views import body_of
from source_merges import merge_into

from drafting.readers.docx_draft import read_docx_draft

ITEMS = ("To protect tenure rights;", "To improve access to markets;",
         "To strengthen data collection;")
NEW = "To combat illegal fishing;"
_NUM_ID = f"{qn('w:pPr')}/{qn('w:numPr')}/{qn('w:numId')}"
_LEVEL = f"{qn('w:pPr')}/{qn('w:numPr')}/{qn('w:ilvl')}"
_MARK_INSERTED = f"{qn('w:pPr')}/{qn('w:rPr')}/{qn('w:ins')}"


def test_the_import_reads_words_letters_and_a_new_item_is_a_word_list_item(tmp_path: Path):
    source = numbered_draft(tmp_path / "draft.docx", ITEMS, shown="%2.")
    op2 = read_docx_draft(source).paragraphs[2]
    assert op2.text == ("Calls upon States:\na. To protect tenure rights;\n"
                        "b. To improve access to markets;\nc. To strengthen data collection;")

    merged = merge_into(source, [("EU", "OP2", {"insert": f"\nd. {NEW}",
                                                "after": "data collection;"})],
                        tmp_path / "merged.docx", SYMBOL)

    words = {"".join(t.text or "" for t in p.iter(qn("w:t"))): p
             for p in body_of(merged).iter(qn("w:p"))}
    assert NEW in words and f"d. {NEW}" not in words  # Word letters it: none typed
    new, before = words[NEW], words[ITEMS[2]]
    assert new.find(_NUM_ID).get(qn("w:val")) == before.find(_NUM_ID).get(qn("w:val"))
    assert new.find(_LEVEL).get(qn("w:val")) == "1"
    assert new.find(_MARK_INSERTED).get(qn("w:author")) == "EU"
    assert all(r.getparent().tag == qn("w:ins") for r in new.iter(qn("w:r")))
