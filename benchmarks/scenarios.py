"""What the benchmark runs: scenarios, each a list of steps, each step one process.

A `Step` is one ``drafting`` command (or a yardstick process) with its arguments, made
from the workload and the output folder; ``before`` does untimed set-up on the store
first (accepting amendments before ``revise``), and an untimed step (``init``, adding
the delegations) only prepares the next ones. A `Scenario` is the steps in order, run on
one fresh store. To add a scenario, write its steps and put it in `SCENARIOS`.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from synthetic import Workload

DOCX_SUFFIX = "-W"
"""The draft imported from Word is a second document, ``SYMBOL-W``."""
STACK = "import sqlalchemy, typer, docx"
"""What the stack process runs: the packages given to the project, loaded and unused."""
IMPORTS = ("import drafting_cli.app, drafting.store, drafting.workflow, drafting.outputs, "
           "drafting.engine, drafting.readers.docx_draft, drafting.writers.docx_source, "
           "drafting.writers.docx_merged, drafting.writers.compilation_html, "
           "drafting.writers.compilation_markdown")
"""What the imports process runs: the command line and the library modules a `merge`
loads (the store, the engine, the Word reader and writers), and nothing done."""

Args = Callable[[Workload, Path], Sequence[str | Path]]


@dataclass(frozen=True)
class Step:
    """One process of a scenario. ``args`` makes the arguments of ``drafting`` (or, for a
    yardstick, the whole command line after the Python interpreter) from the workload and
    the output folder; ``before(url, workload)`` runs first, untimed."""

    name: str
    title: str
    args: Args
    timed: bool = True
    yardstick: bool = False
    before: Callable[[str, Workload], object] | None = None


@dataclass(frozen=True)
class Scenario:
    """Steps run in order on one fresh store, for one workload."""

    name: str
    steps: tuple[Step, ...]
    prepare: Callable[[Workload], object] | None = None
    """Writes what the steps need beyond the workload (untimed, once per workload)."""

    @property
    def timed(self) -> dict[str, str]:
        """The timed steps, name to title, in order."""
        return {s.name: s.title for s in self.steps if s.timed}


def accept_some(url: str, symbol: str) -> int:
    """Accept one open span amendment in every paragraph that has some (untimed set-up
    for `revise`); returns how many were accepted."""
    from drafting.model import SPAN_KINDS, AmendmentStatus
    from drafting.store import open_store

    with open_store(url) as store:
        chosen: dict[str, str] = {}
        for amendment in store.amendments(symbol, statuses={AmendmentStatus.SUBMITTED}):
            if amendment.kind in SPAN_KINDS:
                chosen.setdefault(amendment.paragraph_id, amendment.id)
        for amendment_id in chosen.values():
            store.decide(amendment_id, "accept", note="benchmark")
    return len(chosen)


def _docx(w: Workload) -> str:
    return w.symbol + DOCX_SUFFIX


_OPENING = (
    Step("stack", "the stack (imports only)", lambda w, out: ["-c", STACK], yardstick=True),
    Step("imports", "drafting's imports only", lambda w, out: ["-c", IMPORTS],
         yardstick=True),
    Step("init", "create the store", lambda w, out: ["init"], timed=False),
)
"""How every scenario opens: the two yardsticks, then a new store."""

NEGOTIATION = Scenario("negotiation", (
    *_OPENING,
    Step("import_md", "import the draft (.md)",
         lambda w, out: ["import", w.draft_md, "--doc", w.symbol]),
    Step("import_docx", "import the draft (.docx)",
         lambda w, out: ["import", w.draft_docx, "--doc", _docx(w)]),
    Step("delegations", "add the delegations",
         lambda w, out: ["delegation", "add", *w.codes], timed=False),
    Step("submit_json", "submit every JSON file",
         lambda w, out: ["submit", w.symbol, *w.submissions, "--yes"]),
    Step("submit_docx", "submit one Word file",
         lambda w, out: ["submit", _docx(w), w.tracked_docx, "--delegation", w.codes[0],
                         "--yes"]),
    Step("compile_docx", "compile to .docx",
         lambda w, out: ["compile", w.symbol, "-o", out / "compilation.docx"]),
    Step("compile_html", "compile to .html",
         lambda w, out: ["compile", w.symbol, "-o", out / "compilation.html"]),
    Step("compile_md", "compile to .md",
         lambda w, out: ["compile", w.symbol, "-o", out / "compilation.md"]),
    Step("merge_docx", "merge to .docx",
         lambda w, out: ["merge", w.symbol, "-o", out / "merged.docx"]),
    Step("amendments", "list the amendments (JSON)",
         lambda w, out: ["amendments", w.symbol, "--json"]),
    Step("positions", "positions (.md)",
         lambda w, out: ["positions", w.symbol, "-o", out / "positions.md"]),
    Step("export", "export the record (JSON)",
         lambda w, out: ["export", w.symbol, "--format", "json", "-o", out / "export.json"]),
    Step("verify", "verify the store", lambda w, out: ["verify"]),
    Step("revise", "revise", lambda w, out: ["revise", w.symbol, "--label", "Rev.1"],
         before=lambda url, w: accept_some(url, w.symbol)),
    Step("diff_docx", "diff two revisions",
         lambda w, out: ["diff", w.symbol, "Zero draft", "Rev.1", "-o", out / "diff.docx"]),
))
"""The secretariat's day on a synthetic negotiation (`samples/synthetic.py`)."""


def _inbox(w: Workload, kind: str) -> list[Path]:
    from inbox import inbox_paths

    return inbox_paths(w, kind)


def _write_inbox(w: Workload) -> None:
    from inbox import write_inbox

    write_inbox(w)


def _edited(w: Workload) -> str:
    return w.symbol + EDITED_SUFFIX


EDITED_SUFFIX = "-E"
"""The draft imported a second time for the edited copies, ``SYMBOL-E`` (the same
delegation's tracked and edited copies propose the same changes: one document each)."""

INBOX = Scenario("inbox", (
    *_OPENING,
    Step("import_docx", "import the draft (.docx)",
         lambda w, out: ["import", w.draft_docx, "--doc", _docx(w)]),
    Step("import_again", "import it again for the edited copies",
         lambda w, out: ["import", w.draft_docx, "--doc", _edited(w)], timed=False),
    Step("delegations", "add the delegations",
         lambda w, out: ["delegation", "add", *w.codes], timed=False),
    Step("submit_tracked", "submit all tracked copies",
         lambda w, out: ["submit", _docx(w), *_inbox(w, "tracked"), "--by-filename",
                         "--yes"]),
    Step("submit_edited", "submit all edited copies",
         lambda w, out: ["submit", _edited(w), *_inbox(w, "edited"), "--by-filename",
                         "--yes"]),
    Step("merge_edited", "merge the edited inbox",
         lambda w, out: ["merge", _edited(w), "-o", out / "merged-inbox.docx"]),
), prepare=_write_inbox)
"""The inbox: every delegation's Word copy (tracked, then edited) of the draft read in one
command each, then merged (`benchmarks/inbox.py` writes the copies)."""

SCENARIOS = {s.name: s for s in (NEGOTIATION, INBOX)}
"""Every scenario, by name."""


def command(step: Step, drafting: Sequence[str], workload: Workload,
            out: Path) -> list[str]:
    """The command line of ``step``: a yardstick under this Python, else ``drafting``."""
    head = [sys.executable] if step.yardstick else list(drafting)
    return [*head, *map(str, step.args(workload, out))]
