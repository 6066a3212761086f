"""`drafting.workflow`: the steps the command line takes, on a real SQLite store."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

from drafting.engine import BracketAction, BracketDecision, Proposal
from drafting.errors import DraftingError, InputError
from drafting.model import AmendmentStatus, ParagraphStatus
from drafting.outputs import compile_to, merge_to, write_revision
from drafting.store import init_store, open_store
from drafting.workflow import (
    add_delegations,
    agree_paragraph,
    bracket_decisions,
    bracket_progress,
    export_json,
    import_draft,
    list_amendments,
    prepare_amendment,
    prepare_files,
    proposals_preview,
    record,
    revise_document,
    write_atomically,
)

ROOT = Path(__file__).parents[1]
SAMPLES = ROOT / "samples"
SYMBOL = "A/C.2/81/L.7"


@pytest.fixture(scope="module")
def _store_file(tmp_path_factory) -> Path:
    """The sample draft imported and eight delegations added, once per module."""
    path = tmp_path_factory.mktemp("workflow") / "w.db"
    url = f"sqlite:///{path}"
    init_store(url)
    with open_store(url) as opened:
        document, warnings = import_draft(opened, SAMPLES / "zero-draft.md", SYMBOL,
                                          title="Fisheries", actor="secretariat")
        assert document.title == "Fisheries" and warnings == []
        add_delegations(opened, ["EU", "G77", "USA", "JPN", "AOSIS", "AUS", "NZL", "FJI"])
    return path


@pytest.fixture
def store(_store_file, tmp_path):
    """A copy of the module's store, the test's own."""
    shutil.copyfile(_store_file, tmp_path / "w.db")
    with open_store(f"sqlite:///{tmp_path / 'w.db'}") as opened:
        yield opened


def test_prepared_amendment_is_previewed_and_recorded_only_by_record(store):
    proposal = Proposal("op 24", replace="submit", with_="transmit")
    amendment = prepare_amendment(store, SYMBOL, proposal, "JPN")
    lines = proposals_preview(store.document(SYMBOL), [amendment])
    assert lines == ["OP24: replace 'submit' -> 'transmit'  (JPN)"]
    assert store.amendments(SYMBOL) == []
    result = record(store, SYMBOL, [amendment])
    assert result.ids == ("A1",)
    assert [a.new_text for a in store.amendments(SYMBOL)] == ["transmit"]


def test_unknown_delegation_and_paragraph_are_refused(store):
    with pytest.raises(InputError, match="unknown delegation XYZ"):
        prepare_amendment(store, SYMBOL, Proposal("OP1", retain=True), "XYZ")
    with pytest.raises(DraftingError, match="OP99"):
        prepare_amendment(store, SYMBOL, Proposal("OP99", retain=True), "EU")
    with pytest.raises(InputError, match="already in the store"):
        add_delegations(store, ["CAN", "EU"])
    assert "CAN" not in {d.code for d in store.delegations()}


def test_prepare_files_checks_every_file_before_anything(store):
    files = sorted((SAMPLES / "submissions").glob("*.json"))
    prepared = prepare_files(store, SYMBOL, files)
    assert [p.path.name for p in prepared] == [f.name for f in files]
    assert store.amendments(SYMBOL) == []
    with pytest.raises(InputError, match=r"cannot submit '\.txt'"):
        prepare_files(store, SYMBOL, [*files, Path("notes.txt")])


def test_compile_merge_and_export(store, tmp_path):
    for path in sorted((SAMPLES / "submissions").glob("*.json")):
        [prepared] = prepare_files(store, SYMBOL, [path])
        record(store, SYMBOL, prepared.amendments)
    compilation = compile_to(store, SYMBOL, tmp_path / "c.md")
    assert "(EU)" in (tmp_path / "c.md").read_text(encoding="utf-8")
    assert compilation.revision == "Zero draft"
    merge_to(store, SYMBOL, tmp_path / "m.docx", delegations=["USA"])
    assert (tmp_path / "m.docx").stat().st_size > 0
    with pytest.raises(InputError, match=r"use \.docx"):
        merge_to(store, SYMBOL, tmp_path / "m.md")
    _, submitted = list_amendments(store, SYMBOL, paragraph="OP24", statuses=["submitted"])
    assert {a.proponents[0] for a in submitted} == {"EU", "G77"}
    with pytest.raises(InputError, match="unknown status"):
        list_amendments(store, SYMBOL, statuses=["pending"])
    data = export_json(store, SYMBOL, tmp_path / "e.json")
    assert json.loads((tmp_path / "e.json").read_text(encoding="utf-8")) == data
    assert data["events"][0]["kind"] == "import"


def test_revise_applies_decisions_and_keeps_agreed_paragraphs(store):
    eu = prepare_amendment(store, SYMBOL, Proposal("OP24", replace="submit", with_="present"),
                           "EU")
    usa = prepare_amendment(store, SYMBOL, Proposal("OP21", delete="high-level"), "USA")
    jpn = prepare_amendment(store, SYMBOL, Proposal("OP17", retain=True), "JPN")
    ids = [record(store, SYMBOL, [a]).ids[0] for a in (eu, usa, jpn)]
    store.decide(ids[0], "accept")
    store.decide(ids[1], "reject")
    agree_paragraph(store, SYMBOL, "OP1", ad_ref=True)
    outcome = revise_document(store, SYMBOL, "Rev.1")
    document = store.document(SYMBOL)
    current = document.current
    assert current.label == outcome.revision.label == "Rev.1"
    assert "submit" not in current.by_label("OP24").text
    assert "high-level" in current.by_label("OP21").text
    assert current.by_label("OP1").status is ParagraphStatus.AGREED_AD_REF
    statuses = {a.id: a.status for a in store.amendments(SYMBOL)}
    assert statuses == {ids[0]: AmendmentStatus.ACCEPTED, ids[1]: AmendmentStatus.REJECTED,
                        ids[2]: AmendmentStatus.SUBMITTED}
    assert next(a for a in store.amendments(SYMBOL) if a.id == ids[2]).revision == "Rev.1"
    second = revise_document(store, SYMBOL, "Rev.2")  # the accepted one is not applied twice
    assert second.revision.by_label("OP24").text == current.by_label("OP24").text
    assert store.verify().ok


def test_write_atomically_replaces_whole_or_names_the_file(tmp_path):
    target = tmp_path / "out.md"
    write_atomically(target, "one")
    write_atomically(target, "two")
    assert target.read_text(encoding="utf-8") == "two"
    assert [p.name for p in tmp_path.iterdir()] == ["out.md"]
    with pytest.raises(DraftingError, match="cannot write the file"):
        write_atomically(tmp_path / "missing" / "out.md", "x")


def test_bracket_decisions_read_as_people_write_them(store):
    current = store.document(SYMBOL).current
    op6, op22, op24 = (current.by_label(label) for label in ("OP6", "OP22", "OP24"))
    assert bracket_decisions(current, choose=["OP24=present"], keep=["OP22#2"],
                             drop=["PP12"]) == [
        BracketDecision(op24.id, 0, BracketAction.CHOOSE, 1),
        BracketDecision(op22.id, 1, BracketAction.AGREE),
        BracketDecision(current.by_label("PP12").id, 0, BracketAction.DELETE),
    ]
    # [invites][encourages] is one choice between two adjacent brackets
    assert bracket_decisions(current, choose=["op 6 = encourages"]) == [
        BracketDecision(op6.id, 0, BracketAction.CHOOSE, 1)]


@pytest.mark.parametrize(("kwargs", "says"), [
    ({"choose": ["OP24"]}, "e.g. OP24=present"),
    ({"choose": ["OP24=transmit"]}, r"no bracket offers 'transmit'.*\[submit / present\]"),
    ({"choose": ["OP99=present"]}, "has no paragraph OP99"),
    ({"keep": ["OP22#3"]}, "there is no bracket 3"),
    ({"keep": ["OP22#x"]}, "give the bracket's number"),
    ({"drop": ["OP1"]}, "OP1 has no brackets left"),
    ({"keep": ["OP24"]}, r'keeping a bracket of alternatives means choosing one: use '
                         r'--choose "OP24#1=\.\.\."'),
    ({"choose": ["OP24=present"], "drop": ["OP24"]}, "decided twice"),
])
def test_bracket_decisions_refuse_what_does_not_fit(store, kwargs, says):
    current = store.document(SYMBOL).current
    with pytest.raises(InputError, match=says):
        decisions = bracket_decisions(current, **kwargs)
        revise_document(store, SYMBOL, "Rev.1", brackets=decisions)
    assert [r.label for r in store.document(SYMBOL).revisions] == ["Zero draft"]


def test_keep_or_drop_on_a_paragraph_settles_every_bracket_and_an_empty_one_goes(store):
    current = store.document(SYMBOL).current
    op22 = current.by_label("OP22")
    kept = bracket_decisions(current, keep=["OP22"])  # "[, [including through] ...,]"
    assert [(d.paragraph_id, d.group) for d in kept] == [(op22.id, 0), (op22.id, 1)]
    outcome = revise_document(store, SYMBOL, "Rev.1", brackets=kept)
    assert "meeting, including through voluntary contributions, and in its" in \
        outcome.revision.by_id(op22.id).text
    assert outcome.emptied == ()


def test_a_paragraph_whose_every_bracket_is_dropped_is_deleted_and_said(tmp_path):
    from drafting.engine import Decisions, revise
    from drafting.model import Document, Paragraph, ParagraphKind, Revision

    zero = Revision("Zero draft", (
        Paragraph("p1", "OP1", ParagraphKind.OPERATIVE, "Decides to act;"),
        Paragraph("p2", "OP2", ParagraphKind.OPERATIVE, "[Requests a report] [annually];"),
        Paragraph("p3", "OP3", ParagraphKind.OPERATIVE, "[Invites States to act.]")))
    decisions = bracket_decisions(zero, drop=["OP2", "OP3"])
    assert len(decisions) == 3
    outcome = revise(Document("A/1", "T", (zero,)), [], Decisions(brackets=tuple(decisions)),
                     label="Rev.1")
    assert [(p.label, p.text) for p in outcome.revision] == [("OP1", "Decides to act;")]
    assert outcome.emptied == ("OP2", "OP3")  # a ";" alone is no paragraph
    assert outcome.label_table == {"OP2": "", "OP3": ""}


def test_revise_settles_brackets_and_reports_progress(store):
    current = store.document(SYMBOL).current
    decisions = bracket_decisions(current, choose=["OP24=present", "OP6=encourages"],
                                  drop=["OP21"])
    outcome = revise_document(store, SYMBOL, "Rev.1", brackets=decisions)
    texts = {p.label: p.text for p in outcome.revision}
    assert "to present to the General Assembly" in texts["OP24"]
    assert "and encourages States that have not yet done so" in texts["OP6"]
    assert "within existing resources" not in texts["OP21"]
    assert "General Assembly, in consultation with Member States" in texts["OP21"]
    report = bracket_progress(store.document(SYMBOL))
    assert (report.previous_label, report.previous_total, report.total) == ("Zero draft", 9, 5)
    assert bracket_progress(store.document(SYMBOL), "Zero draft").previous_total is None


def test_write_revision_as_word_and_as_text_reads_back(store, tmp_path):
    from drafting.readers import read_draft

    document = store.document(SYMBOL)
    for name in ("zero.docx", "zero.md", "zero.txt"):
        written = write_revision(document, tmp_path / name)
        assert written.label == "Zero draft"
        back = read_draft(tmp_path / name).paragraphs
        assert [(p.label, p.text) for p in back if p.label.startswith(("PP", "OP"))] == [
            (p.label, p.text) for p in document.current if p.label.startswith(("PP", "OP"))]
    with pytest.raises(InputError, match=r"use \.docx, \.pdf, \.md, \.txt"):
        write_revision(document, tmp_path / "zero.html")
    with pytest.raises(InputError, match=r"no revision 'Rev\.9'"):
        write_revision(document, tmp_path / "z.docx", revision="Rev.9")


def test_export_validates_against_its_schema_and_the_schema_has_teeth(store, tmp_path):
    schema = json.loads((ROOT / "schemas" / "export.schema.json").read_text(encoding="utf-8"))
    validator = jsonschema.Draft202012Validator(schema)
    validator.check_schema(schema)
    for path in sorted((SAMPLES / "submissions").glob("*.json")):
        [prepared] = prepare_files(store, SYMBOL, [path])
        record(store, SYMBOL, prepared.amendments)
    first = store.amendments(SYMBOL)[0].id
    store.withdraw(first, store.amendments(SYMBOL)[0].proponents[0])
    revise_document(store, SYMBOL, "Rev.1")
    data = export_json(store, SYMBOL, tmp_path / "e.json")
    validator.validate(data)
    assert {a["status"] for a in data["amendments"]} >= {"withdrawn", "submitted"}
    assert all(a["span"] is None or a["span"]["start"] <= a["span"]["end"]
               for a in data["amendments"])
    broken = json.loads(json.dumps(data))
    broken["amendments"][0]["status"] = "pending"
    del broken["revisions"][0]["paragraphs"][0]["id"]
    broken["events"][0]["hash"] = "not a hash"
    problems = {tuple(e.absolute_path) for e in validator.iter_errors(broken)}
    assert problems == {("amendments", 0, "status"), ("revisions", 0, "paragraphs", 0),
                        ("events", 0, "hash")}


def test_long_functions_announce_each_step_before_doing_it(store, tmp_path):
    for path in sorted((SAMPLES / "submissions").glob("*.json")):
        [prepared] = prepare_files(store, SYMBOL, [path])
        record(store, SYMBOL, prepared.amendments)
    said: list[str] = []
    compile_to(store, SYMBOL, tmp_path / "c.html", step=said.append)
    assert said == [f"loading {SYMBOL}", "merging 28 amendments", "writing c.html"]
    said.clear()
    merge_to(store, SYMBOL, tmp_path / "m.docx", delegations=["EU"], step=said.append)
    assert said == [f"loading {SYMBOL}", "merging 6 amendments", "writing m.docx"]
    said.clear()
    revise_document(store, SYMBOL, "Rev.1", step=said.append)
    assert said == [f"loading {SYMBOL}", "checking the record",
                    "issuing Rev.1 with 0 accepted amendments", "storing Rev.1"]
    said.clear()
    import_draft(store, SAMPLES / "zero-draft.md", "copy", step=said.append)
    assert said == ["reading zero-draft.md", "storing 40 paragraphs"]


def _printed_by_a_process(store, *lines: str) -> str:
    """What a fresh Python process prints running ``lines`` with ``store`` open as
    ``store`` (and ``sys`` imported): which modules a step loads, unseen by this one."""
    code = "\n".join(["import sys", "from drafting.store import open_store",
                      f"with open_store({store.url!r}) as store:",
                      *(f"    {line}" for line in lines[:-1]), lines[-1]])
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True).stdout


def test_submitting_json_loads_no_word_code(store):
    eu = str(SAMPLES / "submissions" / "eu.json")
    shown = _printed_by_a_process(
        store, "from drafting.workflow import prepare_files",
        f"[done] = prepare_files(store, {SYMBOL!r}, [{eu!r}])",
        "print(len(done.amendments), sorted({'docx', 'lxml'} & set(sys.modules)))")
    assert shown.split(maxsplit=1) == ["6", "[]\n"]


def test_compiling_loads_no_reader_nor_the_inbox(store, tmp_path):
    # a compilation reads no file: the text reader, the inbox and the Word readers (and
    # the time their imports take) stay out of compile and merge
    shown = _printed_by_a_process(
        store, "from drafting.outputs import compile_to",
        f"compile_to(store, {SYMBOL!r}, {str(tmp_path / 'c.md')!r})",
        "print(sorted(m for m in sys.modules if m in ('drafting.intake', 'drafting.inbox')\n"
        "             or m.startswith(('drafting.readers.text', 'drafting.readers.docx'))))")
    assert shown == "[]\n" and (tmp_path / "c.md").exists()


def test_a_compilation_to_markdown_or_html_loads_no_word_library(store, tmp_path):
    # python-docx and lxml are for the Word outputs: a page or a text compiled without
    # them starts a tenth of a second sooner (the writers' text helpers live apart)
    shown = _printed_by_a_process(
        store, "from drafting.outputs import compile_to",
        f"compile_to(store, {SYMBOL!r}, {str(tmp_path / 'c.md')!r})",
        f"compile_to(store, {SYMBOL!r}, {str(tmp_path / 'c.html')!r})",
        "print(sorted({'docx', 'lxml'} & set(sys.modules)))")
    assert shown == "[]\n"
    assert "<html" in (tmp_path / "c.html").read_text(encoding="utf-8")


def test_a_preview_shows_spacing_as_it_is_never_as_nothing(store):
    """A change of spacing alone (a JSON file may propose a line break) was shown
    "replace '' -> ''": nothing anyone could check."""
    amendment = prepare_amendment(store, SYMBOL, Proposal("op 24", replace=" ", with_="\n",
                                                          occurrence=1), "JPN")
    lines = proposals_preview(store.document(SYMBOL), [amendment])
    assert lines == ["OP24: replace ' ' -> '\\n'  (JPN)"]
