"""The synthetic negotiation and the speed benchmark, at a small size: that they work, not
how fast (speed is printed by `python benchmarks/run.py`, never asserted)."""

from __future__ import annotations

import importlib.util
import json
import re
import subprocess
import sys
import zipfile
from collections import Counter
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from drafting.readers import load_submission, read_docx_submission, read_draft
from drafting.readers.submission import ACTIONS

ROOT = Path(__file__).parents[1]
sys.path.insert(0, str(ROOT / "samples"))

from synthetic import MEMBER_STATES, write_workload  # noqa: E402

SCHEMA = Draft202012Validator(json.loads(
    (ROOT / "schemas" / "submission.schema.json").read_text(encoding="utf-8")))
SIZE = {"paragraphs": 60, "delegations": 12, "per_delegation": 20}


def _run_module():
    spec = importlib.util.spec_from_file_location("bench_run", ROOT / "benchmarks" / "run.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look themselves up there
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def workload(tmp_path_factory):
    return write_workload(tmp_path_factory.mktemp("workload"), seed=3, **SIZE)


def _contents(folder: Path) -> dict[str, bytes]:
    """Every file the generator wrote; of the Word files, the document part (the package
    also holds the time it was written)."""
    found = {}
    for path in sorted(folder.rglob("*")):
        if path.suffix == ".docx":
            with zipfile.ZipFile(path) as package:
                found[path.name] = package.read("word/document.xml")
        elif path.is_file():
            found[str(path.relative_to(folder))] = path.read_bytes()
    return found


def test_the_generator_is_deterministic_by_seed(tmp_path):
    small = {"paragraphs": 30, "delegations": 4, "per_delegation": 5}
    first = write_workload(tmp_path / "a", seed=7, **small)
    write_workload(tmp_path / "b", seed=7, **small)
    write_workload(tmp_path / "c", seed=8, **small)
    assert _contents(tmp_path / "a") == _contents(tmp_path / "b")
    assert _contents(tmp_path / "a") != _contents(tmp_path / "c")
    assert first.codes == MEMBER_STATES[:4]
    assert [p.name for p in first.submissions] == [f"{c.lower()}.json" for c in first.codes]


def test_the_draft_reads_the_same_from_markdown_and_word(workload):
    from_md = read_draft(workload.draft_md)
    from_docx = read_draft(workload.draft_docx)
    assert [(p.label, p.text) for p in from_md.paragraphs] == [
        (p.label, p.text) for p in from_docx.paragraphs]
    labels = [p.label for p in from_md.paragraphs if not p.label.startswith("H")]
    assert len(labels) == SIZE["paragraphs"]
    texts = [p.text for p in from_md.paragraphs if p.label.startswith(("PP", "OP"))]
    assert all(t.endswith(",") for t, label in zip(texts, labels, strict=True)
               if label.startswith("PP"))
    assert all(t.endswith(";") for t, label in zip(texts, labels, strict=True)
               if label.startswith("OP"))
    assert any("[" in t for t in texts) and all(40 <= len(t.split()) <= 110 for t in texts)


def test_the_submissions_fit_the_schema_and_the_draft(workload):
    document = read_draft(workload.draft_md).to_document(workload.symbol)
    kinds: Counter[str] = Counter()
    per_paragraph: Counter[str] = Counter()
    for path, code in zip(workload.submissions, workload.codes, strict=True):
        data = json.loads(path.read_text(encoding="utf-8"))
        assert SCHEMA.is_valid(data), path.name
        assert (data["document"], data["delegation"]) == (workload.symbol, code)
        _, amendments = load_submission(path, document, delegations=set(workload.codes))
        assert len(amendments) == SIZE["per_delegation"]
        kinds.update(next(key for key in ACTIONS if key in item) for item in data["amendments"])
        per_paragraph.update(item["paragraph"] for item in data["amendments"])
    assert set(kinds) == set(ACTIONS)  # every kind of amendment occurs
    crowded = sum(count for _, count in per_paragraph.most_common(SIZE["paragraphs"] // 10))
    assert crowded / sum(per_paragraph.values()) > 0.8  # crowding onto a tenth of the text


def test_the_tracked_word_file_holds_its_changes(workload):
    document = read_draft(workload.draft_md).to_document(workload.symbol)
    read = read_docx_submission(workload.tracked_docx, document, delegation=workload.codes[0])
    assert read.tracked
    assert len(read.amendments) == SIZE["per_delegation"]
    assert {a.proponents for a in read.amendments} == {(workload.codes[0],)}
    kinds = Counter(str(a.kind) for a in read.amendments)
    assert kinds["new paragraph"] == 1 and set(kinds) <= {
        "new paragraph", "replace", "delete", "insert"}


def test_the_benchmark_runs_every_step_and_prints_its_figures(tmp_path):
    run = _run_module()
    postgres = run.postgres_problem(run.POSTGRES_URL) is None
    done = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "run.py"), "--paragraphs", "30",
         "--delegations", "5", "--sizes", "4", "--together", "--import-runs", "1",
         "--keep", str(tmp_path / "kept")],
        capture_output=True, text=True, timeout=600, check=False)
    assert done.returncode == 0, done.stderr
    figures = json.loads(done.stdout.strip().splitlines()[-1])
    assert figures["backends"] == (["sqlite", "postgresql"] if postgres else ["sqlite"])
    (size,) = figures["sizes"]
    assert (size["paragraphs"], size["amendments"], size["hot_share"]) == (30, 20, 10)
    assert size["floor"]["work_seconds"] > 0  # the floor tells its own work
    for backend in figures["backends"]:
        assert set(size[backend]) == set(run.STEPS)
        for name, step in size[backend].items():
            assert step["seconds"] > 0 and step["peak_mb"] > 0 and step["x_floor"] > 0
            assert step["x_stack"] == round(step["seconds"] / size[backend]["stack"]["seconds"],
                                            2)
            if name in ("stack", "imports"):  # yardsticks: no drafting in them
                assert step["work_seconds"] is None
            else:  # drafting told its own work (DRAFTING_TIMING), less than the process
                assert 0 < step["work_seconds"] < step["seconds"]
                assert step["x_floor_work"] > 0 and step["work_cpu"] > 0
    assert "import the draft (.md)" in done.stdout  # the table for people
    written = {p.name for p in (tmp_path / "kept").rglob("*") if p.is_file()}
    assert {"compilation.docx", "compilation.html", "compilation.md", "merged.docx",
            "positions.md", "export.json", "diff.docx", "floor.docx"} <= written


