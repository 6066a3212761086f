"""The sample negotiation: five delegations' submissions compiled on the zero draft.

The golden files in samples/golden/ were read line by line before they were
kept; this checks the library still produces exactly them, and spot-checks the
overlaps the submissions make on purpose (samples/submissions/README.md).
"""

import importlib.util
import json
from html.parser import HTMLParser
from pathlib import Path

import pytest

from drafting.engine.segments import Alternatives, Change, MergedParagraph, NewParagraph

SAMPLES = Path(__file__).parents[1] / "samples"


def _load_script():
    spec = importlib.util.spec_from_file_location("compile_samples",
                                                  SAMPLES / "compile_samples.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


script = _load_script()


@pytest.fixture(scope="module")
def compilation():
    return script.sample_compilation()


def entry(compilation, label):
    for item in compilation.entries:
        shown = item.label if isinstance(item, NewParagraph) else item.paragraph.label
        if shown == label:
            return item
    raise AssertionError(f"no {label}")


@pytest.mark.parametrize("name", ["compilation.md", "compilation.txt", "compilation.html",
                                  "positions.md"])
def test_golden_files_are_reproduced(compilation, name):
    produced = script.golden_files(compilation)[name]
    kept = (SAMPLES / "golden" / name).read_text(encoding="utf-8")
    assert produced == kept, f"run python samples/compile_samples.py and read the diff of {name}"


def test_every_submitted_amendment_is_credited_and_none_is_stale(compilation):
    submitted = sum(len(json.loads(p.read_text())["amendments"])
                    for p in (SAMPLES / "submissions").glob("*.json"))
    credited = set()
    for item in compilation.entries:
        if isinstance(item, NewParagraph):
            credited |= set(item.credit.amendments)
            continue
        for segment in item.segments:
            if isinstance(segment, Change):
                credited |= set(segment.credit.amendments)
            elif isinstance(segment, Alternatives):
                credited |= {i for o in segment.options for i in o.credit.amendments}
        for credit in (item.deletion, item.retains):
            credited |= set(credit.amendments) if credit else set()
        credited |= {i for o in item.alternatives for i in o.credit.amendments}
    assert compilation.stale == ()
    assert len(credited) == submitted


def test_the_deliberate_overlaps(compilation):
    (op24,) = [s for s in entry(compilation, "OP24").segments if isinstance(s, Alternatives)]
    assert [(o.text, o.credit.proponents) for o in op24.options] == [
        ("present", ("EU",)), ("transmit", ("G77",))]
    (op10,) = [s for s in entry(compilation, "OP10").segments if isinstance(s, Change)]
    assert op10.credit.proponents == ("EU", "USA")
    (op21,) = [s for s in entry(compilation, "OP21").segments if isinstance(s, Alternatives)]
    assert op21.retained_by == ("G77",)
    op12 = [s for s in entry(compilation, "OP12").segments if isinstance(s, Change)]
    assert [c.credit.proponents for c in op12] == [("JPN",), ("USA",)]
    assert entry(compilation, "OP9 bis").credit.proponents == ("EU",)
    assert entry(compilation, "OP9 ter").credit.supporters == ("AUS", "NZL", "FJI")
    assert entry(compilation, "OP23").deletion.proponents == ("USA",)
    assert isinstance(entry(compilation, "OP14"), MergedParagraph)
    assert entry(compilation, "OP14").alternatives[0].credit.proponents == ("G77",)


def test_the_html_compilation_is_well_formed(compilation):
    page = script.golden_files(compilation)["compilation.html"]
    open_tags: list[str] = []
    void = {"meta", "br", "hr", "img", "link", "input", "col"}

    class Checker(HTMLParser):
        def handle_starttag(self, tag, attrs):
            if tag not in void:
                open_tags.append(tag)

        def handle_endtag(self, tag):
            assert open_tags.pop() == tag

    Checker().feed(page)
    assert open_tags == []
    assert "<ins>present</ins>" in page.replace('<ins class="option">', "<ins>")
