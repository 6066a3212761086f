"""A Word draft imported with tracked changes still pending is read as if all were
accepted; the document kept for the outputs is that text too, so the draft shown, the
merged draft and the next revision carry no change but the delegations' (they carried
the secretariat's old changes as pending again, under its name)."""

from __future__ import annotations

import re
import sys
import zipfile
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent / "readers"))
from docx_builders import Para, dele, ins, para, write_docx

from drafting.engine import Proposal
from drafting.outputs import merge_to, write_stored_revision
from drafting.readers.docx_draft import read_docx_draft
from drafting.store import init_store, open_store
from drafting.workflow import (
    add_delegations,
    import_draft,
    prepare_amendment,
    record,
    revise_document,
)

SYMBOL = "A/C.2/81/L.7"


def _authors(path: Path) -> list[str]:
    xml = zipfile.ZipFile(path).read("word/document.xml").decode()
    return sorted(re.findall(r'<w:(?:ins|del) [^>]*w:author="([^"]*)"', xml))


@pytest.fixture
def store(tmp_path):
    draft = write_docx(tmp_path / "draft.docx", [
        Para(["The General Assembly,"], style="Heading 1"),
        para("PP1", "Recalling its resolution 70/1,"),
        para("OP1", "Decides ", ins("urgently "), dele("slowly "), "to act;"),
        para("OP2", dele("Requests a report;"), mark=dele(), whole="del"),
        para("OP2", "Invites States to report;"),
    ])
    url = f"sqlite:///{tmp_path / 's.db'}"
    init_store(url)
    with open_store(url) as opened:
        _, warnings = import_draft(opened, draft, SYMBOL)
        assert [w.message for w in warnings] == [
            "has 5 tracked changes; imported as if all were accepted - accept or reject "
            "them in Word first to be sure",
            "its 5 tracked changes are accepted in the document kept for the outputs "
            "(show, merge, revise), as the text was imported",
        ]
        add_delegations(opened, ["EU"])
        yield opened


def test_the_draft_shown_is_the_text_imported(store, tmp_path):
    write_stored_revision(store, SYMBOL, tmp_path / "shown.docx")
    assert _authors(tmp_path / "shown.docx") == []
    assert [(p.label, p.text) for p in read_docx_draft(tmp_path / "shown.docx").paragraphs
            ] == [("PP1", "Recalling its resolution 70/1,"), ("OP1", "Decides urgently to act;"),
                  ("OP2", "Invites States to report;")]


def test_merged_draft_and_revision_carry_only_the_delegations_changes(store, tmp_path):
    amendment = prepare_amendment(store, SYMBOL, Proposal("OP2", replace="report",
                                                          with_="inform"), "EU")
    (recorded,) = record(store, SYMBOL, [amendment]).amendments
    merge_to(store, SYMBOL, tmp_path / "merged.docx")
    assert _authors(tmp_path / "merged.docx") == ["EU", "EU"]
    store.decide(recorded.id, "accept")
    warnings: list[str] = []
    revise_document(store, SYMBOL, "Rev.1", warn=warnings.append)
    assert warnings == []
    write_stored_revision(store, SYMBOL, tmp_path / "rev1.docx")
    assert _authors(tmp_path / "rev1.docx") == []
    assert [(p.label, p.text) for p in read_docx_draft(tmp_path / "rev1.docx").paragraphs
            ][1:] == [("OP1", "Decides urgently to act;"), ("OP2", "Invites States to inform;")]
