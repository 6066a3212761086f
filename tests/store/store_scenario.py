"""Shared test data for the store: a small document, the sample negotiation, helpers.

Run as a script to write the fixture of a store at the current head schema,
for the migration test (tests/store/test_store_schema.py)::

    python tests/store/store_scenario.py [REVISION]

writes tests/store/data/store_at_<head>.json. Do it once when adding a
migration, so later migrations are tested on a store made at this one. With an
older REVISION it writes the store as that schema held it: the same scenario
without what came later (Word sources before 0005), its rows in that schema's
tables only.
"""

from __future__ import annotations

import base64
import json
import sys
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, MetaData, inspect, select, update

from drafting.engine.amend import Proposal, draft_amendment
from drafting.engine.revise import Decisions, revise
from drafting.engine.subamend import draft_subamendment
from drafting.model import (
    Amendment,
    Delegation,
    DelegationKind,
    Document,
    Paragraph,
    ParagraphKind,
    ParagraphStatus,
    Revision,
)
from drafting.readers import load_submission, read_draft
from drafting.store import Store, open_store
from drafting.store.payloads import amendment_json, delegation_json, document_json
from drafting.store.sources import info_json

ROOT = Path(__file__).parents[2]
SAMPLES = ROOT / "samples"
DATA = Path(__file__).parent / "data"
SYMBOL = "A/C.2/81/L.7"
SAMPLE_DOCX = SAMPLES / "docx" / "zero-draft.docx"
"""The sample zero draft as a Word file: the same text as samples/zero-draft.md."""
OP = ParagraphKind.OPERATIVE

FRONT_MATTER = ("United Nations", "TEST/1", "General Assembly", "Distr.: Limited", "",
                "Eighty-first session\tAgenda item 18", "Fiji and Samoa: draft resolution")
"""The small text's front matter: a blank line and a tab kept as they are."""
ZERO = Revision("Zero draft", (
    Paragraph("p1", "PP1", ParagraphKind.PREAMBULAR, "Recalling its resolution 70/1,"),
    Paragraph("p2", "OP1", OP, "Decides to convene a meeting [in 2027 / in 2028];"),
    Paragraph("p3", "OP2", OP, "Requests the Secretary-General to submit a report;"),
    Paragraph("p4", "OP3", OP, "Invites States to contribute [within existing resources]."),
    Paragraph("p5", "OP4", OP, "Décide de rester saisi de la question — 继续处理此事;"),
), front_matter=FRONT_MATTER, chapeau="The General Assembly,")
SMALL = Document("TEST/1", "A small text", (ZERO,))


def delegations() -> list[Delegation]:
    """The delegations of the sample negotiation, one of them a group with members."""
    return [
        Delegation("EU", "European Union", DelegationKind.GROUP, ("FRA", "DEU", "ITA")),
        Delegation("G77", "Group of 77 and China", DelegationKind.GROUP, ("BRA", "CHN")),
        Delegation("AOSIS", "Alliance of Small Island States", DelegationKind.GROUP),
        Delegation("USA", "United States of America"),
        Delegation("JPN", "Japan"),
        Delegation("CAN", "Canada"),
        Delegation("AUS", "Australia"),
        Delegation("NZL", "New Zealand"),
        Delegation("FJI", "Fiji"),
    ]


def amend(code: str, label: str, *, revision: Revision = ZERO, **fields: Any) -> Amendment:
    """An amendment by ``code`` on paragraph ``label`` of ``revision`` (a provisional id)."""
    return draft_amendment(revision, Proposal(label, **fields), id=f"{code}-tmp",
                           proponents=[code])


def sample_document() -> Document:
    """The sample zero draft (samples/zero-draft.md) as document A/C.2/81/L.7."""
    return read_draft(SAMPLES / "zero-draft.md").to_document(SYMBOL)


def sample_submissions(document: Document) -> list[list[Amendment]]:
    """Each delegation's sample submission, drafted on ``document``."""
    return [load_submission(path, document)[1]
            for path in sorted((SAMPLES / "submissions").glob("*.json"))]


