"""`drafting.inbox` and `drafting.intake`: a folder of delegations' files, whose each is
told by its name or by a CSV map, read against a real SQLite store and recorded all at
once or file by file. The Word files are the samples' own (tracked changes, an edited
copy)."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from drafting.errors import DraftingError, InputError
from drafting.inbox import by_filename, delegation_from_name, given, read_map
from drafting.intake import read_inbox, record_intake
from drafting.store import init_store, open_store
from drafting.workflow import add_delegations, import_draft

SAMPLES = Path(__file__).parents[1] / "samples"
SYMBOL = "A/C.2/81/L.7"
CODES = ("EU", "EUR", "G7", "G77", "G-8", "USA", "JPN", "AOSIS", "AUS", "NZL", "FJI")


@pytest.fixture
def store(tmp_path):
    url = f"sqlite:///{tmp_path / 'inbox.db'}"
    init_store(url)
    with open_store(url) as opened:
        import_draft(opened, SAMPLES / "zero-draft.md", SYMBOL)
        add_delegations(opened, CODES)
        yield opened


@pytest.fixture
def inbox(tmp_path) -> Path:
    """The samples as a secretariat receives them: a tracked copy, an edited copy, JSON."""
    folder = tmp_path / "inbox"
    folder.mkdir()
    shutil.copy(SAMPLES / "docx" / "eu-tracked.docx", folder / "EU.docx")
    shutil.copy(SAMPLES / "docx" / "usa-tracked.docx", folder / "usa-comments.docx")
    shutil.copy(SAMPLES / "docx" / "jpn-edited.docx", folder / "jpn edited.docx")
    shutil.copy(SAMPLES / "submissions" / "aosis.json", folder / "aosis.json")
    return folder


def events(store) -> int:
    return len(store.events(SYMBOL))


@pytest.mark.parametrize(("name", "code"), [
    ("EU.docx", "EU"), ("usa-comments.docx", "USA"), ("G77_rev.docx", "G77"),
    ("eu comments.docx", "EU"), ("Eu.DOCX", "EU"), ("EUR.docx", "EUR"),
    ("EURO.docx", None), ("europe.docx", None), ("G7.docx", "G7"), ("g7 final.docx", "G7"),
    ("G-8 text.json", "G-8"), ("G8.docx", None), ("comments-EU.docx", None),
    ("inbox/JPN.docx", "JPN"), ("AOSIS(2).json", "AOSIS"), ("USA", "USA")])
def test_a_file_is_the_delegation_whose_code_its_name_starts_with(name, code):
    assert delegation_from_name(name, CODES) == code


@pytest.mark.parametrize(("name", "code"), [
    ("EU2.docx", "EU"), ("EU-2.docx", "EU"), ("EU_v2.docx", "EU"), ("eu2 final.docx", "EU"),
    ("USA3.json", "USA"), ("G772.docx", None), ("G7-2.docx", "G7"), ("AOSISX.docx", None),
    ("EURO2.docx", None)])
def test_a_code_followed_by_a_number_is_the_code_and_one_run_on_into_a_word_is_not(
        name, code):
    """"EU2.docx" was refused, though EU is the only code it starts with; a number run on
    from a code's own ("G772") is no G77 nor G7, and "EURO2" no EUR."""
    assert delegation_from_name(name, CODES) == code


def test_a_name_run_on_from_a_code_says_so_and_each_lists_the_codes(store, inbox):
    only = ("EU", "USA")
    (refused,) = by_filename([inbox / "EUR.docx"], only).refused
    assert refused.reason.endswith("EUR.docx: its name starts with no delegation code ('EUR' "
                                   "is not EU: a code ends the name or is followed by no "
                                   "letter, as in EU.docx, EU2.docx, EU-comments.docx)")
    (inbox / "notes.docx").write_bytes((inbox / "EU.docx").read_bytes())
    intake = read_inbox(store, SYMBOL, by_filename([inbox / "notes.docx"], CODES), each=True)
    (failed,) = intake.failed  # without the header --each leaves out, the codes listed here
    assert failed.error.endswith("notes.docx: its name starts with no delegation code; the "
                                 "store knows: AOSIS, AUS, EU, EUR, FJI, G-8, G7, G77, JPN, "
                                 "NZL, USA")


