"""Whose is each file of an inbox: told by its name, or by a map.

A secretariat receives a folder of delegations' files (``EU.docx``, ``usa-comments.docx``,
``G77_rev.docx``, ``aosis.json``) and submits them in one go. Who proposes what in each
is told one of three ways, each giving an `Inbox`: one delegation for every file
(`given`, ``--delegation``), the delegation code each file's name starts with
(`by_filename`, ``--by-filename``), or a CSV map (`read_map`, ``--map inbox.csv``).
Nothing here opens a submission file: a name that tells nobody, or a map that does not
hold, is refused before any file is read. `drafting.intake` then reads the files and
records them.

Names: the code must open the name (case is forgiven), followed by the end of the name or
a character that is not a letter (nor a digit, after a code ending in one): ``eu
comments.docx``, ``EU2.docx`` and ``EU_v2.docx`` are EU's, ``EUR.docx`` is not (unless
EUR is itself a code), nor is ``G77.docx`` G7's; the longest code wins (``G77_rev.docx``
is G77's when G7 is known too). A name that opens with no code, or with two
(``EU-USA.docx``), is refused, the refusal listing the codes the store knows. A
``.json`` file names its own delegation: its name is checked only when it
names one (then the two must agree, as with ``--delegation``). What programs leave in a
folder (Word's and LibreOffice's lock files, ``~$EU.docx`` and ``.~lock.EU.docx#``, kept
beside a document while it is open; a Mac's ``._EU.docx`` on a shared drive;
``Thumbs.db``, ``desktop.ini``, ``.DS_Store``), and a file given twice (by the same path
or another, ``./EU.docx``), are passed over with a note.

The map: one line per file, ``file,delegation[,Word author=CODE ...]``; a first line
``file,delegation,...`` is a header and is skipped, as are empty lines and lines
starting with ``#``; ``;`` may stand for ``,`` (as spreadsheets in many languages save
CSV). Paths are relative to the map's folder. With no files given, every file it lists
is submitted; with files given, each must be in it (by path, else by name) and only
those are submitted (the others are named in `Inbox.skipped`). A ``.json`` line may
leave the delegation empty (the file names its own); a ``.docx`` line may, when author
columns (or ``authors`` for every file) attribute every change. Every bad line is listed,
with its number, and nothing is submitted.
"""

from __future__ import annotations

import csv
import io
import os
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from drafting.characters import escaped
from drafting.errors import InputError
from drafting.lazy_re import lazy_compile
from drafting.readers.file_kinds import kind_advice

SUFFIXES = (".docx", ".json")
"""The files a delegation submits."""


@dataclass(frozen=True, slots=True)
class InboxFile:
    """A file to submit and whose it is."""

    path: Path
    delegation: str | None = None
    """The delegation the file is submitted as; None for a ``.json`` file whose name
    names none (the file names its own) or a Word file whose authors tell it all."""
    authors: Mapping[str, str] = field(default_factory=dict)
    """Word author -> delegation code, for a Word file's tracked changes."""


@dataclass(frozen=True, slots=True)
class Refused:
    """A file of the inbox that cannot be submitted, and why (naming the file)."""

    path: Path
    reason: str
    nameless: bool = False
    """Whether its name opens with no delegation code."""

    def said(self, known: Collection[str]) -> str:
        """Why, with the codes ``known`` where its name names none."""
        return f"{self.reason}; {_known(known)}" if self.nameless else self.reason


@dataclass(frozen=True, slots=True)
class Inbox:
    """The files to submit, whose each is; the files whose name told nobody
    (`by_filename` only: `check` refuses them, ``--each`` passes over them); and, for a
    map, a note for each line of a file that was not given."""

    files: tuple[InboxFile, ...]
    refused: tuple[Refused, ...] = ()
    skipped: tuple[str, ...] = ()

    def check(self, known: Collection[str]) -> None:
        """InputError listing every refused file and the codes ``known``, if any."""
        if not self.refused:
            return
        count = len(self.refused)
        lines = [f"  {escaped(r.reason)}" for r in self.refused]  # a name may hold "\n"
        raise InputError(
            f"cannot tell whose {count} file{'s' * (count != 1)} {'are' if count > 1 else 'is'}"
            f" from {'their names' if count > 1 else 'its name'}; nothing was recorded: a "
            "file's name starts with its delegation's code (EU.docx, EU2.docx, "
            f"eu-comments.docx, G77_rev.docx); {_known(known)}", details="\n".join(lines))


