"""Look-alike delegation codes (issue 15, break 6), on SQLite and PostgreSQL.

A delegation code is ASCII letters, digits and hyphens, and codes compare without
regard to case: ``ЕU`` (Cyrillic Е), ``ΕU`` (Greek Ε), fullwidth ``ＥＵ`` and ``eu``
are refused beside ``EU`` wherever a code comes in - a new delegation, a group's
members, a submission's proponent or supporter, a token's holder - with a message
naming the character (or the code it collides with), and the store is unchanged.
"""

from __future__ import annotations

import json

import pytest
from conftest import make_negotiation
from corpus import SYMBOL, fingerprint, refused_line, run_cli, verifies

from drafting.engine import Proposal, draft_amendment
from drafting.model import Delegation, DelegationKind
from drafting.store import StoreError, open_store

CYRILLIC, GREEK, FULLWIDTH = "\u0415U", "\u0395U", "\uff25\uff35"
LOOK_ALIKES = {
    CYRILLIC: r"character 0 is U\+0415 \(CYRILLIC CAPITAL LETTER IE\)",
    GREEK: r"character 0 is U\+0395 \(GREEK CAPITAL LETTER EPSILON\)",
    FULLWIDTH: r"character 0 is U\+FF25 \(FULLWIDTH LATIN CAPITAL LETTER E\) \(type it as EU\)",
}


@pytest.fixture
def negotiation_url(store_url) -> str:
    """The corpus negotiation (EU, G77, USA), on SQLite and on PostgreSQL."""
    return make_negotiation(store_url)


def test_look_alikes_of_a_code_are_refused_and_change_nothing(negotiation_url):
    before = fingerprint(negotiation_url)
    with open_store(negotiation_url) as store:
        for code, named in LOOK_ALIKES.items():
            with pytest.raises(StoreError, match=f"'{code}' is not a delegation code: use "
                               f"ASCII letters, digits and hyphens.*; {named}"):
                store.add_delegation(Delegation(code))
        for code in ("eu", "Eu", "usa"):
            with pytest.raises(StoreError, match=f"'{code}' is the delegation code "
                               f"{code.upper()}, already in the store, in another case"):
                store.add_delegation(Delegation(code))
        with pytest.raises(StoreError, match="'can' is the delegation code CAN, given with it"):
            store.add_delegations([Delegation("CAN"), Delegation("can")])
        assert store.verify().ok
    assert fingerprint(negotiation_url) == before


def test_a_groups_members_follow_the_same_rule(negotiation_url):
    before = fingerprint(negotiation_url)
    with open_store(negotiation_url) as store:
        for member in (CYRILLIC, FULLWIDTH):
            with pytest.raises(StoreError, match="is not a delegation code"):
                store.add_members("G77", ["BRA", member])
            with pytest.raises(StoreError, match="is not a delegation code"):
                store.add_delegation(Delegation("AU", kind=DelegationKind.GROUP,
                                                members=("ZAF", member)))
        with pytest.raises(StoreError, match="'eu' cannot join G77: it is the delegation "
                           "code EU in another case"):
            store.add_members("G77", ["BRA", "eu"])
        with pytest.raises(StoreError, match="'zaf' cannot join AU: it is the delegation "
                           "code ZAF"):
            store.add_delegation(Delegation("AU", kind=DelegationKind.GROUP,
                                            members=("ZAF", "zaf")))
        assert store.verify().ok
    assert fingerprint(negotiation_url) == before
    with open_store(negotiation_url) as store:  # real codes still join, hyphens and all
        group = store.add_members("G77", ["BRA", "G-77-CHINA"])
        assert group.members == ("BRA", "G-77-CHINA")
        assert store.verify().ok


def test_a_submission_in_a_look_alikes_name_is_refused(negotiation_url):
    before = fingerprint(negotiation_url)
    with open_store(negotiation_url) as store:
        current = store.document(SYMBOL).current
        for proponents, supporters, said in (
                ([CYRILLIC], [], f"proponent '{CYRILLIC}' is not a delegation code: use ASCII "
                                 "letters"),
                (["eu"], [], "proponent 'eu' is not a known delegation: it is EU in another "
                             "case"),
                (["EU"], ["usa"], "supporter 'usa' is not a known delegation: it is USA")):
            amendment = draft_amendment(current, Proposal("OP2", delete="provisional",
                                                          supporters=tuple(supporters)),
                                        id="x", proponents=proponents)
            with pytest.raises(StoreError) as refused:
                store.submit(SYMBOL, [amendment])
            assert said in refused.value.details
        assert store.verify().ok
    assert fingerprint(negotiation_url) == before