def test_a_name_naming_two_delegations_is_refused():
    with pytest.raises(InputError, match="names both EU and USA"):
        delegation_from_name("EU-USA joint.docx", CODES)
    assert delegation_from_name("EU-EU.docx", CODES) == "EU"  # the same one twice


def test_names_that_tell_nobody_are_refused_before_any_file_is_read(tmp_path):
    names = ["EU.docx", "notes.docx", "EU-USA.docx", "report.pdf", "comments.json"]
    inbox = by_filename([tmp_path / n for n in names], CODES)  # none of them exists
    assert [(f.path.name, f.delegation) for f in inbox.files] == [
        ("EU.docx", "EU"), ("comments.json", None)]  # a .json names its own
    assert [r.path.name for r in inbox.refused] == ["notes.docx", "EU-USA.docx", "report.pdf"]
    with pytest.raises(InputError) as refused:
        inbox.check(CODES)
    assert "cannot tell whose 3 files are" in refused.value.message
    assert "the store knows: AOSIS, AUS, EU, EUR, FJI, G-8, G7, G77, JPN, NZL, USA" in \
        refused.value.message
    assert "notes.docx: its name starts with no delegation code" in refused.value.details
    assert "report.pdf: cannot submit '.pdf' files" in refused.value.details


def test_an_inbox_by_file_name_is_recorded_each_file_as_its_delegation(store, inbox):
    files = sorted(inbox.iterdir())
    intake = read_inbox(store, SYMBOL, by_filename(files, CODES))
    assert [(who, [f.path.name for f in items]) for who, items in intake.by_delegation()] == [
        ("EU", ["EU.docx"]), ("AOSIS", ["aosis.json"]), ("JPN", ["jpn edited.docx"]),
        ("USA", ["usa-comments.docx"])]
    assert store.amendments(SYMBOL) == []  # read, not recorded
    outcomes = record_intake(store, SYMBOL, intake)
    assert all(o.recorded for o in outcomes)
    by_file = {o.path.name: {a.proponents for a in o.result.amendments} for o in outcomes}
    assert by_file == {"EU.docx": {("EU",)}, "aosis.json": {("AOSIS",)},
                       "jpn edited.docx": {("JPN",)}, "usa-comments.docx": {("USA",)}}
    word = [a for a in store.amendments(SYMBOL) if a.proponents == ("EU",)]
    assert {a.submitted_by for a in word} == {"Anna Schmidt (EU)", "Marc Dubois (EU)"}


def test_a_refused_inbox_records_nothing(store, inbox):
    (inbox / "notes.docx").write_bytes((inbox / "EU.docx").read_bytes())
    before = events(store)
    with pytest.raises(InputError, match="cannot tell whose 1 file is from its name"):
        read_inbox(store, SYMBOL, by_filename(sorted(inbox.iterdir()), CODES))
    (inbox / "notes.docx").unlink()
    (inbox / "JPN.docx").write_text("not a Word file", encoding="utf-8")
    (inbox / "USA.json").write_text("{", encoding="utf-8")
    with pytest.raises(InputError) as refused:
        read_inbox(store, SYMBOL, by_filename(sorted(inbox.iterdir()), CODES))
    assert refused.value.message.startswith("2 files cannot be submitted; nothing was recorded")
    assert "JPN.docx: not a Word .docx file" in refused.value.details
    assert "USA.json" in refused.value.details
    assert events(store) == before and store.amendments(SYMBOL) == []


