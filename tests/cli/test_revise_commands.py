"""`drafting revise` settling brackets paragraph by paragraph."""

from __future__ import annotations

from test_workflow_commands import drafting

DRAFT = """# Oceans

The General Assembly,

1. Decides to act [now] [soon];

2. [Requests a report.]
"""


def test_drop_on_a_paragraph_settles_all_its_brackets_and_says_what_it_deleted(tmp_path):
    db, draft = tmp_path / "s.db", tmp_path / "d.md"
    draft.write_text(DRAFT, encoding="utf-8")
    assert drafting(db, "init").returncode == 0
    assert drafting(db, "import", str(draft), "--doc", "A/1").returncode == 0
    done = drafting(db, "revise", "A/1", "--label", "Rev.1", "--drop", "OP1", "--drop", "OP2")
    assert done.returncode == 0, done.stderr
    assert "OP2: nothing was left once its brackets were settled; deleted" in done.stdout
    assert "OP2 -> (deleted)" in done.stdout
    shown = drafting(db, "show", "A/1").stdout
    assert "Decides to act;" in shown and "Requests" not in shown


def test_a_dry_run_shows_the_revision_and_records_nothing(tmp_path):
    import json

    db, draft = tmp_path / "s.db", tmp_path / "d.md"
    draft.write_text(DRAFT, encoding="utf-8")
    for args in (("init",), ("import", str(draft), "--doc", "A/1"),
                 ("delegation", "add", "EU"),
                 ("amend", "A/1", "OP1", "-d", "EU", "--replace", "act", "--with", "move",
                  "--yes"),
                 ("decide", "A1", "accept")):
        assert drafting(db, *args).returncode == 0
    events = drafting(db, "log", "A/1").stdout
    done = drafting(db, "revise", "A/1", "--label", "Rev.1", "--drop", "OP2", "--dry-run")
    assert done.returncode == 0, done.stderr
    assert "Decides to move [now] [soon];" in done.stdout  # the text it would have
    assert "would issue Rev.1: 1 paragraphs" in done.stdout
    assert "OP2 -> (deleted)" in done.stdout and "nothing was recorded" in done.stdout
    assert "receipt" not in done.stdout
    assert drafting(db, "log", "A/1").stdout == events  # nothing recorded
    assert "Rev.1" not in drafting(db, "show", "A/1").stdout
    data = json.loads(drafting(db, "revise", "A/1", "--label", "Rev.1", "--dry-run",
                               "--json").stdout)
    assert data["dry_run"] is True and "receipt" not in data
    assert data["text"][0] == {"paragraph": "OP1", "text": "Decides to move [now] [soon];"}
    issued = drafting(db, "revise", "A/1", "--label", "Rev.1")
    assert issued.returncode == 0 and "issued Rev.1" in issued.stdout


def test_the_log_names_paragraphs_and_delegations_not_ids(tmp_path):
    db, draft = tmp_path / "s.db", tmp_path / "d.md"
    draft.write_text(DRAFT, encoding="utf-8")
    for args in (("init",), ("import", str(draft), "--doc", "A/1"),
                 ("delegation", "add", "EU"),
                 ("amend", "A/1", "OP2", "-d", "EU", "--replace", "report", "--with",
                  "study", "--yes"),
                 ("decide", "A1", "reject", "--note", "no support"),
                 ("agree", "A/1", "OP1", "--ad-ref")):
        assert drafting(db, *args).returncode == 0, args
    log = drafting(db, "log", "A/1").stdout
    assert "submit      by EU: 1 amendment A1 (OP2)" in log
    assert "decide      A1 rejected: no support" in log
    assert "agree       OP1 agreed ad ref (Zero draft)" in log
    assert " p1 " not in log and " p2 " not in log