def given(paths: Iterable[str | Path], *, delegation: str | None = None,
          authors: Mapping[str, str] | None = None) -> Inbox:
    """Every file as one ``delegation``'s (a ``.json`` names its own; it must agree), with
    the Word ``authors`` map; a lock file a word processor keeps beside an open document
    is passed over (`Inbox.skipped` says so)."""
    paths, skipped = _without_locks(paths)
    return Inbox(tuple(InboxFile(p, delegation, dict(authors or {})) for p in paths),
                 skipped=skipped)


def _without_locks(paths: Iterable[str | Path]) -> tuple[list[Path], tuple[str, ...]]:
    """``paths`` without the files programs leave in a folder (`_left_by_programs`: never
    a submission, and not a Word document) and without a file given again (by another
    path too: ``./EU.docx``), and a note for each one left out."""
    kept, notes = [], []
    seen: dict[str, Path] = {}
    for raw in paths:
        path = Path(raw)
        if (left := _left_by_programs(path.name)) is not None:
            notes.append(f"{path} passed over: {left}, not a submission")
        elif (first := seen.setdefault(os.path.realpath(path), path)) is not path:
            notes.append(f"{path} passed over: the same file as {first}, given before")
        else:
            kept.append(path)
    return kept, tuple(notes)


_SYSTEM_FILES = {"thumbs.db": "a file Windows keeps in a folder of pictures",
                 "desktop.ini": "a file Windows keeps in a folder",
                 ".ds_store": "a file macOS keeps in a folder"}


def _left_by_programs(name: str) -> str | None:
    """What a file named ``name`` is where a program, not a delegation, left it in an
    inbox: a lock file beside an open document (Word's ``~$EU.docx``, LibreOffice's
    ``.~lock.EU.docx#``), the copy of a file's Mac attributes on a shared drive
    (``._EU.docx``) or a folder's own file (``Thumbs.db``); None for any other."""
    if name.startswith("~$"):
        return "a lock file Word keeps beside a document while it is open"
    if name.startswith(".~lock."):
        return "a lock file LibreOffice keeps beside a document while it is open"
    if name.startswith("._"):
        return "the copy of a file's attributes a Mac leaves on a shared drive"
    return _SYSTEM_FILES.get(name.casefold())


def delegation_from_name(path: str | Path, known: Collection[str]) -> str | None:
    """The code among ``known`` that the name of the file at ``path`` starts with (see the
    module: case forgiven, a separator or the end after it, the longest); None when it
    starts with none. InputError when it starts with two (``EU-USA.docx``)."""
    stem = Path(path).stem
    first = _codes_at(stem, 0, known)
    if not first:
        return None
    code = first[0]
    after = len(code)
    while after < len(stem) and not stem[after].isalnum():
        after += 1
    other = [c for c in _codes_at(stem, after, known) if c != code]
    if other:
        raise InputError(f"{path}: its name names both {code} and {other[0]}; name the file "
                         "after one delegation")
    return code


def by_filename(paths: Iterable[str | Path], known: Collection[str], *,
                authors: Mapping[str, str] | None = None) -> Inbox:
    """Each file as the delegation its name starts with (`delegation_from_name`), Word
    files with the ``authors`` map. A file whose name tells nobody (or two), or that is
    neither .docx nor .json, is in `Inbox.refused`; no file is opened."""
    files, refused = [], []
    paths, skipped = _without_locks(paths)
    for path in paths:
        if (wrong := _wrong_kind(path)) is not None:
            refused.append(Refused(path, wrong))
            continue
        try:
            code = delegation_from_name(path, known)
        except InputError as error:
            refused.append(Refused(path, error.message))
            continue
        if code is None and path.suffix.lower() != ".json":
            refused.append(Refused(path, f"{path}: its name starts with no delegation "
                                   f"code{_run_on(path.stem, known)}", nameless=True))
            continue
        word = path.suffix.lower() == ".docx"
        files.append(InboxFile(path, code, dict(authors or {}) if word else {}))
    return Inbox(tuple(files), tuple(refused), skipped)


