"""The command line as a user runs it: a real process, real files."""

import json
import re
import subprocess
import sys
from pathlib import Path

SAMPLE = Path(__file__).parents[2] / "samples" / "zero-draft.md"


def drafting(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "drafting_cli", *args],
                          capture_output=True, text=True, timeout=60)


def sample_blocks() -> dict[str, str]:
    """Label -> text of each labelled block of the sample, read without our reader."""
    blocks = SAMPLE.read_text(encoding="utf-8").split("\n\n")
    labelled = (re.match(r"((?:PP|OP)\d+) (.*)", b, re.S) for b in blocks)
    return {m[1]: m[2] for m in labelled if m}


def test_help_and_version():
    result = drafting("--help")
    assert result.returncode == 0
    assert "show" in result.stdout and "brackets" in result.stdout
    version = drafting("--version")
    assert re.fullmatch(r"drafting \d+\.\d+\.\d+\n", version.stdout)


def test_brackets_json_counts_every_pair_of_the_sample():
    result = drafting("brackets", str(SAMPLE), "--json")
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    expected = {label: text.count("[") for label, text in sample_blocks().items()}
    assert report["total"] == sum(expected.values()) > 0
    got = {p["label"]: p["brackets"] for p in report["paragraphs"] if p["label"] in expected}
    assert got == expected


def test_brackets_table_ends_with_the_total():
    result = drafting("brackets", str(SAMPLE))
    total = sum(text.count("[") for text in sample_blocks().values())
    assert result.stdout.splitlines()[-1].split() == ["Total", str(total)]


def test_show_one_paragraph():
    label, text = next((k, v) for k, v in sample_blocks().items() if "[" in v)
    result = drafting("show", str(SAMPLE), "--para", label.lower())
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(label)
    first = result.stdout.splitlines()[0]
    assert f" {text.count('[')} br " in first  # the count, never "[1]": not a bracket
    assert " ".join(result.stdout.split()[3:]) == " ".join(text.split())


def test_show_whole_text_ends_with_counts():
    result = drafting("show", str(SAMPLE))
    assert result.returncode == 0
    lines = result.stdout.splitlines()
    assert lines[:2] == ["United Nations", "A/C.2/81/L.7"]  # the front matter, as it stands
    assert lines[11:13] == ["Sustainable small-scale fisheries and the ocean economy",
                            "The General Assembly,"]  # the title and the chapeau, unlabelled
    assert result.stdout.rstrip().splitlines()[-1] == (  # blocks but those 13 lines
        f"{len(SAMPLE.read_text(encoding='utf-8').split(chr(10) * 2)) - 13} paragraphs, "
        f"{SAMPLE.read_text(encoding='utf-8').count('[')} brackets"
    )


def test_errors_are_one_line_without_traceback(tmp_path):
    missing = drafting("show", str(tmp_path / "nope.md"))
    assert missing.returncode == 1
    assert missing.stdout == ""
    assert missing.stderr.count("\n") == 1
    assert missing.stderr.startswith("drafting: ")
    assert "nope.md: cannot read the file" in missing.stderr

    unknown = drafting("show", str(SAMPLE), "--para", "OP99")
    assert unknown.returncode == 1
    assert "no paragraph OP99" in unknown.stderr and "Traceback" not in unknown.stderr


STRAY = ("PP1 Recalling,\n\nOP1 Decides [to act]] now [urgently / promptly];\n\n"
         "OP2 for sustainable development]],]\n\nOP3 Decides to remain seized of the matter;\n")


def test_stray_brackets_are_counted_apart_and_the_text_still_read(tmp_path):
    draft = tmp_path / "stray.md"
    draft.write_text(STRAY, encoding="utf-8")
    result = drafting("brackets", str(draft))
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        "OP1            2 (1 unbalanced)",
        "OP2            0 (3 unbalanced)",
        "Total          2 (4 unbalanced)",
    ]
    assert "warning: " in result.stderr and "OP1" in result.stderr and "Traceback" not in (
        result.stderr)

    one = drafting("brackets", str(draft), "--para", "op1")
    assert one.stdout.splitlines() == [
        "OP1            2 (1 unbalanced)", "  #1 [to act]", "  #2 [urgently / promptly]"]

    data = json.loads(drafting("brackets", str(draft), "--json").stdout)
    assert (data["total"], data["unbalanced"]) == (2, 4)
    assert [(p["label"], p["brackets"], p["unbalanced"]) for p in data["paragraphs"]] == [
        ("PP1", 0, 0), ("OP1", 2, 1), ("OP2", 0, 3), ("OP3", 0, 0)]


def test_strict_fails_on_warnings(tmp_path):
    loose = tmp_path / "loose.md"
    loose.write_text("OP1 Decides;\n\nA line without a label.\n", encoding="utf-8")
    relaxed = drafting("brackets", str(loose))
    assert relaxed.returncode == 0
    assert "warning: " in relaxed.stderr and "T1" in relaxed.stderr
    strict = drafting("brackets", str(loose), "--strict")
    assert strict.returncode == 1
    assert "1 warning(s) and --strict was given" in strict.stderr