def test_choosing_the_words_a_delegation_proposed_accepts_its_amendment(tmp_path):
    db, draft = tmp_path / "s.db", tmp_path / "d.md"
    draft.write_text("# Oceans\n\nThe General Assembly,\n\n1. Requests a report to "
                     "[submit / present] to the Assembly;\n", encoding="utf-8")
    for args in (("init",), ("import", str(draft), "--doc", "A/1"),
                 ("delegation", "add", "EU"),
                 ("amend", "A/1", "OP1", "-d", "EU", "--replace", "submit", "--with",
                  "present", "--yes")):
        assert drafting(db, *args).returncode == 0, args
    done = drafting(db, "revise", "A/1", "--label", "Rev.1", "--choose", "OP1=present")
    assert done.returncode == 0, done.stderr
    assert "A1 (EU): OP1: 'present' chosen" in done.stdout
    assert "went stale" not in done.stdout
    listed = drafting(db, "amendments", "A/1").stdout
    assert "accepted" in listed and "stale" not in listed


def test_choosing_words_only_an_amendment_proposes_chooses_its_alternative_and_accepts_it(
        tmp_path):
    db, draft = tmp_path / "s.db", tmp_path / "d.md"
    draft.write_text("# Oceans\n\nThe General Assembly,\n\n1. Decides to convene a meeting "
                     "[in 2027 / in 2028] in [Geneva / Nairobi];\n", encoding="utf-8")
    for args in (("init",), ("import", str(draft), "--doc", "A/1"),
                 ("delegation", "add", "EU", "G77"),
                 ("amend", "A/1", "OP1", "-d", "EU", "--replace", "2028", "--with", "2029",
                  "--yes"),
                 ("amend", "A/1", "OP1", "-d", "G77", "--replace", "Nairobi", "--with",
                  "Bonn", "--yes")):
        assert drafting(db, *args).returncode == 0, args
    nowhere = drafting(db, "revise", "A/1", "--label", "Rev.1", "--choose", "OP1=in 2030")
    assert nowhere.returncode != 0 and "no bracket offers 'in 2030'" in nowhere.stderr
    done = drafting(db, "revise", "A/1", "--label", "Rev.1", "--choose", "OP1=in 2029")
    assert done.returncode == 0, done.stderr
    assert "A1 (EU): OP1: '2029' chosen" in done.stdout
    shown = " ".join(drafting(db, "show", "A/1").stdout.split())
    assert "Decides to convene a meeting in 2029 in [Geneva / Nairobi];" in shown
    listed = drafting(db, "amendments", "A/1").stdout.splitlines()
    assert "accepted" in listed[0] and "submitted" in listed[1]  # G77's Bonn still pending


def test_choosing_the_words_an_accepted_amendment_put_in_a_bracket_keeps_them(tmp_path):
    """CHN's accepted change made "[invites][encourages]" read "[invites][urges]": the
    choice of "urges" was refused, "no bracket offers 'urges'"."""
    db, draft = tmp_path / "s.db", tmp_path / "d.md"
    draft.write_text("# Oceans\n\nThe General Assembly,\n\n1. [Invites][Encourages] States "
                     "to act;\n", encoding="utf-8")
    for args in (("init",), ("import", str(draft), "--doc", "A/1"),
                 ("delegation", "add", "CHN"),
                 ("amend", "A/1", "OP1", "-d", "CHN", "--replace", "Encourages", "--with",
                  "Urges", "--yes"), ("decide", "A1", "accept")):
        assert drafting(db, *args).returncode == 0, args
    done = drafting(db, "revise", "A/1", "--label", "Rev.1", "--choose", "OP1=Urges")
    assert done.returncode == 0, done.stderr
    assert "Urges States to act;" in drafting(db, "show", "A/1").stdout


def test_an_empty_option_is_chosen_by_its_words_no_text(tmp_path):
    db, draft = tmp_path / "s.db", tmp_path / "d.md"
    draft.write_text("# Oceans\n\nThe General Assembly,\n\n1. Decides to act;\n\n"
                     "2. Option 1: Requests a report;\n\nOption 2: No text\n", encoding="utf-8")
    for args in (("init",), ("import", str(draft), "--doc", "A/1")):
        assert drafting(db, *args).returncode == 0, args
    done = drafting(db, "revise", "A/1", "--label", "Rev.1", "--choose", "OP2=No text")
    assert done.returncode == 0, done.stderr
    assert "Requests a report" not in drafting(db, "show", "A/1").stdout


