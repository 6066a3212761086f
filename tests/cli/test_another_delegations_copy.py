"""A Word copy whose tracked changes are by another delegation's code ("USA"), submitted
as the EU's (by mistake, --by-filename on a misnamed file, or passed on): it was recorded
as six EU amendments without a word. It is refused, nothing recorded, saying how to
submit it as the USA's or to map the author to the EU when that is meant."""

from __future__ import annotations

import json
import shutil

import pytest
from test_receipt_commands import SAMPLES, SYMBOL, Cli

USA_COPY = SAMPLES / "docx" / "usa-tracked.docx"


@pytest.fixture
def cli(monkeypatch, capsys, tmp_path) -> Cli:
    cli = Cli(monkeypatch, capsys, tmp_path / "n.db")
    cli.ok("init")
    cli.ok("import", str(SAMPLES / "docx" / "zero-draft.docx"), "--doc", SYMBOL)
    cli.ok("delegation", "add", "EU", "USA", "G77")
    return cli


def _amendments(cli: Cli) -> list[dict]:
    return json.loads(cli.ok("amendments", SYMBOL, "--json"))


def test_another_delegations_copy_is_not_recorded_in_this_ones_name(cli, tmp_path):
    code, _, err = cli.run("submit", SYMBOL, str(USA_COPY), "-d", "EU", "--yes")
    assert code == 1
    assert "tracked changes are by Word author 'USA', naming USA, another delegation, not EU" \
        in err and "--delegation USA" in err and "--author 'USA=EU'" in err
    misnamed = tmp_path / "EU-reply.docx"
    shutil.copy(USA_COPY, misnamed)
    code, _, err = cli.run("submit", SYMBOL, str(misnamed), "--by-filename", "--yes")
    assert code == 1 and "naming USA, another delegation, not EU" in err
    assert _amendments(cli) == []
    cli.ok("submit", SYMBOL, str(USA_COPY), "-d", "USA", "--yes")
    assert {tuple(a["proponents"]) for a in _amendments(cli)} == {("USA",)}


def test_an_author_mapped_to_the_delegation_is_its_own(cli):
    cli.ok("submit", SYMBOL, str(USA_COPY), "-d", "EU", "--author", "USA=EU", "--yes")
    assert {tuple(a["proponents"]) for a in _amendments(cli)} == {("EU",)}


@pytest.mark.parametrize("given", ["A99999999999999999999999", "A\u0661", "A01"])
def test_an_amendment_id_past_any_number_or_in_look_alike_digits_is_no_amendment(cli, given):
    """A number past a database integer crashed (OverflowError); "A١" (an Arabic-Indic
    one) and "A01" acted on A1."""
    cli.ok("amend", SYMBOL, "OP1", "-d", "EU", "--delete-paragraph", "--yes")
    for command in (("decide", given, "reject"), ("withdraw", given, "-d", "EU")):
        code, _, err = cli.run(*command)
        assert code == 1 and f"there is no amendment '{given}'" in err
    assert [a["status"] for a in _amendments(cli)] == ["submitted"]


def _authored(path, author: str):
    """The USA's sample copy with its tracked changes by ``author`` (XML-escaped)."""
    import zipfile

    with zipfile.ZipFile(USA_COPY) as read, zipfile.ZipFile(path, "w") as written:
        for info in read.infolist():
            data = read.read(info)
            if info.filename.endswith(".xml"):
                data = data.replace(b'w:author="USA"', f'w:author="{author}"'.encode())
            written.writestr(info, data)
    return path


@pytest.mark.parametrize("author", ["U&#8203;SA", "US&#173;A", "USA_mission", "U&#8291;SA",
                                    "US&#847;A", "U&#8206;SA", "U.S.A.", "usa mission",
                                    "&#65333;SA mission", "Jane Doe (US&#1040;)",
                                    "Jane Doe (U&#1029;A)"],
                         ids=["zero-width space", "soft hyphen", "underscore",
                              "invisible separator", "grapheme joiner", "direction mark",
                              "initials", "small letters", "fullwidth", "Cyrillic A",
                              "Cyrillic S"])
def test_an_author_naming_another_delegation_as_shown_is_refused(cli, tmp_path, author):
    """A character that shows nothing, or an underscore, hid the code: the copy was
    recorded as the EU's, its record reading "submitted by USA"."""
    code, _, err = cli.run("submit", SYMBOL, str(_authored(tmp_path / "x.docx", author)),
                           "-d", "EU", "--dry-run")
    assert code == 1 and "naming USA, another delegation, not EU" in err
    assert _amendments(cli) == []


@pytest.mark.parametrize("author", ["Smith and Jones", "Can Yilmaz"])
def test_an_author_naming_no_code_as_written_is_the_senders(cli, tmp_path, author):
    cli.ok("delegation", "add", "AND", "CAN")  # codes that are words of many names
    cli.ok("submit", SYMBOL, str(_authored(tmp_path / "x.docx", author)),
           "-d", "EU", "--yes")
    assert {tuple(a["proponents"]) for a in _amendments(cli)} == {("EU",)}


def test_a_json_file_entered_by_another_delegation_is_refused(cli, tmp_path):
    sent = tmp_path / "eu.json"
    sent.write_text(json.dumps({"document": SYMBOL, "delegation": "EU", "submitted_by": "USA",
                                "amendments": [{"paragraph": "PP1", "replace": "Recalling",
                                                "with": "Recalling also"}]}))
    code, _, err = cli.run("submit", SYMBOL, str(sent), "--yes")
    assert code == 1 and "submitted_by 'USA' names USA, another delegation" in err
    assert _amendments(cli) == []


@pytest.mark.parametrize("entered_by", ["Jane Doe (US\u0410)", "G-77 secretariat"],
                         ids=["Cyrillic A", "hyphen"])
def test_a_json_file_entered_by_another_delegation_as_shown_is_refused(cli, tmp_path,
                                                                      entered_by):
    """"Jane Doe (USА)" with a Cyrillic А was recorded, the record reading "by USА"."""
    sent = tmp_path / "eu.json"
    sent.write_text(json.dumps({"document": SYMBOL, "delegation": "EU",
                                "submitted_by": entered_by,
                                "amendments": [{"paragraph": "PP1", "replace": "Recalling",
                                                "with": "Recalling also"}]}))
    code, _, err = cli.run("submit", SYMBOL, str(sent), "--yes")
    assert code == 1 and "another delegation, but the file is EU's" in err
    assert _amendments(cli) == []


@pytest.mark.parametrize("author", ["A" * 300, "Anna&#9;Berg"], ids=["too long", "a tab"])
def test_a_word_authors_name_the_store_refuses_is_refused_at_the_dry_run(cli, tmp_path, author):
    """The preview promised the amendments; recording them then failed as "amendment 1",
    naming neither the file nor the change."""
    copy = _authored(tmp_path / "x.docx", author)
    code, _, err = cli.run("submit", SYMBOL, str(copy), "-d", "EU", "--dry-run")
    assert code == 1 and f"{copy}, the change to PP12: the Word author's name" in err