def read_map(path: str | Path, known: Collection[str], *,
             files: Sequence[str | Path] = (),
             authors: Mapping[str, str] | None = None) -> Inbox:
    """The files the CSV map at ``path`` lists, each as its line says (see the module),
    the ``authors`` map for every Word file beside each line's own. With ``files``, only
    those files, each of which must be in the map. InputError listing every problem
    (line numbers, unknown codes with the codes ``known``) and submitting nothing."""
    path = Path(path)
    rows, problems = _rows(path, known, authors or {})
    if not problems and not rows:
        problems.append(f"{path}: it lists no file")
    if not files:  # the map's own files: each must be there
        problems += [f"{path}, line {row.line}: no file {row.file}" for row in rows
                     if not row.file.is_file()]
    if problems:
        _refuse(path, sorted(problems, key=_line_of), known)
    if not files:
        return Inbox(tuple(row.entry(row.file) for row in rows))
    return _of_given(path, rows, [Path(f) for f in files], known)


@dataclass(frozen=True, slots=True)
class _Row:
    line: int
    file: Path
    delegation: str | None
    authors: dict[str, str]

    def entry(self, path: Path) -> InboxFile:
        return InboxFile(path, self.delegation, self.authors)


def _rows(path: Path, known: Collection[str],
          authors: Mapping[str, str]) -> tuple[list[_Row], list[str]]:
    """The map's lines as rows, and what is wrong with them."""
    text = _text(path)
    delimiter = ";" if ";" in text.split("\n", 1)[0] and "," not in text.split("\n", 1)[0] \
        else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    rows: list[_Row] = []
    problems: list[str] = []
    seen: dict[Path, int] = {}
    first = True
    try:
        for cells in reader:
            cells = [cell.strip() for cell in cells]
            while cells and not cells[-1]:
                cells.pop()
            if not cells or cells[0].startswith("#"):
                continue
            if first and _header(cells):
                first = False
                continue
            first = False
            where = f"{path}, line {reader.line_num}"
            row = _row(where, reader.line_num, path.parent, cells, known, authors, problems)
            if row is None:
                continue
            key = row.file.resolve()
            if key in seen:
                problems.append(f"{where}: {cells[0]} is listed already on line {seen[key]}")
                continue
            seen[key] = row.line
            rows.append(row)
    except csv.Error as error:
        problems.append(f"{path}, line {reader.line_num}: not CSV as it stands ({error})")
    return rows, problems


def _row(where: str, line: int, folder: Path, cells: list[str], known: Collection[str],
         authors: Mapping[str, str], problems: list[str]) -> _Row | None:
    """One line of the map as a row; None (its problems added) if it will not do."""
    before = len(problems)
    name, code = cells[0], cells[1] if len(cells) > 1 else ""
    if not name:
        problems.append(f"{where}: no file in the first column")
        return None
    file = Path(name) if Path(name).is_absolute() else folder / name
    if (wrong := _wrong_kind(Path(name))) is not None:
        problems.append(f"{where}: {wrong}")
    own: dict[str, str] = {}
    for cell in cells[2:]:
        author, sep, mapped = cell.rpartition("=")
        if not cell:
            continue
        if not sep or not author.strip() or not mapped.strip():
            problems.append(f"{where}: '{cell}' is not a Word author's delegation: write it "
                            "as 'Word author name=CODE'")
            continue
        own[author.strip()] = mapped.strip()
    for wanted in ([code] if code else []) + list(own.values()):
        if (problem := _unknown(wanted, known)) is not None:
            problems.append(f"{where}: {problem}")
    json_file = file.suffix.lower() == ".json"
    if json_file and own:
        problems.append(f"{where}: {name}: Word authors go with Word files; a .json file "
                        "names its own proponents")
    if not json_file and not code and not own and not authors:
        problems.append(f"{where}: whose is {name}? put its delegation in the second column")
    if len(problems) > before:
        return None
    return _Row(line, file, code or None, {} if json_file else {**authors, **own})


def _of_given(path: Path, rows: list[_Row], files: list[Path],
              known: Collection[str]) -> Inbox:
    """The rows of the ``files`` given, in their order; the rest noted as skipped."""
    by_path = {row.file.resolve(): row for row in rows}
    entries, problems, used = [], [], {}
    for file in files:
        row = by_path.get(file.resolve())
        if row is None:
            named = [r for r in rows if r.file.name == file.name]
            if len(named) > 1:
                lines = " and ".join(str(r.line) for r in named)
                problems.append(f"{file}: lines {lines} of {path} both list a file named "
                                f"{file.name}; give its path as the map does")
                continue
            row = named[0] if named else None
        if row is None:
            problems.append(f"{file} is not in {path}: add a line for it "
                            "(file,delegation) or leave it out")
            continue
        if row.line in used and used[row.line] != file.resolve():
            problems.append(f"{file}: line {row.line} of {path} is matched by another file "
                            "given already; give the file as the map does")
            continue
        used[row.line] = file.resolve()
        entries.append(row.entry(file))
    if problems:
        _refuse(path, problems, known)
    skipped = tuple(f"{path}, line {row.line}: {row.file.name} was not given; not submitted"
                    for row in rows if row.line not in used)
    return Inbox(tuple(entries), skipped=skipped)


