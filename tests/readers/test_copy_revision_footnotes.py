"""A delegation edits the copy of the zero draft it kept and sends it after Rev.1, which
took a footnote away with its marker. The copy's footnote is one Rev.1 has not, so its
paragraph read as Rev.1 has it (the marker aside) and outweighed the paragraphs only the
zero draft has: the copy was read against Rev.1 and every change Rev.1 made proposed
undone in the delegation's name. The footnote only the zero draft has tells the copy too."""

from __future__ import annotations

import zipfile
from pathlib import Path

from un_documents import ga_draft, libreoffice_docx

from drafting.engine import Proposal
from drafting.store import init_store, open_store
from drafting.workflow import (
    add_delegations,
    import_draft,
    prepare_amendment,
    prepare_files,
    record,
    revise_document,
)

SYMBOL = "A/C.2/81/L.99"


def _edited(source: Path, path: Path, *changes: tuple[str, str]) -> Path:
    """``source`` with each (old, new) words of ``changes`` changed, untracked, in its
    body: the delegation's own clean copy."""
    with zipfile.ZipFile(source) as package:
        parts = {info.filename: package.read(info) for info in package.infolist()}
    body = parts["word/document.xml"].decode()
    for old, new in changes:
        assert old in body
        body = body.replace(old, new, 1)
    parts["word/document.xml"] = body.encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as package:
        for name, data in parts.items():
            package.writestr(name, data)
    return path


def test_a_copy_of_the_zero_draft_is_told_by_a_footnote_rev1_took_away(tmp_path):
    source = libreoffice_docx(ga_draft(), tmp_path / "L99.docx")
    url = f"sqlite:///{tmp_path / 's.db'}"
    init_store(url)
    with open_store(url) as store:
        import_draft(store, source, SYMBOL)
        add_delegations(store, ["EU", "BRA"])
        for proposal in (Proposal("OP1", insert=" sustainable", after="on"),
                         Proposal("OP3", replace="a report", with_="an annual report"),
                         Proposal("OP4", new_paragraph="Decides to remain seized of the "
                                  "matter."),
                         Proposal("PP2", delete="[^1]")):
            (made,) = record(store, SYMBOL, [prepare_amendment(store, SYMBOL, proposal,
                                                               "EU")]).amendments
            store.decide(made.id, "accept")
        revise_document(store, SYMBOL, "Rev.1")
        sent = _edited(source, tmp_path / "BRA.docx", ("one-day", "two-day"),
                       ("Member States", "all Member States"))
        [prepared] = prepare_files(store, SYMBOL, [sent], delegation="BRA")
    made = [(a.revision, a.old_text, a.new_text) for a in prepared.amendments]
    assert len(made) == 2 and all(revision == "Rev.1" for revision, _, _ in made)
    assert "two" in made[0][2] and "all" in made[1][2]
    assert any("the file is a copy of Zero draft" in w for w in prepared.warnings)