def test_an_option_an_amendment_adds_to_a_bracket_is_chosen_in_the_revision_that_accepts_it(
        tmp_path):
    """The EU adds "in 2029" to "[in 2027 / in 2028]"; the chair chooses it at once:
    refused before ("no bracket offers 'in 2029'"). A change elsewhere in the paragraph,
    accepted, stands beside it."""
    db, draft = tmp_path / "s.db", tmp_path / "d.md"
    draft.write_text("# Oceans\n\nThe General Assembly,\n\n1. Decides to convene a meeting "
                     "[in 2027 / in 2028] in Geneva;\n", encoding="utf-8")
    for args in (("init",), ("import", str(draft), "--doc", "A/1"),
                 ("delegation", "add", "EU", "G77"),
                 ("amend", "A/1", "OP1", "-d", "EU", "--insert", " / in 2029", "--after",
                  "in 2028", "--yes"),
                 ("amend", "A/1", "OP1", "-d", "G77", "--replace", "Geneva", "--with",
                  "Nairobi", "--yes"), ("decide", "A2", "accept")):
        assert drafting(db, *args).returncode == 0, args
    done = drafting(db, "revise", "A/1", "--label", "Rev.1", "--choose", "OP1=in 2029")
    assert done.returncode == 0, done.stderr
    assert "A1 (EU): OP1: 'in 2029' chosen" in done.stdout
    shown = " ".join(drafting(db, "show", "A/1").stdout.split())
    assert "Decides to convene a meeting in 2029 in Nairobi;" in shown
    listed = drafting(db, "amendments", "A/1").stdout.splitlines()
    assert "accepted" in listed[0] and "accepted" in listed[1]
    assert "intact" in drafting(db, "verify").stdout


def test_the_log_tells_who_entered_a_proposal_from_the_delegation_it_is_for(tmp_path):
    db, draft = tmp_path / "s.db", tmp_path / "d.md"
    draft.write_text(DRAFT, encoding="utf-8")
    for args in (("init",), ("import", str(draft), "--doc", "A/1"),
                 ("delegation", "add", "EU", "USA"),
                 ("amend", "A/1", "OP2", "-d", "EU", "--replace", "report", "--with",
                  "study", "--yes", "--actor", "Anna Schmidt"),
                 ("support", "A1", "-d", "USA", "--actor", "Jane Doe"),
                 ("decide", "A1", "reject", "--actor", "chair")):
        assert drafting(db, *args).returncode == 0, args
    log = drafting(db, "log", "A/1").stdout
    assert "submit     (entered by Anna Schmidt)  by EU: 1 amendment A1 (OP2)" in log
    assert "support    (entered by Jane Doe)  USA supports A1" in log
    assert "decide     by chair  A1 rejected" in log


def test_choosing_option_3_says_the_accepted_edit_of_option_2_is_moot(tmp_path):
    """Choosing Option 3 failed when an accepted amendment edited Option 2 ("the words it
    amended were deleted"); the choice is made and the edit named as having no effect."""
    db, draft = tmp_path / "s.db", tmp_path / "d.md"
    draft.write_text("# Oceans\n\nThe General Assembly,\n\n1. Option 1: Decides to continue;\n\n"
                     "Option 2: Decides to hold a dialogue;\n\nOption 3: Decides to convene a "
                     "conference;\n", encoding="utf-8")
    for args in (("init",), ("import", str(draft), "--doc", "A/1"),
                 ("delegation", "add", "EU", "USA"),
                 ("amend", "A/1", "OP1", "-d", "EU", "--replace", "hold a dialogue", "--with",
                  "hold an informal dialogue", "--yes"), ("decide", "A1", "accept")):
        assert drafting(db, *args).returncode == 0, args
    done = drafting(db, "revise", "A/1", "--label", "Rev.1", "--choose",
                    "OP1=Decides to convene a conference;")
    assert done.returncode == 0, done.stderr
    assert "1 amendment(s) accepted, made moot by the bracket decisions:" in done.stdout
    assert "A1 (EU): OP1: the alternative it changes, 'Decides to hold a dialogue;', was " \
        "not chosen; it has no effect" in done.stdout
    shown = " ".join(drafting(db, "show", "A/1").stdout.split())
    assert "Decides to convene a conference;" in shown and "dialogue" not in shown