def test_each_records_the_good_files_and_tells_why_the_others_were_not(store, inbox):
    (inbox / "JPN.docx").write_text("not a Word file", encoding="utf-8")
    (inbox / "notes.docx").write_bytes((inbox / "EU.docx").read_bytes())
    intake = read_inbox(store, SYMBOL, by_filename(sorted(inbox.iterdir()), CODES), each=True)
    assert {o.path.name: o.error.split(": ", 1)[1][:21] for o in intake.failed} == {
        "notes.docx": "its name starts with ", "JPN.docx": "not a Word .docx file"}
    outcomes = record_intake(store, SYMBOL, intake, each=True)
    assert [o.path.name for o in outcomes if o.recorded] == [
        "EU.docx", "aosis.json", "jpn edited.docx", "usa-comments.docx"]
    # the same files again: each was recorded already (a duplicate), none recorded twice
    count = len(store.amendments(SYMBOL))
    again = record_intake(store, SYMBOL, read_inbox(
        store, SYMBOL, given([inbox / "usa-comments.docx"], delegation="USA"), each=True),
        each=True)
    assert again[0].result.duplicate and len(store.amendments(SYMBOL)) == count


def test_each_tells_a_file_the_store_refuses_and_records_the_rest(store, inbox):
    eu = json.loads((SAMPLES / "submissions" / "eu.json").read_text(encoding="utf-8"))
    store_first = given([SAMPLES / "submissions" / "eu.json"])
    record_intake(store, SYMBOL, read_inbox(store, SYMBOL, store_first))
    again = inbox / "EU-again.json"  # EU proposing once more what it already proposes
    again.write_text(json.dumps({**eu, "amendments": eu["amendments"][:2]}), encoding="utf-8")
    intake = read_inbox(store, SYMBOL, by_filename([again, inbox / "aosis.json"], CODES),
                        each=True)
    outcomes = record_intake(store, SYMBOL, intake, each=True)
    assert [o.recorded for o in outcomes] == [False, True]
    assert "already" in outcomes[0].error and outcomes[0].error.startswith(str(again))


def test_a_json_file_must_be_the_delegations_its_name_says(store, inbox):
    shutil.copy(SAMPLES / "submissions" / "usa.json", inbox / "EU.json")
    with pytest.raises(InputError, match=r"EU\.json: the file is the submission of USA, not of EU"):
        read_inbox(store, SYMBOL, by_filename([inbox / "EU.json"], CODES))


def test_a_tracked_copy_by_file_name_takes_authors_as_delegation_does(store, inbox):
    # the name gives the delegation of changes without an author, and of the authors an
    # author map does not give (as --delegation with --author does)
    half = by_filename([inbox / "EU.docx"], CODES, authors={"Anna Schmidt (EU)": "EU"})
    [item] = read_inbox(store, SYMBOL, half).prepared  # Marc's changes: the file's, EU's
    assert {(a.submitted_by, a.proponents) for a in item.amendments} == {
        ("Anna Schmidt (EU)", ("EU",)), ("Marc Dubois (EU)", ("EU",))}
    both = by_filename([inbox / "EU.docx"], CODES, authors={
        "Anna Schmidt (EU)": "EU", "Marc Dubois (EU)": "G77"})
    with pytest.raises(InputError, match=r"gives 'Marc Dubois \(EU\)' to G77, but the name "
                                         r"names EU, the delegation the file is submitted as"):
        read_inbox(store, SYMBOL, both)  # the EU's own author, in the EU's file
    [item] = read_inbox(store, SYMBOL, given([inbox / "EU.docx"], authors={
        "Anna Schmidt (EU)": "EU", "Marc Dubois (EU)": "G77"})).prepared  # authors alone
    assert {(a.submitted_by, a.proponents) for a in item.amendments} == {
        ("Anna Schmidt (EU)", ("EU",)), ("Marc Dubois (EU)", ("G77",))}