def fill(store: Store, *, sources: bool = True, support: bool = True,
         reopen: bool = True, subamend: bool = True, again: bool = False) -> None:
    """A negotiation with something of everything: two documents (the sample one with
    its Word file as source, unless not ``sources``), groups, submissions, support given
    and withdrawn after the fact (unless not ``support``: schema 0008), a withdrawal,
    decisions, one of them taken by mistake and reopened (unless not ``reopen``: schema
    0009), an amendment to another's proposal, accepted with it (unless not ``subamend``:
    schema 0010), agreement and a revision; with ``again`` (schema 0011), a proposal on
    that revision withdrawn and tabled again."""
    for delegation in delegations():
        store.add_delegation(delegation, actor="secretariat")
    store.add_document(SMALL, actor="secretariat")
    document = sample_document()
    store.add_document(document, source=SAMPLE_DOCX.read_bytes() if sources else None,
                       actor="secretariat")
    for submission in sample_submissions(document):
        store.submit(SYMBOL, submission, actor=submission[0].submitted_by)
    first = store.submit(SMALL.symbol, [
        amend("EU", "OP2", replace="submit", with_="present", reason="agreed language"),
        amend("G77", "OP3", delete=" [within existing resources]"),
        amend("USA", "OP1", new_paragraph="Decides also to act;", supporters=("JPN", "CAN")),
        amend("JPN", "OP4", replace="question", with_="matière"),
    ], actor="Ms. Tanaka")
    accepted = {first.ids[0], first.ids[2]}
    if subamend:
        (usa,) = [a for a in store.amendments(SMALL.symbol) if a.id == first.ids[2]]
        sub = draft_subamendment(usa, Proposal(usa.id, replace="act", with_="proceed"),
                                 id="AUS-tmp", proponents=["AUS"], revision="Zero draft")
        accepted |= set(store.submit(SMALL.symbol, [sub], actor="Mr. Smith").ids)
    if support:
        store.support(first.ids[2], "AUS", actor="Mr. Smith")
        store.support(first.ids[2], "CAN", withdraw=True, actor="Ms. Roy")
    store.withdraw(first.ids[3], "JPN", actor="Ms. Tanaka")
    store.decide(first.ids[0], "accept", note="consensus in informals", actor="chair")
    if reopen:
        store.decide(first.ids[1], "accept", actor="chair")
        store.decide(first.ids[1], "reopen", note="accepted by mistake: the EU objects",
                     actor="chair")
    store.decide(first.ids[1], "reject", actor="chair")
    store.set_paragraph_status(SMALL.symbol, "p1", ParagraphStatus.AGREED_AD_REF)
    small = store.document(SMALL.symbol)
    outcome = revise(small, store.amendments(SMALL.symbol),
                     Decisions(accepted=frozenset(accepted),
                               rejected=frozenset({first.ids[1]})), label="Rev.1")
    store.add_revision(SMALL.symbol, outcome, actor="secretariat")
    if again:
        current = store.document(SMALL.symbol).current
        assert current is not None
        keep = [amend("G77", next(iter(current)).label, revision=current, retain=True)]
        store.withdraw(store.submit(SMALL.symbol, keep, actor="Mr. Silva").ids[0], "G77",
                       actor="Mr. Silva")
        store.submit(SMALL.symbol, keep, actor="Mr. Silva")  # tabled again


def views(store: Store) -> dict[str, Any]:
    """Everything the API shows, as JSON values (for comparing two stores)."""
    return {
        "delegations": [delegation_json(d) for d in store.delegations()],
        "documents": [document_json(store.document(symbol)) for symbol, _ in store.documents()],
        "amendments": {symbol: [amendment_json(a) for a in store.amendments(symbol)]
                       for symbol, _ in store.documents()},
        "events": [[e.seq, e.kind, e.hash] for e in store.events()],
        "sources": [[symbol, label, info_json(info)] for symbol, _ in store.documents()
                    for label, info in store.sources(symbol).items()],
    }


def _plain(value: Any) -> Any:
    if isinstance(value, datetime):
        aware = value if value.tzinfo else value.replace(tzinfo=UTC)
        return aware.astimezone(UTC).isoformat(timespec="microseconds")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, bytes | memoryview):
        return base64.b64encode(bytes(value)).decode("ascii")
    return value


