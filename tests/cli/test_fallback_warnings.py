"""When a draft's own Word document cannot take its changes, `merge`, `revise` and
`diff` still do their work, in our layout, and say so: nothing falls back silently."""

from __future__ import annotations

import io

import docx
from test_workflow_commands import drafting

from drafting.readers.textfile import read_text
from drafting.store import open_store

SYMBOL = "T/9"


def _elsewhere() -> bytes:
    """A Word file that does not hold the draft (kept as its source by a tool, or read
    differently by an earlier version of the reader)."""
    word = docx.Document()
    word.add_paragraph("1.\tSomething else entirely;")
    buffer = io.BytesIO()
    word.save(buffer)
    return buffer.getvalue()


def test_merge_revise_and_diff_say_when_the_drafts_own_document_was_not_used(tmp_path):
    db = tmp_path / "s.db"
    assert drafting(db, "init").returncode == 0
    draft = read_text("The Parties,\n\n1. Each Party shall report annually.\n")
    with open_store(f"sqlite:///{db}") as store:
        store.add_document(draft.to_document(SYMBOL), source=_elsewhere())
    for args in (("delegation", "add", "EU"),
                 ("amend", SYMBOL, "OP1", "--delegation", "EU", "--delete", " annually",
                  "--yes")):
        assert drafting(db, *args).returncode == 0

    merged = drafting(db, "merge", SYMBOL, "-o", str(tmp_path / "merged.docx"))
    assert merged.returncode == 0, merged.stderr
    assert "warning: merged.docx: written in drafting's own layout, not in the Word " \
        f"document of {SYMBOL} Zero draft (the Word source of {SYMBOL} " \
        "does not hold its Zero draft text)" in merged.stderr
    body = docx.Document(str(tmp_path / "merged.docx")).element.body.xml
    assert 'w:author="EU"' in body and "annually" in body  # the proposal is there all the same

    assert drafting(db, "decide", "A1", "accept").returncode == 0
    revised = drafting(db, "revise", SYMBOL, "--label", "Rev.1")
    assert revised.returncode == 0, revised.stderr
    assert f"warning: {SYMBOL} Rev.1: its Word document could not be made from Zero " \
        "draft's" in revised.stderr
    with open_store(f"sqlite:///{db}") as store:
        assert store.document(SYMBOL).current.paragraphs[0].text == "Each Party shall report."

    diffed = drafting(db, "diff", SYMBOL, "Zero draft", "Rev.1", "-o", str(tmp_path / "d.docx"))
    assert diffed.returncode == 0, diffed.stderr
    assert "warning: d.docx: written in drafting's own layout" in diffed.stderr

    shown = drafting(db, "show", SYMBOL, "-o", str(tmp_path / "rev1.docx"))
    assert shown.returncode == 0, shown.stderr
    assert "warning: rev1.docx: written in drafting's own layout, not in the Word document " \
        f"of {SYMBOL} Rev.1 (that document does not read as Rev.1's paragraphs)" in shown.stderr
    text = "\n".join(p.text for p in docx.Document(str(tmp_path / "rev1.docx")).paragraphs)
    assert "Each Party shall report." in text and "Something else" not in text


def test_a_draft_without_a_word_document_merges_without_a_warning(tmp_path):
    db = tmp_path / "s.db"
    (tmp_path / "t.md").write_text("The Parties,\n\n1. Each Party shall report.\n")
    for args in (("init",), ("import", str(tmp_path / "t.md"), "--doc", SYMBOL)):
        assert drafting(db, *args).returncode == 0
    merged = drafting(db, "merge", SYMBOL, "-o", str(tmp_path / "merged.docx"))
    assert merged.returncode == 0 and "warning" not in merged.stderr
