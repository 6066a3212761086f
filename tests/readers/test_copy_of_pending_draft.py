"""A copy of a draft imported with the secretariat's changes still tracked in it, sent
back with the sender's own edits beside them: the secretariat's changes are the draft's
text whatever else the sender typed or tracked in the paragraph, and only the sender's
edits are proposed. They were read as the sender's proposals (``delete 'comprehensive'``
and ``insert ' comprehensive'`` in EU's name), or the file was refused, as soon as the
paragraph held anything else; a paragraph the draft tracked as inserted was the sender's
new paragraph, and the revision's paragraph read as deleted."""

from __future__ import annotations

from pathlib import Path

import pytest
from docx_builders import Para, dele, ins, para, write_docx

from drafting.store import init_store, open_store
from drafting.workflow import add_delegations, import_draft, prepare_files

SYMBOL = "A/HRC/61/L.12"
SEC, OLD = "Secretariat", "2026-10-01T09:00:00Z"
SENDER = {"Jane Delegate": "EU"}
OP2 = "Requests the Secretary-General to present a comprehensive report;"
OP3 = "Encourages States to protect journalists;"
OP4 = "Invites Member States to contribute to the trust fund;"


def s_ins(*parts):
    return ins(*parts, author=SEC, date=OLD)


def s_del(*parts):
    return dele(*parts, author=SEC, date=OLD)


def op2(before=("Requests the Secretary-General to present a ",), between=(), after=(";",)):
    """OP2 as the draft tracks it: "comprehensive " inserted, " at its session" deleted."""
    return para("OP2", *before, s_ins("comprehensive "), *between, "report",
                s_del(" at its eighty-second session"), *after)


def deleted_op3() -> Para:
    return Para([s_del("Notes the work of the Special Rapporteur;")], "OP3", mark=s_del(),
                label_mark=s_del())


def inserted_op3(*parts) -> Para:
    """OP3 tracked as inserted whole, LibreOffice's way: its own mark inserted too."""
    return Para(list(parts or [s_ins(OP3)]), "OP3", mark=s_ins(), label_mark=s_ins())


def _file(path: Path, op2_: Para | None = None, op3: Para | None = None,
          op4: str = OP4, word: bool = False) -> Path:
    """The draft, or a copy of it; ``word``: OP3 inserted as Word tracks it (by the mark
    before it: OP2's), the paragraph deleted before it left out."""
    op2_, op3 = op2_ or op2(), op3 or inserted_op3()
    if word:
        op2_.mark, op3.mark = s_ins(), None
    return write_docx(path, [
        para("PP1", "Recalling its resolution 70/1,"),
        para("OP1", "Calls upon all States to respect freedom of expression;"),
        op2_, *([] if word else [deleted_op3()]), op3, para("OP4", op4),
        para("OP5", "Decides to remain seized of the matter.")])


@pytest.fixture(params=[False, True], ids=["libreoffice", "word"])
def layout(request) -> bool:
    return request.param


@pytest.fixture
def store(tmp_path, layout):
    url = f"sqlite:///{tmp_path / 's.db'}"
    init_store(url)
    with open_store(url) as opened:
        document, _ = import_draft(opened, _file(tmp_path / "draft.docx", word=layout),
                                   SYMBOL)
        assert [(p.label, p.text) for p in document.current][2:] == [
            ("OP2", OP2), ("OP3", OP3), ("OP4", OP4),
            ("OP5", "Decides to remain seized of the matter.")]
        add_delegations(opened, ["EU"])
        yield opened


def _read(store, path: Path, **who) -> tuple[list[tuple], list[str]]:
    (prepared,) = prepare_files(store, SYMBOL, [path], **who)
    labels = {p.id: p.label for p in store.document(SYMBOL).current}
    return ([(labels[a.paragraph_id], a.kind.value, a.old_text, a.new_text, a.proponents)
             for a in prepared.amendments], list(prepared.warnings))


def _drafts_own(warnings: list[str]) -> bool:
    return any("changes tracked by Secretariat were in the draft already" in w
               for w in warnings)


def test_an_untracked_edit_in_the_same_paragraph(store, tmp_path):
    copy = _file(tmp_path / "eu.docx", op2(before=(
        "Also requests the Secretary-General to present a ",)))
    read, warnings = _read(store, copy, delegation="EU")
    assert read == [("OP2", "replace", "Requests", "Also requests", ("EU",))]
    assert _drafts_own(warnings)