def test_the_inbox_scenario_reads_every_delegations_copy_in_one_command(tmp_path):
    """Each delegation's tracked and edited copy (named by its code) read with one `submit
    --by-filename` each and merged: every copy's changes recorded as its delegation's."""
    done = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "run.py"), "--scenario", "inbox",
         "--paragraphs", "30", "--delegations", "4", "--sizes", "3", "--no-postgres",
         "--import-runs", "1", "--libreoffice", "0", "--keep", str(tmp_path / "kept")],
        capture_output=True, text=True, timeout=600, check=False)
    assert done.returncode == 0, done.stderr
    (size,) = json.loads(done.stdout.strip().splitlines()[-1])["sizes"]
    assert set(size["sqlite"]) == {"stack", "imports", "import_docx", "submit_tracked",
                                   "submit_edited", "merge_edited"}
    codes = sorted(p.stem for p in (tmp_path / "kept").rglob("edited/*.docx"))
    [merged] = (tmp_path / "kept").rglob("merged-inbox.docx")
    with zipfile.ZipFile(merged) as package:
        body = package.read("word/document.xml").decode("utf-8")
    authors = Counter(re.findall(r'<w:(?:ins|del) [^>]*w:author="([^"]+)"', body))
    credited = Counter()  # identical changes from two copies are one, credited to both
    for author, count in authors.items():
        credited.update(dict.fromkeys(author.split(", "), count))
    assert len(codes) == 4 and sorted(credited) == codes  # every copy's changes, its own
    assert min(credited.values()) >= 20  # 20 changes a copy (a replacement is two marks)


