"""Every row checked on its own, before `drafting.store.verify` compares rows with the record.

The library writes only well-formed rows, and the database's constraints refuse
many malformed ones; but a store may hold rows written before a constraint existed,
or by hand. `check_rows` reads every table and names each row holding something
drafting cannot use: a value that cannot be read at all (a time that is not a time,
a payload that is not JSON), NULL where a value is required (or one end of a span
without the other), a kind, status or role that does not exist, a span that runs
backwards or starts before 0, a negative position or level, formatting marks that are
not marks, a payload that is not a
JSON object, a database role acting for a delegation that is not in the store or
named for another one, a token's salt or hash that is not hex. It never raises over
what it finds; `readable` refuses, naming the row, where a reader needs every row.

A table is read whole; only if that fails is it read again in chunks, and a chunk
that fails row by row, so a store full of good rows costs one query a table.
`Checked.skipped` says what the comparison with the record must leave out: the
things those rows belong to (a document, an amendment, a delegation, a token), which
the loaders could not load; the faults already name them.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Collection, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Column,
    ColumnElement,
    Connection,
    DateTime,
    Integer,
    LargeBinary,
    Row,
    Select,
    String,
    Table,
    Text,
    and_,
    cast,
    func,
    select,
)
from sqlalchemy.exc import DataError, OperationalError

from drafting.lazy_re import lazy_compile
from drafting.model import AmendmentKind, AmendmentStatus, DelegationKind, ParagraphKind
from drafting.model import ParagraphStatus as _PS
from drafting.store import mapping, tables
from drafting.store.chain import EventKind
from drafting.store.errors import RecordMismatch
from drafting.store.mismatch import Mismatch
from drafting.store.payloads import marks_from
from drafting.store.postgres_roles import GROUP, role_name
from drafting.store.tokens import Hashed

UNREADABLE: tuple[type[Exception], ...] = (DataError, ValueError, TypeError, OverflowError,
                                           ArithmeticError, RecursionError)
"""What reading a value that is not what its column promises raises: the driver's
DataError (PostgreSQL: a timestamp out of Python's range), or the conversion's own error
(SQLite: a time or JSON that does not parse, or JSON nested too deep to parse). See
`unreadable` for the whole test."""


def unreadable(error: BaseException) -> bool:
    """Whether ``error``, raised while reading rows, says a value cannot be read as its
    column promises (rather than that the database cannot be read at all): one of
    `UNREADABLE`, or SQLite's "Could not decode to UTF-8" for bytes that are not text."""
    if isinstance(error, UNREADABLE):
        return True
    return isinstance(error, OperationalError) and "could not decode" in str(error).lower()


class _Unreadable(Exception):
    """A query failed over a value it could not read (`unreadable`)."""

_CHUNK = 500
_LEFT_UNREAD = {("revision_sources", "content")}  # large; `verify` hashes it itself
_CHOICES: dict[tuple[str, str], Collection[str]] = {
    ("paragraph_versions", "kind"): [str(k) for k in ParagraphKind],
    ("paragraph_versions", "status"): [str(s) for s in _PS],
    ("delegations", "kind"): [str(k) for k in DelegationKind],
    ("amendments", "kind"): [str(k) for k in AmendmentKind],
    ("amendments", "status"): [str(s) for s in AmendmentStatus],
    ("amendment_statuses", "status"): [str(s) for s in AmendmentStatus],
    ("decisions", "decision"): tables.DECISIONS,
    ("events", "kind"): [str(k) for k in EventKind],
    ("revision_front", "role"): tables.FRONT_ROLES,
    ("revision_sources", "format"): tables.SOURCE_FORMATS,
}
_COUNTS = {"position", "level", "size"}  # whole numbers from 0
_NUMBERED = {("events", "seq"), ("submissions", "event_seq"), ("amendment_statuses", "event_seq"),
             ("decisions", "event_seq")}  # event numbers, from 1
_SPANS = (("span_start", "span_end"), ("anchor_start", "anchor_end"))
_ROLE_PREFIX = lazy_compile(r"[a-z_][a-z0-9_]{0,39}")  # as `postgres_roles.roles` allows
_ROLE_BYTES = 63


@dataclass(slots=True)
class Checked:
    """What `check_rows` found: ``faults`` in table order, row by row; ``bad`` the
    primary keys of the faulty rows, by table; ``unreadable`` those of them that could
    not even be read; ``events`` the log as read (so that it is read once)."""

    faults: list[Mismatch] = field(default_factory=list)
    bad: dict[str, set[tuple[Any, ...]]] = field(default_factory=lambda: defaultdict(set))
    unreadable: dict[str, set[tuple[Any, ...]]] = field(
        default_factory=lambda: defaultdict(set))
    events: list[Mapping[str, Any]] = field(default_factory=list)
    """The rows of ``events`` that could be read, in order."""

    def skipped(self, connection: Connection) -> Skipped:
        """What the faulty rows belong to, as `drafting.store.verify` names things."""
        return _skipped(connection, self.bad)


@dataclass(frozen=True, slots=True)
class Skipped:
    """Things left out of the comparison with the record because a row of theirs is
    faulty: delegations by code, documents by symbol, amendments by id (``A3``),
    submissions by content hash, and tokens by id."""

    delegations: frozenset[str] = frozenset()
    documents: frozenset[str] = frozenset()
    amendments: frozenset[str] = frozenset()
    submissions: frozenset[str] = frozenset()
    credentials: frozenset[str] = frozenset()


def check_rows(connection: Connection) -> Checked:
    """Read and check every row of every table of the store."""
    checked = Checked()
    codes = set(connection.scalars(select(tables.delegations.c.code)))
    for table in tables.metadata.sorted_tables:
        columns = [c for c in table.columns if (table.name, c.name) not in _LEFT_UNREAD]
        rows, unreadable = _read(connection, table, columns)
        for key, faults in unreadable.items():
            checked.unreadable[table.name].add(key)
            _add(checked, table, key, faults)
        if table.name == "events":
            checked.events = [row._mapping for row in rows]
        for key, faults in _faulty(table, columns, rows, codes).items():
            _add(checked, table, key, faults)
    for key, kind in _not_bytes(connection):
        _add(checked, tables.revision_sources, (key,), [f"content is {kind}, not bytes"])
    return checked


def _not_bytes(connection: Connection) -> list[tuple[Any, str]]:
    """(revision id, what it is) of each source whose content SQLite holds as something
    else than bytes (a PostgreSQL bytea column holds nothing else); the bytes themselves
    are not read here."""
    if connection.dialect.name != "sqlite":
        return []
    source = tables.revision_sources.c
    kind = func.typeof(source.content)
    return [(row[0], row[1]) for row in connection.execute(
        select(source.revision_id, kind).where(kind != "blob"))]


def _add(checked: Checked, table: Table, key: tuple[Any, ...], faults: list[str]) -> None:
    checked.bad[table.name].add(key)
    where = row_name(table, key)
    event = key[0] if table.name == "events" and isinstance(key[0], int) else None
    checked.faults += [Mismatch(where, fault, event) for fault in faults]


def row_name(table: Table, key: tuple[Any, ...]) -> str:
    """A row as faults name it: ``table events, row seq 3``."""
    return f"table {table.name}, row " + ", ".join(
        f"{column.name} {value!r}" for column, value in zip(table.primary_key.columns, key,
                                                            strict=True))


# Reading


def readable(connection: Connection, table: Table, where: ColumnElement[bool] | None = None,
             *, checked: bool = False,
             columns: Sequence[Column[Any]] | None = None) -> list[Row[Any]]:
    """Every row of ``table`` (those ``where`` selects), in primary key order, as one query
    reads them when all can be read. RecordMismatch naming the first row that cannot be
    read (a value that is not what its column promises: a payload nested too deep to
    parse, a time that is not a time), its table, row and column, and `drafting verify`:
    nothing is shown or exported from a record changed behind drafting's back. With
    ``checked``, if all can be read, the first row `check_rows` finds faulty likewise (a
    kind that does not exist, a span that runs backwards). ``columns``: only these are
    read (and checked; not with ``checked``)."""
    assert columns is None or not checked
    columns = list(table.columns) if columns is None else list(columns)
    rows, unread = _read(connection, table, columns, where)
    if checked and not unread:
        codes = set(connection.scalars(select(tables.delegations.c.code)))
        unread = _faulty(table, columns, rows, codes)
    if not unread:
        return rows
    key, faults = next(iter(unread.items()))
    more = sum(map(len, unread.values())) - 1
    tail = f" (and {more} more)" if more else ""
    raise RecordMismatch(
        f"the record cannot be read: {row_name(table, key)}: {faults[0]}{tail}; it was "
        "changed behind drafting's back: run `drafting verify` to see every mismatch, and "
        "restore the store from a backup")


def _read(connection: Connection, table: Table, columns: Sequence[Column[Any]],
          where: ColumnElement[bool] | None = None) -> tuple[
        list[Row[Any]], dict[tuple[Any, ...], list[str]]]:
    """Every row of ``table`` (those ``where`` selects) that can be read (``columns``
    only), and for each row that cannot, what cannot be read in it, by primary key, in
    key order."""
    key = list(table.primary_key.columns)
    query = select(*columns).order_by(*key)
    keys = select(*key).order_by(*key)
    if where is not None:
        query, keys = query.where(where), keys.where(where)
    try:
        return _fetch(connection, query), {}
    except _Unreadable:
        pass
    rows: list[Row[Any]] = []
    unreadable: dict[tuple[Any, ...], list[str]] = {}
    for offset in range(0, _count(connection, table, where), _CHUNK):
        try:
            rows += _fetch(connection, query.limit(_CHUNK).offset(offset))
            continue
        except _Unreadable:
            pass
        for found in connection.execute(keys.limit(_CHUNK).offset(offset)):
            one = and_(*(column == value for column, value in zip(key, found, strict=True)))
            try:
                rows += _fetch(connection, query.where(one))
            except _Unreadable:
                unreadable[tuple(found)] = list(_unreadable(connection, columns, one))
    return rows, unreadable


def _fetch(connection: Connection, query: Select[Any]) -> list[Row[Any]]:
    """The rows of ``query``; _Unreadable if a value in them cannot be read."""
    try:
        return list(connection.execute(query))
    except Exception as error:
        if unreadable(error):
            raise _Unreadable from error
        raise


def _count(connection: Connection, table: Table,
           where: ColumnElement[bool] | None = None) -> int:
    query = select(func.count()).select_from(table)
    return connection.scalar(query if where is None else query.where(where)) or 0


def _unreadable(connection: Connection, columns: Sequence[Column[Any]],
                one: Any) -> Iterator[str]:
    """What cannot be read in the row ``one`` selects, column by column, with the value
    as the database has it (as text, or on SQLite in hex when it is not even text)."""
    for column in columns:
        try:
            _fetch(connection, select(column).where(one))
            continue
        except _Unreadable:
            pass
        shown = "(not even as text)"
        forms = [cast(column, Text)]
        if connection.dialect.name == "sqlite":
            forms.append("x'" + func.lower(func.hex(column)) + "'")
        for form in forms:
            try:
                shown = _shown(_fetch(connection, select(form).where(one))[0][0])
                break
            except _Unreadable:
                continue
        yield f"{column.name} is {shown}, which cannot be read as {_noun(column)}"


def _noun(column: Column[Any]) -> str:
    kind = column.type
    if isinstance(kind, DateTime):
        return "a time"
    if isinstance(kind, JSON):
        return "JSON"
    if isinstance(kind, Integer):
        return "a whole number"
    if isinstance(kind, LargeBinary):
        return "bytes"
    return "text"


def _shown(value: Any, limit: int = 60) -> str:
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 3] + "..."