def _text(path: Path) -> str:
    """The map's text; ReaderError (an InputError) if it is no file, is past
    `MAX_MAP_BYTES` or cannot be read as UTF-8 text."""
    from drafting.given_files import decoded, read_given
    from drafting.limits import MAX_MAP_BYTES

    raw = read_given(path, MAX_MAP_BYTES, kind="a .csv map of files",
                     limit_said="a map of files may take (a line per file)")
    return decoded(raw, path, save_as="'CSV UTF-8'")


def _line_of(problem: str) -> int:
    """The line number a problem names (``..., line 3: ...``), 0 for none."""
    _, found, rest = problem.partition(", line ")
    number = rest.split(":", 1)[0]
    return int(number) if found and number.isdigit() else 0


def _header(cells: list[str]) -> bool:
    """Whether a first line is a header: ``file,delegation,...``."""
    return cells[0].casefold() in {"file", "files", "path", "filename", "file name"} and (
        len(cells) < 2 or cells[1].casefold() in {"delegation", "code", "delegation code"})


def _codes_at(stem: str, start: int, known: Collection[str]) -> list[str]:
    """The codes ``stem`` holds at ``start``, each ending a word there (`_ends`), longest
    first."""
    rest = stem[start:].casefold()
    found = [code for code in known if rest.startswith(code.casefold()) and _ends(rest, code)]
    return sorted(found, key=len, reverse=True)


def _ends(rest: str, code: str) -> bool:
    """Whether ``code``, opening ``rest``, ends there: the end of ``rest`` follows, or a
    character that is no letter, nor a digit after a code ending in one ("EU2" is EU and
    a number, "EUR" another word, "G77" no G7)."""
    if len(rest) == len(code):
        return True
    after = rest[len(code)]
    return not after.isalpha() and not (after.isdigit() and code[-1:].isdigit())


_WORD = lazy_compile(r"[^\W_]+")


def _run_on(stem: str, known: Collection[str]) -> str:
    """What a name that opens with a known code run on into a word says of it ("EUR"
    after EU); "" for another name."""
    rest = stem.casefold()
    code = max((c for c in known if rest.startswith(c.casefold())), key=len, default=None)
    if code is None:
        return ""
    word = _WORD.match(stem)
    return (f" ('{word.group() if word else stem}' is not {code}: a code ends the name or "
            f"is followed by no letter, as in {code}.docx, {code}2.docx, {code}-comments.docx)")


def _wrong_kind(path: Path) -> str | None:
    suffix = path.suffix.lower()
    if suffix in SUFFIXES:
        return None
    return (f"{path}: cannot submit '{suffix or 'no extension'}' files{kind_advice(suffix)}; "
            "use .json or .docx")


def _unknown(code: str, known: Collection[str]) -> str | None:
    """What is wrong with ``code`` as a delegation of the store; None if it is one."""
    from drafting.characters import code_problem, code_twin

    if code in known:
        return None
    if (twin := code_twin(code, known)) is not None:
        return f"unknown delegation '{code}': the store has {twin}; use {twin}"
    if (why := code_problem(code)) is not None:
        return f"'{escaped(code)}' is not a delegation code: {why}"
    return f"unknown delegation '{code}'"


def _known(known: Collection[str]) -> str:
    listed = ", ".join(sorted(known))
    return f"the store knows: {listed}" if listed else \
        "the store knows no delegation yet (add them with `drafting delegation add`)"


def _refuse(path: Path, problems: list[str], known: Collection[str]) -> None:
    """InputError: the map's problems, one a line, and nothing submitted."""
    codes = any("unknown delegation" in p or "delegation code" in p for p in problems)
    tail = f"; {_known(known)}" if codes else ""
    if len(problems) == 1:
        raise InputError(f"{problems[0]}; nothing was recorded{tail}")
    raise InputError(f"{path}: {len(problems)} problems; nothing was recorded{tail}",
                     details="\n".join(f"  {escaped(p)}" for p in problems))