def test_growth_is_the_work_beyond_a_steps_imports_over_the_amendments():
    run = _run_module()

    def size(amendments: int, cpu: float) -> dict:
        steps = {"stack": {"seconds": 0.3, "cpu_seconds": 0.3, "peak_mb": 45,
                           "work_seconds": None},
                 "imports": {"seconds": 0.5, "cpu_seconds": 0.5, "peak_mb": 50,
                             "work_seconds": None},
                 "merge_docx": {"seconds": cpu + 0.1, "cpu_seconds": cpu, "peak_mb": 100,
                                "work_seconds": cpu - 0.2, "floor_work": 0.1,
                                "imports_seconds": 0.6, "imports_cpu": 0.5}}
        run._ratios(steps)
        return {"amendments": amendments, "sqlite": steps}

    grown = run.growth(size(10_000, 1.5), size(100_000, 12.5), ["sqlite"])
    merge = grown["sqlite"]["merge_docx"]
    assert grown["amendments"] == 10.0
    assert merge["work_cpu"] == 12.0  # (12.5 - 0.5) / (1.5 - 0.5): its imports left out
    assert merge["per_amendment"] == 1.2 and merge["peak_mb"] == 1.0
    table = run.growth_table(size(10_000, 1.5), size(100_000, 12.5), grown, "sqlite",
                             {"merge_docx": "merge to .docx"})
    assert "merge to .docx" in table and table.rstrip().endswith("ok")
    over = run.growth(size(10_000, 1.5), size(100_000, 13.5), ["sqlite"])
    assert over["sqlite"]["merge_docx"]["per_amendment"] == 1.3
    assert run.growth_table(size(10_000, 1.5), size(100_000, 13.5), over, "sqlite",
                            {"merge_docx": "merge"}).rstrip().endswith("OVER")


def test_every_scenario_names_its_steps_once_and_times_the_yardsticks_first():
    run = _run_module()
    for scenario in run.SCENARIOS.values():
        names = [step.name for step in scenario.steps]
        assert len(names) == len(set(names))
        assert names[:2] == ["stack", "imports"]
        assert all(step.yardstick == (step.name in ("stack", "imports"))
                   for step in scenario.steps)


def test_a_step_is_compared_with_the_best_floor_beside_it():
    run = _run_module()
    floors = [run.Measure(0.10, 0.1, 20), run.Measure(0.30, 0.3, 20)]  # the second slowed
    steps = [run.Measure(0.50, 0.5, 60, floor=floors[0]),
             run.Measure(0.60, 0.6, 70, floor=floors[1])]
    figures = run._summary(steps)
    assert figures["x_floor"] == 5.0  # 0.50 / 0.10, not the flattering 0.60 / 0.30
    assert figures["floor_seconds"] == 0.1
    assert (figures["seconds"], figures["worst_seconds"], figures["peak_mb"]) == (0.5, 0.6, 70)


def test_a_hot_share_of_one_spreads_the_amendments_over_every_paragraph(tmp_path):
    size = {"paragraphs": 40, "delegations": 6, "per_delegation": 10}

    def amended(folder: Path, hot_share: int) -> Counter[str]:
        workload = write_workload(folder, seed=5, hot_share=hot_share, **size)
        return Counter(item["paragraph"] for path in workload.submissions
                       for item in json.loads(path.read_text(encoding="utf-8"))["amendments"])

    crowded, spread = amended(tmp_path / "c", 10), amended(tmp_path / "s", 1)
    assert sum(crowded.values()) == sum(spread.values()) == 60
    assert len(crowded) <= 8 < 25 <= len(spread)  # 4 hot paragraphs (and a few misses)