def test_a_map_names_each_files_delegation_and_its_word_authors(store, inbox):
    (inbox / "inbox.csv").write_text(
        "file,delegation,authors\n"
        "# the EU's typists: Marc types for the G77 this time (the authors say whose)\n"
        "EU.docx,,Anna Schmidt (EU)=EU,Marc Dubois (EU)=G77\n"
        "\n"
        "usa-comments.docx , USA\n"
        '"jpn edited.docx",JPN\n'
        "aosis.json,\n", encoding="utf-8")
    mapped = read_map(inbox / "inbox.csv", CODES)
    assert [(f.path, f.delegation) for f in mapped.files] == [
        (inbox / "EU.docx", None), (inbox / "usa-comments.docx", "USA"),
        (inbox / "jpn edited.docx", "JPN"), (inbox / "aosis.json", None)]
    outcomes = record_intake(store, SYMBOL, read_inbox(store, SYMBOL, mapped))
    assert [o.path.name for o in outcomes if o.recorded] == [
        "EU.docx", "usa-comments.docx", "jpn edited.docx", "aosis.json"]
    marc = [a for a in store.amendments(SYMBOL) if a.submitted_by == "Marc Dubois (EU)"]
    assert marc and all(a.proponents == ("G77",) for a in marc)


def test_a_map_without_header_separated_by_semicolons_relative_to_its_folder(tmp_path, inbox):
    maps = tmp_path / "maps"
    maps.mkdir()
    (maps / "m.csv").write_bytes("\ufeff../inbox/EU.docx;EU\n../inbox/aosis.json\n".encode())
    mapped = read_map(maps / "m.csv", CODES)
    assert [(f.path.resolve(), f.delegation) for f in mapped.files] == [
        ((inbox / "EU.docx").resolve(), "EU"), ((inbox / "aosis.json").resolve(), None)]


def test_a_bad_map_is_refused_whole_with_every_line_that_is_wrong(inbox):
    (inbox / "bad.csv").write_text(
        "file,delegation\n"
        "EU.docx,eu\n"
        "usa-comments.docx,XYZ\n"
        "gone.docx,USA\n"
        "aosis.json,AOSIS,Anna=EU\n"
        "jpn edited.docx\n"
        "report.pdf,EU\n"
        "usa-comments.docx,USA,Anna\n"
        "EU.docx,EU\n"
        "./EU.docx,EU\n", encoding="utf-8")
    with pytest.raises(InputError) as refused:
        read_map(inbox / "bad.csv", CODES)
    assert refused.value.message.startswith(f"{inbox / 'bad.csv'}: 8 problems; nothing was "
                                            "recorded; the store knows: AOSIS, AUS, EU")
    lines = [line.split(": ", 1)[0].rsplit(" ", 1)[1] for line in
             refused.value.details.splitlines()]
    assert lines == ["2", "3", "4", "5", "6", "7", "8", "10"]  # in the map's order
    details = refused.value.details
    for said in ("line 2: unknown delegation 'eu': the store has EU; use EU",
                 "line 3: unknown delegation 'XYZ'", "line 4: no file",
                 "line 5: aosis.json: Word authors go with Word files",
                 "line 6: whose is jpn edited.docx?",
                 "line 7: report.pdf: cannot submit '.pdf' files",
                 "line 8: 'Anna' is not a Word author's delegation",
                 "line 10: ./EU.docx is listed already on line 9"):
        assert said in details, said


def test_files_given_with_a_map_must_be_in_it_and_only_they_go(inbox, tmp_path):
    (inbox / "inbox.csv").write_text("EU.docx,EU\nusa-comments.docx,USA\n", encoding="utf-8")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    shutil.copy(inbox / "EU.docx", elsewhere / "EU.docx")
    mapped = read_map(inbox / "inbox.csv", CODES, files=[elsewhere / "EU.docx"])
    assert [(f.path, f.delegation) for f in mapped.files] == [(elsewhere / "EU.docx", "EU")]
    assert mapped.skipped == (f"{inbox / 'inbox.csv'}, line 2: usa-comments.docx was not "
                              "given; not submitted",)
    with pytest.raises(InputError, match=r"jpn edited\.docx is not in .*inbox\.csv: add a line"):
        read_map(inbox / "inbox.csv", CODES, files=[inbox / "jpn edited.docx"])