# Checking


@dataclass(frozen=True, slots=True)
class _Rule:
    """What the values of one column must be: a value unless ``nullable``, of Python type
    ``kind`` (None: any), one of ``choices`` (None: any), at least ``least``."""

    name: str
    nullable: bool
    kind: Any
    noun: str
    choices: tuple[str, ...] | None
    least: int | None


def _rule(table: str, column: Column[Any]) -> _Rule:
    least = 1 if (table, column.name) in _NUMBERED else 0 if column.name in _COUNTS else None
    choices = _CHOICES.get((table, column.name))
    return _Rule(column.name, bool(column.nullable), _python_type(column), _noun(column),
                 None if choices is None else tuple(choices), least)


def _value_faults(rules: Sequence[_Rule], row: Sequence[Any]) -> list[str]:
    """What is wrong with the values of ``row``, one fault at most a value (a loop, not a
    call a value: it runs over every value of the store)."""
    found = []
    for rule, value in zip(rules, row, strict=True):
        if value is None:
            if not rule.nullable:
                found.append(f"{rule.name} is NULL, where a value is required")
        elif rule.kind is not None and (not isinstance(value, rule.kind)
                                        or value.__class__ is bool):
            found.append(f"{rule.name} is {_shown(value)}, not {rule.noun}")
        elif rule.choices is not None and value not in rule.choices:
            found.append(f"{rule.name} is {_shown(value)}, which is not one of: "
                         f"{', '.join(rule.choices)}")
        elif rule.least is not None and value < rule.least:
            found.append(f"{rule.name} is {value}, below {rule.least}"
                         + (": events are numbered from 1" if rule.least else ""))
    return found


