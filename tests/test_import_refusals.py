"""An import that finds no paragraph says why, where the reason can be seen: a draft
laid out inside a table is read as front matter (as a symbol block at the top is)."""

from __future__ import annotations

import re

import docx
import pytest

from drafting.errors import InputError
from drafting.store import init_store, open_store
from drafting.workflow import import_draft


def test_a_draft_inside_a_table_is_refused_saying_so(tmp_path):
    word = docx.Document()
    cell = word.add_table(rows=1, cols=1).cell(0, 0)
    cell.text = "A/C.2/81/L.50"
    for line in ("Sustainable mountain development", "The General Assembly,",
                 "Recalling its resolution 76/129,", "1.\tTakes note of the report;"):
        cell.add_paragraph(line)
    path = tmp_path / "table.docx"
    word.save(str(path))
    url = f"sqlite:///{tmp_path / 'store.db'}"
    init_store(url)
    with open_store(url) as store, pytest.raises(InputError) as refused:
        import_draft(store, path, "A/C.2/81/L.50")
    assert "no paragraph found; nothing was imported" in refused.value.message
    assert re.search(r"its \d+ lines of text were read as front matter", refused.value.message)
    assert "take the text out of the table" in refused.value.message
    with open_store(url) as store:
        assert store.documents() == []