def test_each_in_a_store_that_requires_tokens_records_only_the_tokens_own(tmp_path, inbox):
    url = f"sqlite:///{tmp_path / 'secure.db'}"
    init_store(url)
    with open_store(url) as opened:
        import_draft(opened, SAMPLES / "zero-draft.md", SYMBOL)
        add_delegations(opened, CODES)
        tokens = opened.make_secure()
    with open_store(url, token=tokens["EU"]) as eu:
        files = by_filename([inbox / "EU.docx", inbox / "usa-comments.docx"], CODES)
        with pytest.raises(DraftingError, match="not USA's token"):
            read_inbox(eu, SYMBOL, files)  # all or nothing: refused before anything is shown
        intake = read_inbox(eu, SYMBOL, files, each=True)
        assert [i.path.name for i in intake.prepared] == ["EU.docx"]
        assert [o.path.name for o in intake.failed] == ["usa-comments.docx"]
        assert "not USA's token" in intake.failed[0].error
        [outcome] = record_intake(eu, SYMBOL, intake, each=True)
        assert outcome.recorded and {a.proponents for a in eu.amendments(SYMBOL)} == {("EU",)}


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are a Unix thing")
def test_a_pipe_named_like_a_submission_is_refused_not_waited_on(store, inbox):
    # reading a named pipe waits for a writer that never comes: the inbox would hang
    os.mkfifo(inbox / "JPN.docx")
    os.mkfifo(inbox / "AUS.json")
    with pytest.raises(InputError) as refused:
        read_inbox(store, SYMBOL, by_filename(sorted(inbox.iterdir()), CODES))
    assert refused.value.message.startswith("2 files cannot be submitted")
    assert "JPN.docx: is a named pipe (FIFO), not a file saved on disk" in refused.value.details
    assert "AUS.json: is a named pipe (FIFO), not a file saved on disk" in refused.value.details


def test_a_file_given_twice_is_read_once_with_a_note(store, inbox):
    eu = inbox / "EU.docx"
    link = inbox / "eu-link.docx"  # the same file by another path
    link.symlink_to(eu)
    again = by_filename([eu, eu, link, inbox / "jpn edited.docx"], CODES)
    assert [entry.path for entry in again.files] == [eu, inbox / "jpn edited.docx"]
    assert again.skipped == (f"{eu} passed over: the same file as {eu}, given before",
                             f"{link} passed over: the same file as {eu}, given before")
    intake = read_inbox(store, SYMBOL, again)
    assert intake.count == sum(len(item.amendments) for item in intake.prepared) and \
        [item.path.name for item in intake.prepared] == ["EU.docx", "jpn edited.docx"]


def test_thousands_of_unknown_codes_are_named_twenty_at_a_time(store):
    """A file with 100,000 unknown supporters gave a 790 KB line naming every one."""
    from drafting.workflow import require_delegations

    unknown = [f"X{n:05d}" for n in range(100_000)]
    with pytest.raises(InputError) as refused:
        require_delegations(store, ["EU", *unknown])
    message = refused.value.message
    assert message.startswith("unknown delegation X00000, X00001, ")
    assert "X00019 and 99,980 more; the store knows: " in message and "X00020" not in message
    assert len(message) < 1000


@pytest.mark.parametrize(("name", "said"), [
    ("~$EU.docx", "a lock file Word keeps"), (".~lock.EU.docx#", "a lock file LibreOffice"),
    ("._EU.docx", "the copy of a file's attributes a Mac"), ("Thumbs.db", "Windows"),
    ("desktop.ini", "Windows"), (".DS_Store", "macOS")])
def test_what_programs_leave_in_an_inbox_is_passed_over_with_a_note(tmp_path, name, said):
    paths = [tmp_path / "EU.docx", tmp_path / name]
    for how in (by_filename(paths, CODES), given(paths, delegation="EU")):
        assert [f.path.name for f in how.files] == ["EU.docx"] and not how.refused
        (note,) = how.skipped
        assert note.startswith(f"{tmp_path / name} passed over: ") and said in note
        assert note.endswith(", not a submission")