# On the command line


def test_delegation_add_names_the_look_alike_character(negotiation, capsys):
    before = fingerprint(negotiation)
    line = refused_line(run_cli(capsys, "delegation", "add", CYRILLIC, "--db", negotiation))
    assert line == (f"drafting: '{CYRILLIC}' is not a delegation code: use ASCII letters, "
                    "digits and hyphens, starting with a letter or digit, up to 40 characters "
                    "(e.g. EU, G77 or G-77); character 0 is U+0415 (CYRILLIC CAPITAL LETTER IE)")
    line = refused_line(run_cli(capsys, "delegation", "add", "CAN", "eu", "--db", negotiation))
    assert "'eu' is the delegation code EU, already in the store, in another case" in line
    line = refused_line(run_cli(capsys, "delegation", "add", "BRA", "--member-of", "g77",
                                "--db", negotiation))
    assert line == ("drafting: there is no delegation 'g77' to add members to: it is G77 in "
                    "another case; nothing was added")
    assert fingerprint(negotiation) == before and verifies(negotiation)


def test_amend_submit_and_compile_name_the_code_meant(tmp_path, negotiation, capsys):
    before = fingerprint(negotiation)
    amend = ["amend", SYMBOL, "OP2", "--delete", "provisional", "--yes", "--db", negotiation]
    line = refused_line(run_cli(capsys, *amend, "-d", "eu"))
    assert line == ("drafting: unknown delegation 'eu': the store has EU, and a code is "
                    "written as the store writes it (codes are compared without regard to "
                    "case or hyphens, so they are one delegation); use EU")
    line = refused_line(run_cli(capsys, *amend, "-d", GREEK))
    assert "U+0395 (GREEK CAPITAL LETTER EPSILON)" in line
    submission = tmp_path / "eu.json"
    for code, named in ((CYRILLIC, "U+0415 (CYRILLIC"), (FULLWIDTH, "(type it as EU)")):
        submission.write_text(json.dumps({
            "document": SYMBOL, "delegation": code,
            "amendments": [{"paragraph": "OP2", "delete": "provisional"}]}), encoding="utf-8")
        outcome = run_cli(capsys, "submit", SYMBOL, str(submission), "--yes", "--db",
                          negotiation)
        assert outcome.code == 1
        assert f"the delegation '{code}' is not known in this negotiation (not a delegation " \
               "code: use ASCII letters" in outcome.err and named in outcome.err
    submission.write_text(json.dumps({
        "document": SYMBOL, "delegation": "EU",
        "amendments": [{"paragraph": "OP2", "delete": "provisional", "supporters": ["usa"]}]}),
        encoding="utf-8")
    outcome = run_cli(capsys, "submit", SYMBOL, str(submission), "--yes", "--db", negotiation)
    assert refused_line(outcome).endswith("eu.json: 1 problem; nothing was recorded")
    assert "eu.json, amendment 1 (OP2): the supporter 'usa' is not known in this negotiation " \
           "(did you mean 'USA'?)" in outcome.err  # the file and the amendment, with the code
    line = refused_line(run_cli(capsys, "compile", SYMBOL, "-o", str(tmp_path / "c.md"),
                                "--delegation", "G\u039777", "--db", negotiation))
    assert "U+0397 (GREEK CAPITAL LETTER ETA)" in line  # a look-alike is still named
    assert fingerprint(negotiation) == before and verifies(negotiation)
    # a filter takes a code in any case, as `amendments --delegation` does: nothing is
    # recorded in its spelling
    for code, name in (("g77", "lower.md"), ("G77", "upper.md")):
        assert run_cli(capsys, "compile", SYMBOL, "-o", str(tmp_path / name), "--delegation",
                       code, "--db", negotiation).code == 0
    assert (tmp_path / "lower.md").read_bytes() == (tmp_path / "upper.md").read_bytes()


def test_a_token_for_a_look_alike_is_refused(negotiation, capsys):
    with open_store(negotiation) as store:
        secretariat = store.make_secure()["secretariat"]
    before = fingerprint(negotiation)
    line = refused_line(run_cli(capsys, "token", "rotate", "eu", "--token", secretariat,
                                "--db", negotiation))
    assert line == "drafting: there is no delegation 'eu' in the store (it is EU in another case)"
    assert fingerprint(negotiation) == before and verifies(negotiation)
