"""Words deleted at the start of a paragraph (after the number Word gives it, or a typed
one) take the space after them in the merged draft, as Word's own cut of a word does:
Accept All gave " requests a report;", a leading space, where the deletion was the word
alone ("Further", as a delegation selects it, or as `amend --delete` names it). So too
words deleted between two spaces (no double space left) or at a paragraph's end (no
space left over); but a replacement's deletion at the end keeps it, its words typed
after it. Reject All still gives the source."""

from __future__ import annotations

import sys
from pathlib import Path

import docx
import pytest

sys.path.insert(0, str(Path(__file__).parents[1] / "readers"))
from docx_builders import Para, Styled, dele, ins, numbered, write_docx
from libreoffice import lo_track

from drafting.engine import Proposal
from drafting.outputs import merge_to
from drafting.store import init_store, open_store
from drafting.workflow import (
    add_delegations,
    import_draft,
    prepare_amendment,
    prepare_files,
    record,
)

SYMBOL = "A/C.2/81/L.96"
OP2 = "Further requests a report;"


def _draft(path: Path, op2: list, *, auto: bool) -> Path:
    """A draft whose operative paragraphs Word numbers (``auto``) or that type "2.<tab>";
    ``op2``: OP2's parts."""
    operative = [["Decides to convene a meeting;"], op2, ["Invites States to act;"]]
    lines = [Para([line]) for line in ("United Nations", SYMBOL, "Fiji: draft resolution")]
    lines += [Para(["Oceans and seas"], style="UN Title"), Para(["The General Assembly,"]),
              Para([Styled("Recalling"), " its resolution 70/1,"])]
    lines += [Para(([] if auto else [f"{n}.\t"]) + parts, style="Operative")
              for n, parts in enumerate(operative, 1)]
    write_docx(path, lines, title="", subtitle="", styles=("UN Title", "Operative"),
               header=SYMBOL)
    return numbered(path, "Operative") if auto else path


def _texts(path: Path) -> list[str]:
    return [p.text for p in docx.Document(path).paragraphs][-3:]


@pytest.mark.parametrize("auto", [True, False], ids=["Word's numbers", "typed numbers"])
@pytest.mark.parametrize(("asked", "made"), [
    ("copy", "requests a report;"),  # "Further" struck in the delegation's copy
    ("Further", "requests a report;"),
    ("a", "Further requests report;"),
    ("report;", "Further requests a"),
    ("Further ", "requests a report;"),  # with its space already: as it was
])
def test_deleted_words_leave_no_space_over(tmp_path, auto, asked, made):
    draft = _draft(tmp_path / "draft.docx", [OP2], auto=auto)
    url = f"sqlite:///{tmp_path / 's.db'}"
    init_store(url)
    with open_store(url) as store:
        import_draft(store, draft, "L96")
        add_delegations(store, ["EU"])
        if asked == "copy":
            copy = _draft(tmp_path / "eu.docx", [dele("Further"), " requests a report;"],
                          auto=auto)
            (prepared,) = prepare_files(store, "L96", [copy], delegation="EU")
            amendments = list(prepared.amendments)
        else:
            amendments = [prepare_amendment(store, "L96", Proposal("OP2", delete=asked), "EU")]
        record(store, "L96", amendments)
        merge_to(store, "L96", tmp_path / "merged.docx")
    number = "" if auto else "2.\t"
    lo_track("accept", tmp_path / "merged.docx", tmp_path / "accepted.docx")
    assert _texts(tmp_path / "accepted.docx")[1] == f"{number}{made}"
    if asked == "copy":  # Reject All once a form (each LibreOffice run is a second)
        lo_track("reject", tmp_path / "merged.docx", tmp_path / "rejected.docx")
        assert _texts(tmp_path / "rejected.docx") == _texts(draft)


@pytest.mark.parametrize("auto", [True, False], ids=["Word's numbers", "typed numbers"])
@pytest.mark.parametrize(("asked", "made"), [
    ("copy", "Further requests a note;"),  # "report;" struck and "note;" typed in a copy
    (("report;", "note;"), "Further requests a note;"),
    (("a report;", "an update;"), "Further requests an update;"),
    (("Further requests a report;", "Requests a note;"), "Requests a note;"),
])
def test_words_replaced_at_the_end_keep_the_space_before_them(tmp_path, auto, asked, made):
    """A replacement's deletion at a paragraph's end took the space before it, its words
    typed after it did not: Accept All gave "Further requests anote;"."""
    draft = _draft(tmp_path / "draft.docx", [OP2], auto=auto)
    url = f"sqlite:///{tmp_path / 's.db'}"
    init_store(url)
    with open_store(url) as store:
        import_draft(store, draft, "L96")
        add_delegations(store, ["EU"])
        if asked == "copy":
            copy = _draft(tmp_path / "eu.docx",
                          ["Further requests a ", dele("report;"), ins("note;")], auto=auto)
            (prepared,) = prepare_files(store, "L96", [copy], delegation="EU")
            amendments = list(prepared.amendments)
        else:
            old, new = asked
            amendments = [prepare_amendment(store, "L96", Proposal("OP2", replace=old,
                                                                   with_=new), "EU")]
        record(store, "L96", amendments)
        merge_to(store, "L96", tmp_path / "merged.docx")
    number = "" if auto else "2.\t"
    lo_track("accept", tmp_path / "merged.docx", tmp_path / "accepted.docx")
    assert _texts(tmp_path / "accepted.docx")[1] == f"{number}{made}"
    if asked == "copy":  # Reject All once a form (each LibreOffice run is a second)
        lo_track("reject", tmp_path / "merged.docx", tmp_path / "rejected.docx")
        assert _texts(tmp_path / "rejected.docx") == _texts(draft)