def dump_tables(engine: Engine) -> dict[str, list[dict[str, Any]]]:
    """Every row of every table (reflected, so any schema), in primary-key order."""
    metadata = MetaData()
    metadata.reflect(engine)
    tables: dict[str, list[dict[str, Any]]] = {}
    with engine.connect() as connection:
        for table in metadata.sorted_tables:
            order = list(table.primary_key.columns) or list(table.columns)
            rows = connection.execute(select(table).order_by(*order)).mappings()
            tables[table.name] = [{k: _plain(v) for k, v in row.items()} for row in rows]
    return tables


def write_fixture(directory: Path = DATA, revision: str | None = None) -> Path:
    """Fill a fresh SQLite store and write its rows and views: at the head schema, or
    as schema ``revision`` held it (see the module's docstring)."""
    import tempfile

    from drafting.store.connect import make_engine, resolve_url

    with tempfile.TemporaryDirectory() as tmp:
        url = f"sqlite:///{tmp}/fixture.db"
        with open_store(url, check_version=False) as store:
            head = store.init()
            revision = revision or head
            fill(store, sources=revision >= "0005", support=revision >= "0008",
                 reopen=revision >= "0009", subamend=revision >= "0010",
                 again=revision >= "0011")
            expected = views(store)
        engine = make_engine(resolve_url(url))
        if revision != head:
            with engine.begin() as connection:
                connection.execute(update(_version()).values(version_num=revision))
        tables = dump_tables(engine)
        engine.dispose()
        kept = _tables_at(f"{tmp}/at.db", revision)
    tables = {name: rows for name, rows in tables.items() if name in kept}
    path = directory / f"store_at_{revision}.json"
    path.write_text(json.dumps({"revision": revision, "tables": tables, "views": expected},
                               ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return path


def _version() -> Any:
    from sqlalchemy import Column, String, Table

    return Table("alembic_version", MetaData(), Column("version_num", String(32)))


def _tables_at(file: str, revision: str) -> set[str]:
    """The tables of a store at schema ``revision``."""
    from drafting.store.connect import make_engine, resolve_url
    from drafting.store.schema import upgrade

    url = resolve_url(f"sqlite:///{file}")
    engine = make_engine(url)
    upgrade(engine, url, revision)
    names = set(inspect(engine).get_table_names())
    engine.dispose()
    return names


if __name__ == "__main__":
    sys.stdout.write(f"wrote {write_fixture(DATA, *sys.argv[1:2])}\n")


def submit_at_once(url: str, code: str, rounds: int, alike: bool, barrier: Any,
                   results: Any) -> None:
    """A delegation's process: wait for the others, then submit ``rounds`` submissions of
    two amendments each, then (if ``alike``) the submission every process sends. Puts
    (code, ids, shared ids, refused count, error or None) on ``results``."""
    from drafting.store import ConflictError

    ids: list[str] = []
    refused = 0
    shared: tuple[str, ...] = ()
    try:
        with open_store(url) as store:
            current = store.document(SMALL.symbol).current
            assert current is not None
            barrier.wait(timeout=120)
            for n in range(rounds):
                amendments = [amend(code, "PP1", revision=current, replace="Recalling",
                                    with_=f"Recalling ({code} {n} {k})") for k in range(2)]
                try:
                    ids += store.submit(SMALL.symbol, amendments, actor=code).ids
                except ConflictError:
                    refused += 1
            if alike:
                same = [amend("EU", "OP2", revision=current, replace="submit", with_="present")]
                shared = store.submit(SMALL.symbol, same,  # entered for the EU, by no
                                      actor=f"Clerk #{code[1:]}").ids  # delegation's name
        results.put((code, ids, shared, refused, None))
    except BaseException as error:  # report it to the parent, whatever it is
        results.put((code, ids, shared, refused, repr(error)))


def revise_at_once(url: str, barrier: Any, results: Any) -> None:
    """The secretariat's process: wait for the others, then issue Rev.1 unchanged."""
    try:
        with open_store(url) as store:
            barrier.wait(timeout=120)
            outcome = revise(store.document(SMALL.symbol), [], Decisions(), label="Rev.1")
            store.add_revision(SMALL.symbol, outcome, actor="secretariat")
        results.put(("secretariat", [], (), 0, None))
    except BaseException as error:
        results.put(("secretariat", [], (), 0, repr(error)))
