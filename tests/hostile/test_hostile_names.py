"""SQL and shell metacharacters in symbols, codes and free text, on SQLite and PostgreSQL.

Symbols and delegation codes are identifiers (`drafting.store.names`): anything that
would need quoting in SQL or a shell is refused with a clear message and the store is
unchanged. Free text - titles, names, paragraphs, reasons - is stored exactly as given,
metacharacters and all: the store binds every value as a parameter and never builds
SQL from text.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from conftest import make_negotiation
from corpus import CODES, SYMBOL, fingerprint, refused_line, run_cli

from drafting.engine import Proposal, draft_amendment
from drafting.model import (
    Delegation,
    DelegationKind,
    Document,
    Paragraph,
    ParagraphKind,
    Revision,
)
from drafting.store import StoreError, open_store

SQL = "x'); DROP TABLE documents; --"
SHELL = "$(touch /tmp/pwned) `id` | rm -rf ~ & echo > /etc/passwd; \\ %s"
HOSTILE = f"{SQL} {SHELL} \" ' * ? < > [ ] {{ }} # ! ~ ^ = @"

BAD_SYMBOLS = [
    "A/1'; DROP TABLE documents;--", "$(rm -rf ~)", "`id`", "A/1 OR 1=1", "A|B", "A&B",
    "A;B", "-rf", "../etc/passwd", "/etc/passwd", ".hidden", "A\\B", 'A"B', "A*", "A?",
    "A B", " A/1", "A/1\n", "A/1\x00", "A/\x1b[31m", "", "A" * 201,
    "Côte".replace("ô", "o\u0302"),  # decomposed: one name, one spelling
    "\u0410/C.2/81/L.7", "A/C.2/81/L.\u0667",  # a Cyrillic А, an Arabic-Indic 7: look-alikes
    # IMO's one space, between the committee's capitals and its session, and no other
    "MSC  110/WP.5", " MSC 110/WP.5", "MSC 110/WP.5 ", "MSC\t110/WP.5", "MSC\u00a0110/WP.5",
    "MSC 110 /WP.5", "MSC 110/WP.5 Add", "msc 110/wp.5", "MSC WP.5", "MSC /110", "MSC ../x",
    "MSC -1", "1 MSC/1", "A/C.2 81", "\u041cSC 110/WP.5", "MSC\n110/WP.5", "MSC 1" + "0" * 196,
]
BAD_CODES = [
    "EU'; DROP TABLE delegations;--", "EU;", "$USER", "`id`", "G77 and China", "EU/USA",
    "(EU)", "EU,USA", "-EU", "_EU", "EU\x00", "EU\x1b[31m", "EU\n", "", " ", "X" * 41,
    # look-alikes of EU, and what codes were before ASCII letters, digits and hyphens
    "\u0415U", "\u0395U", "\uff25\uff35", "G77+China", "LDC_group", "U.S.", "مصر", "中国",
]
GOOD_SYMBOLS = ["A/C.2/81/L.7", "A/RES/70/1", "FCCC/CP/2025/L.4", "bbnj-2025", "INC-5.2",
                "E/CN.6/2025/L.3(Part:1)+Corr.1", "مشروع/1", "草案-1", "ОБСЕ/1", "Côte-1",
                "MSC 110/WP.5", "MEPC 81/WP.7", "LEG 111/WP.3", "A77/4", "MSC 1" + "0" * 195]
GOOD_CODES = ["EU", "G77", "AOSIS", "G-20", "LDC-group", "X1", "CELAC-2025"]
"""Real codes; one differing from another only by hyphens (G-77 beside G77) is not one."""


@pytest.fixture
def negotiation_url(store_url) -> str:
    """The corpus negotiation, on SQLite and on PostgreSQL."""
    return make_negotiation(store_url)


def a_document(symbol: str, title: str = "T", text: str = "Decides to act;") -> Document:
    revision = Revision("Zero draft", (Paragraph("p1", "OP1", ParagraphKind.OPERATIVE, text),))
    return Document(symbol, title, (revision,))


def test_hostile_symbols_and_codes_are_refused_and_change_nothing(negotiation_url):
    before = fingerprint(negotiation_url)
    with open_store(negotiation_url) as store:
        for symbol in BAD_SYMBOLS:
            with pytest.raises(StoreError, match="is not a document symbol"):
                store.add_document(a_document(symbol))
        for code in BAD_CODES:
            with pytest.raises(StoreError, match="is not a delegation code"):
                store.add_delegation(Delegation(code))
            with pytest.raises(StoreError, match="is not a delegation code"):
                store.add_delegation(Delegation("NEW", kind=DelegationKind.GROUP,
                                                members=("EU", code)))
    assert fingerprint(negotiation_url) == before


def test_real_symbols_of_every_script_and_real_codes_are_taken(negotiation_url):
    with open_store(negotiation_url) as store:
        for symbol in GOOD_SYMBOLS[1:]:
            store.add_document(a_document(symbol))
        store.add_delegations([Delegation(c) for c in GOOD_CODES if c not in CODES])
        symbols = [symbol for symbol, _ in store.documents()]
        codes = [d.code for d in store.delegations()]
        assert store.verify().ok
    assert symbols == GOOD_SYMBOLS
    assert sorted(codes) == sorted({*CODES, *GOOD_CODES})


def test_free_text_with_metacharacters_is_stored_exactly(negotiation_url):
    text = f"Decides {HOSTILE} to act;"
    with open_store(negotiation_url) as store:
        store.add_document(a_document("META/1", title=HOSTILE, text=text), actor=HOSTILE)
        store.add_delegation(Delegation("NEW", name=HOSTILE), actor=HOSTILE)
        document = store.document("META/1")
        amendment = draft_amendment(
            document.current, Proposal("OP1", replace="to act", with_=f"{SQL} {SHELL}",
                                       reason=HOSTILE),
            id="x", proponents=["NEW"], submitted_by=HOSTILE,
            submitted_at=datetime.now(UTC))
        store.submit("META/1", [amendment], actor=HOSTILE)
        [stored] = store.amendments("META/1")
        assert store.document("META/1").title == HOSTILE
        assert store.document("META/1").current.by_label("OP1").text == text
        assert {d.code: d.name for d in store.delegations()}["NEW"] == HOSTILE
        assert (stored.new_text, stored.reason, stored.submitted_by) == (
            f"{SQL} {SHELL}", HOSTILE, HOSTILE)
        assert {e.actor for e in store.events()[-3:]} == {HOSTILE}
        assert store.verify().ok
        assert len(store.documents()) == 2  # the DROP TABLE was only ever text


def test_free_text_that_is_not_text_is_refused(negotiation_url):
    """NUL would make PostgreSQL fail mid-write; ESC would be obeyed by a terminal."""
    before = fingerprint(negotiation_url)
    with open_store(negotiation_url) as store:
        with pytest.raises(StoreError, match=r"the title, character 1: U\+0000 \(NUL\)"):
            store.add_document(a_document("NUL/1", title="A\x00B"))
        with pytest.raises(StoreError, match=r"ESC/1 Zero draft, OP1, character 7: U\+001B"):
            store.add_document(a_document("ESC/1", text="Decides\x1b[2J;"))
        with pytest.raises(StoreError, match=r"the name of X, character 0: U\+202E"):
            store.add_delegation(Delegation("X", name="\u202eUE"))
        document = store.document(SYMBOL)
        amendment = draft_amendment(document.current, Proposal("OP2", delete="provisional"),
                                    id="x", proponents=["EU"], submitted_by="J\x07ane")
        with pytest.raises(StoreError, match=r"amendment 1: submitted by, character 1"):
            store.submit(SYMBOL, [amendment])
    assert fingerprint(negotiation_url) == before


def test_lookups_with_hostile_names_find_nothing_and_change_nothing(negotiation_url):
    before = fingerprint(negotiation_url)
    with open_store(negotiation_url) as store:
        for symbol in (f"{SYMBOL}' OR '1'='1", "%", "_", "*"):
            with pytest.raises(StoreError, match="there is no document"):
                store.document(symbol)
        assert store.amendments(SYMBOL, delegations=["EU' OR '1'='1", "%"]) == []
    assert fingerprint(negotiation_url) == before


# On the command line


def test_delegation_add_refuses_a_bad_code_and_adds_none(negotiation, capsys):
    before = fingerprint(negotiation)
    outcome = run_cli(capsys, "delegation", "add", "CAN", "EU'; DROP TABLE delegations;--",
                      "--db", negotiation)
    assert refused_line(outcome) == (
        "drafting: 'EU'; DROP TABLE delegations;--' is not a delegation code: use ASCII "
        "letters, digits and hyphens, starting with a letter or digit, up to 40 characters "
        "(e.g. EU, G77 or G-77); character 2 is U+0027 (APOSTROPHE)")
    assert fingerprint(negotiation) == before  # CAN, valid, was not added either


def test_import_refuses_a_bad_symbol(tmp_path, negotiation, capsys):
    draft = tmp_path / "draft.md"
    draft.write_text("OP1 Decides;\n", encoding="utf-8")
    before = fingerprint(negotiation)
    for symbol in ("$(reboot)", "A/1\x1b]0;pwned\x07"):
        outcome = run_cli(capsys, "import", str(draft), "--doc", symbol, "--db", negotiation)
        assert "is not a document symbol" in refused_line(outcome)
        assert "\x1b" not in outcome.err and "\x07" not in outcome.err
    assert fingerprint(negotiation) == before


def test_a_symbol_or_code_thousands_of_characters_long_is_quoted_by_its_start(negotiation_url):
    with open_store(negotiation_url) as store:
        with pytest.raises(StoreError) as refused:
            store.add_document(a_document("A" * 5000))
        with pytest.raises(StoreError) as refused_code:
            store.add_delegation(Delegation("E" * 3000))
    assert refused.value.message.startswith(
        f"'{'A' * 80}...' (5,000 characters) is not a document symbol")
    assert refused_code.value.message.startswith(
        f"'{'E' * 80}...' (3,000 characters) is not a delegation code")
    assert len(refused.value.message) < 600 and len(refused_code.value.message) < 600


def test_a_hostile_title_is_imported_and_printed_literally(tmp_path, negotiation, capsys):
    draft = tmp_path / "draft.md"
    draft.write_text("OP1 Decides;\n", encoding="utf-8")
    outcome = run_cli(capsys, "import", str(draft), "--doc", "META/2", "--title", HOSTILE,
                      "--db", negotiation)
    assert outcome.code == 0, outcome.err
    with open_store(negotiation) as store:
        assert store.document("META/2").title == HOSTILE


def test_a_revision_label_longer_than_the_store_keeps_is_refused(negotiation_url, capsys):
    """SQLite kept a 120,000-character label; PostgreSQL failed with its own "value too
    long for type character varying(100)" after the whole revision was made."""
    before = fingerprint(negotiation_url)
    with open_store(negotiation_url) as store:
        symbol = store.documents()[0][0]
    outcome = run_cli(capsys, "revise", symbol, "--label", "Rev." + "9" * 120,
                      "--db", negotiation_url)
    assert "is 124 characters, more than the 100 a label may have" in refused_line(outcome)
    assert fingerprint(negotiation_url) == before


def test_a_symbol_or_store_path_too_long_for_a_file_name_is_said_plainly(negotiation, capsys):
    """`show` looks whether its argument is a file, and the store whether its SQLite file
    exists: a name past the system's limit raised "File name too long" as an internal
    error."""
    outcome = run_cli(capsys, "show", "A" * 120_000, "--db", negotiation)
    assert "there is no document" in refused_line(outcome)
    outcome = run_cli(capsys, "head", "--db", "sqlite:////tmp/" + "a" * 5_000)
    assert "there is no drafting store at" in refused_line(outcome)
    assert "internal error" not in outcome.err