def test_an_alternative_typed_beside_a_bracket_is_chosen(tmp_path):
    db, draft = tmp_path / "s.db", tmp_path / "d.md"
    draft.write_text("# Oceans\n\nThe General Assembly,\n\n1. Decides to convene a meeting "
                     "[in 2027 / in 2028] in Geneva;\n", encoding="utf-8")
    for args in (("init",), ("import", str(draft), "--doc", "A/1"),
                 ("delegation", "add", "USA"),
                 ("amend", "A/1", "OP1", "-d", "USA", "--insert", " [in 2030]", "--after",
                  "[in 2027 / in 2028]", "--yes")):
        assert drafting(db, *args).returncode == 0, args
    done = drafting(db, "revise", "A/1", "--label", "Rev.1", "--choose", "OP1=in 2030")
    assert done.returncode == 0, done.stderr
    assert "A1 (USA): OP1: 'in 2030' chosen" in done.stdout
    shown = " ".join(drafting(db, "show", "A/1").stdout.split())
    assert "Decides to convene a meeting in 2030 in Geneva;" in shown


def test_revise_names_an_accepted_amendment_whose_proposal_was_withdrawn(tmp_path):
    """The USA's amendment to the EU's proposal accepted, the EU then withdrawing the
    proposal: Rev.1 was issued without a word of it and without a word said."""
    db, draft = tmp_path / "s.db", tmp_path / "d.md"
    draft.write_text("# Oceans\n\nThe General Assembly,\n\n1. Requests a report;\n",
                     encoding="utf-8")
    for args in (("init",), ("import", str(draft), "--doc", "A/1"),
                 ("delegation", "add", "EU", "USA"),
                 ("amend", "A/1", "OP1", "-d", "EU", "--replace", "a report", "--with",
                  "an oral report", "--yes"),
                 ("amend", "A/1", "A1", "-d", "USA", "--replace", "oral", "--with", "written",
                  "--yes"), ("decide", "A2", "accept"), ("withdraw", "A1", "-d", "EU")):
        assert drafting(db, *args).returncode == 0, args
    done = drafting(db, "revise", "A/1", "--label", "Rev.1")
    assert done.returncode == 0, done.stderr
    assert "1 amendment(s) accepted, with no effect (the proposal they amend is not in the " \
        "text):\n  A2 (USA): the proposal it amends, A1, is withdrawn or stale; none of its " \
        "words are in the text, so it has no effect" in done.stdout


def test_revise_names_the_cross_references_to_check(tmp_path):
    import json

    db, draft = tmp_path / "s.db", tmp_path / "d.md"
    draft.write_text("# Reports\n\nThe General Assembly,\n\n1. Decides to act;\n\n"
                     "2. Notes progress;\n\n3. Requests a report on paragraph 2 above;\n",
                     encoding="utf-8")
    for args in (("init",), ("import", str(draft), "--doc", "A/1"),
                 ("delegation", "add", "EU"),
                 ("amend", "A/1", "OP1", "-d", "EU", "--new-paragraph",
                  "Decides also to meet;", "--yes"), ("decide", "A1", "accept")):
        done = drafting(db, *args)
        assert done.returncode == 0, (args, done.stderr)
    done = drafting(db, "revise", "A/1", "--label", "Rev.1", "--dry-run", "--json")
    assert json.loads(done.stdout)["references"] == {
        "OP4": "cites 'paragraph 2 above': OP2 is OP3 in Rev.1"}
    done = drafting(db, "revise", "A/1", "--label", "Rev.1")
    assert "cross-references to check" in done.stdout
    assert "  OP4 cites 'paragraph 2 above': OP2 is OP3 in Rev.1" in done.stdout