def _faulty(table: Table, columns: Sequence[Column[Any]], rows: Sequence[Row[Any]],
            codes: set[str]) -> dict[tuple[Any, ...], list[str]]:
    """What is wrong with each of ``rows`` (of ``columns``) that has a fault, by key."""
    rules = [_rule(table.name, column) for column in columns]
    keys = [columns.index(column) for column in table.primary_key.columns]
    found = {}
    for row in rows:
        faults = _value_faults(rules, row) + list(_row_faults(table.name, row, codes))
        if faults:
            found[tuple(row[n] for n in keys)] = faults
    return found


def _row_faults(table: str, row: Row[Any], codes: set[str]) -> Iterator[str]:
    """What is wrong with ``row`` as a whole (several of its values together)."""
    if table == "amendments":
        yield from _span_faults(row._mapping)
        yield from _marks_faults(row.marks)
    elif table == "events" and not isinstance(row.payload, dict | None):
        yield f"payload is {_shown(row.payload)}, not a JSON object"
    elif table == "role_delegations":
        yield from _role_faults(row.role_name, row.delegation_code, codes)
    elif table == "credentials":
        kept = Hashed(row.id, row.scheme, row.salt, row.hash)
        damage = kept.damage if isinstance(kept.salt, str) and isinstance(kept.hash, str) \
            else None  # said already
        if damage is not None:
            yield f"{damage}: no token can be checked against it"
    elif table == "paragraph_versions":
        yield from _marks_faults(row.marks)