def test_an_untracked_edit_next_to_the_tracked_insertion(store, tmp_path):
    copy = _file(tmp_path / "eu.docx", op2(before=(
        "Requests the Secretary-General to present an oral ",)))
    read, _ = _read(store, copy, delegation="EU")
    assert read == [("OP2", "replace", "a", "an oral", ("EU",))]


def test_an_untracked_edit_after_the_tracked_deletion(store, tmp_path):
    copy = _file(tmp_path / "eu.docx", op2(after=(" without delay;",)))
    read, _ = _read(store, copy, delegation="EU")
    assert read == [("OP2", "insert", "report", " without delay", ("EU",))]


@pytest.mark.parametrize("date", [None, OLD], ids=["later", "same-date"])
def test_a_tracked_insertion_next_to_the_secretariats(store, tmp_path, date):
    extra = {} if date is None else {"date": date}  # the same date: weighed, not ordered
    copy = _file(tmp_path / "eu.docx", op2(between=(ins("written ", **extra),)))
    read, warnings = _read(store, copy, authors=SENDER)
    assert read == [("OP2", "insert", "comprehensive", " written", ("EU",))]
    assert _drafts_own(warnings)


def test_a_tracked_insertion_after_the_secretariats_deletion(store, tmp_path):
    copy = _file(tmp_path / "eu.docx", op2(after=(ins(" at its eighty-third session"), ";")))
    read, _ = _read(store, copy, authors=SENDER)
    assert read == [("OP2", "insert", "report", " at its eighty-third session", ("EU",))]


def test_a_tracked_deletion_of_the_secretariats_insertion(store, tmp_path):
    copy = _file(tmp_path / "eu.docx", para(
        "OP2", "Requests the Secretary-General to present a ",
        s_ins(dele("comprehensive ")), "report", s_del(" at its eighty-second session"), ";"))
    read, _ = _read(store, copy, authors=SENDER)
    assert read == [("OP2", "delete", " comprehensive", "", ("EU",))]  # as if untracked


def test_the_drafts_inserted_and_deleted_paragraphs(store, tmp_path, layout):
    copy = _file(tmp_path / "eu.docx", op4="Invites all Member States to contribute to "
                 "the trust fund;", word=layout)
    read, warnings = _read(store, copy, delegation="EU")
    assert read == [("OP4", "insert", "Invites", " all", ("EU",))]
    assert _drafts_own(warnings)


def test_an_untracked_edit_in_the_drafts_inserted_paragraph(store, tmp_path, layout):
    copy = _file(tmp_path / "eu.docx", op3=inserted_op3(
        s_ins("Encourages "), "all ", s_ins("States to protect journalists;")), word=layout)
    read, _ = _read(store, copy, delegation="EU")
    assert read == [("OP3", "insert", "Encourages", " all", ("EU",))]


def test_a_tracked_edit_in_the_drafts_inserted_paragraph(store, tmp_path, layout):
    copy = _file(tmp_path / "eu.docx", op3=inserted_op3(
        s_ins("Encourages "), ins("all "), s_ins("States to protect ", dele("journalists")),
        ins("media workers"), s_ins(";")), word=layout)
    read, _ = _read(store, copy, authors=SENDER)
    assert read == [("OP3", "insert", "Encourages", " all", ("EU",)),
                    ("OP3", "replace", "journalists", "media workers", ("EU",))]


def test_the_senders_own_new_paragraph_stays_one(store, tmp_path):
    """A new paragraph like the draft's inserted one, by the sender, beside it (accepted
    in the copy): the sender's proposal still."""
    new = write_docx(tmp_path / "new.docx", [
        para("PP1", "Recalling its resolution 70/1,"),
        para("OP1", "Calls upon all States to respect freedom of expression;"),
        op2(), para("OP3", OP3), Para([ins("Encourages States to protect human rights "
                                           "defenders;")], "OP3", mark=ins(),
                                      label_mark=ins()),
        para("OP4", OP4), para("OP5", "Decides to remain seized of the matter.")])
    read, _ = _read(store, new, authors=SENDER)
    assert read == [("OP3", "new paragraph", "", "Encourages States to protect human "
                     "rights defenders;", ("EU",))]