def _marks_faults(marks: Any) -> Iterator[str]:
    """What is wrong with a column of formatting marks (JSON, "" for none)."""
    if isinstance(marks, str) and marks:
        try:
            marks_from(json.loads(marks))
        except (ValueError, TypeError):
            yield f"marks are {_shown(marks)}, not the marks of a text"


def _python_type(column: Column[Any]) -> Any:
    kind = column.type
    if isinstance(kind, DateTime):
        return datetime
    if isinstance(kind, Integer):
        return int
    if isinstance(kind, String | Text):
        return str
    if isinstance(kind, LargeBinary):
        return bytes | memoryview
    return None


def _span_faults(row: Mapping[str, Any]) -> Iterator[str]:
    for start_name, end_name in _SPANS:
        start, end = row[start_name], row[end_name]
        if (start is None) != (end is None):
            empty, other = (start_name, end_name) if start is None else (end_name, start_name)
            yield (f"{empty} is NULL but {other} is {row[other]}: a span has both ends or "
                   "neither")
        elif isinstance(start, int) and isinstance(end, int):
            if start < 0:
                yield f"{start_name} is {start}: a span cannot start before the text does"
            if start > end:
                yield f"{start_name}..{end_name} is {start}..{end}: a span cannot run backwards"


def _role_faults(role: Any, code: Any, codes: set[str]) -> Iterator[str]:
    if not isinstance(role, str) or not isinstance(code, str):
        return  # said already
    if code not in codes:
        yield (f"the role {role} acts for delegation {code!r}, which is not in the store: "
               "drop the role or run `drafting postgres-roles --apply` again")
        return
    own = role_name(code, "")
    prefix = role[: -len(own)] if own and role.endswith(own) else None
    if (prefix is None or not _ROLE_PREFIX.fullmatch(prefix) or role == prefix + GROUP
            or len(role.encode("utf-8")) > _ROLE_BYTES):
        yield (f"the role {role} acts for {code}, but its name is not a role name of {code} "
               f"(such as {role_name(code)}): a role named for one delegation may not act "
               "for another")


# What the comparison leaves out


def _skipped(connection: Connection, bad: Mapping[str, set[tuple[Any, ...]]]) -> Skipped:
    def first(name: str) -> set[Any]:
        return {key[0] for key in bad.get(name, ())}

    revision, paragraph, decision = tables.revisions.c, tables.paragraphs.c, tables.decisions.c
    revision_ids = first("revisions") | first("revision_labels") | first(
        "revision_front") | first("revision_sources") | first("paragraph_versions")
    document_ids = first("documents") | _values(
        connection, revision.document_id, revision.id, revision_ids) | _values(
        connection, paragraph.document_id, paragraph.id, first("paragraphs"))
    amendment_numbers = first("amendments") | first("amendment_proponents") | first(
        "amendment_supporters") | first("amendment_statuses") | _values(
        connection, decision.amendment_id, decision.id, first("decisions"))
    submission = tables.submissions.c
    return Skipped(
        delegations=frozenset(first("delegations") | first("delegation_members")),
        documents=frozenset(_values(connection, tables.documents.c.symbol,
                                    tables.documents.c.id, document_ids)),
        amendments=frozenset(mapping.amendment_id(n) for n in amendment_numbers
                             if isinstance(n, int)),
        submissions=frozenset(_values(connection, submission.content_hash, submission.id,
                                      first("submissions"))),
        credentials=frozenset(first("credentials")))


def _values(connection: Connection, wanted: Column[Any], key: Column[Any],
            keys: set[Any]) -> set[Any]:
    """``wanted`` of the rows whose ``key`` is in ``keys``."""
    if not keys:
        return set()
    return set(connection.scalars(select(wanted).where(key.in_(sorted(keys, key=str)))))
