"""The Typer app, and the one place where errors become messages and exit codes."""

from __future__ import annotations

import atexit
import gc
import logging
import os
import sys
import time

import typer

from drafting.characters import escaped
from drafting.errors import DraftingError
from drafting_cli import (
    amendments,
    delegations,
    documents,
    keys,
    outputs,
    secretariat,
    store_commands,
    submit,
    tokens,
)
from drafting_cli.common import OnceCommand, show_warnings
from drafting_cli.streams import OutputLost, said, standard_streams

app = typer.Typer(
    name="drafting",
    help="Co-draft negotiation texts: paragraphs, [bracketed alternatives] and "
    "amendments attributed to delegations.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)
app.command("init", cls=OnceCommand)(store_commands.init)
app.command("import", cls=OnceCommand)(documents.import_)
app.add_typer(delegations.app, name="delegation")
app.add_typer(tokens.app, name="token")
app.command("show", cls=OnceCommand)(documents.show)
app.command("amend", cls=OnceCommand)(amendments.amend)
app.command("submit", cls=OnceCommand)(submit.submit)
app.command("withdraw", cls=OnceCommand)(amendments.withdraw)
app.command("support", cls=OnceCommand)(amendments.support)
app.command("amendments", cls=OnceCommand)(amendments.amendments)
app.command("compile", cls=OnceCommand)(outputs.compile_)
app.command("merge", cls=OnceCommand)(outputs.merge)
app.command("decide", cls=OnceCommand)(secretariat.decide)
app.command("agree", cls=OnceCommand)(secretariat.agree)
app.command("revise", cls=OnceCommand)(secretariat.revise)
app.command("diff", cls=OnceCommand)(outputs.diff)
app.command("positions", cls=OnceCommand)(outputs.positions)
app.command("brackets", cls=OnceCommand)(documents.brackets)
app.command("log", cls=OnceCommand)(secretariat.log)
app.command("head", cls=OnceCommand)(store_commands.head)
app.add_typer(keys.app, name="key")
app.command("check-signatures", cls=OnceCommand)(keys.check_signatures)
app.command("verify", cls=OnceCommand)(store_commands.verify)
app.command("postgres-roles", cls=OnceCommand)(store_commands.postgres_roles)
app.command("export", cls=OnceCommand)(outputs.export)

_state = {"debug": False}


def _version(value: bool) -> None:
    if value:
        from importlib.metadata import version  # only here: it costs every command

        typer.echo(f"drafting {version('drafting')}")
        raise typer.Exit()


@app.callback()
def _options(
    debug: bool = typer.Option(False, "--debug", help="Show the full traceback of an error."),
    _show_version: bool = typer.Option(
        False, "--version", callback=_version, is_eager=True, help="Print the version and stop."
    ),
) -> None:
    _state["debug"] = debug


# No automatic cyclic garbage collection while a command runs. A command builds its
# objects once and keeps them to the end (100,000 amendments are millions of objects), and
# reference counting frees nearly all the rest: collections found little to free and walked
# every object the command made at least twice. With Python's default thresholds they took
# 10-25% of compile, merge and the amendment list at 100,000 amendments; collecting as
# rarely as every 100,000 new objects, still 14-19% of a compile, a merge, a diff or the
# list there, and more the more amendments there were (peak memory the same with none).
# Where a command does make cycles file after file (a Word package opened through
# python-docx), it collects them itself (`drafting.intake.prepare_file`,
# `drafting.read_ahead`). At its end, what the command made (and the modules it imported on
# the way) is moved to the oldest generation before collections resume: else the first
# allocation after them started a collection of all of it (70-150 ms at the end of a merge
# of 3,860 amendments, after its work was done).
def main() -> None:
    """Run the command line; every failure is one line on stderr and a non-zero exit.
    With ``DRAFTING_TIMING=1`` the command's own time is told on stderr at the end."""
    collecting = gc.isenabled()
    gc.freeze()  # what importing built (modules, classes) is never walked again
    gc.disable()  # no automatic collection during a command: see the note above
    atexit.unregister(_freeze_at_exit)  # once, however often main() is called
    atexit.register(_freeze_at_exit)
    started = time.perf_counter()
    told = _LibraryWarnings()
    library = logging.getLogger("drafting")
    library.addHandler(told)
    with standard_streams():  # closed, full or broken: see drafting_cli.streams
        try:
            _run()
        finally:  # as it was, for a program (or a test) that calls main() and goes on
            library.removeHandler(told)
            gc.freeze()  # first: what the command made is not walked once collections resume
            if collecting:
                gc.enable()
            gc.unfreeze()  # everything left is the oldest generation's, as if long kept
            if os.environ.get("DRAFTING_TIMING"):
                _timing(time.perf_counter() - started)


class _LibraryWarnings(logging.Handler):
    """What the library logs as a warning (a writer's clock behind the record's, in
    `drafting.store.session`), told as every warning is: ``warning: ...`` on stderr."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)

    def emit(self, record: logging.LogRecord) -> None:
        show_warnings([record.getMessage()])


def _freeze_at_exit() -> None:
    """At the interpreter's exit, once main() has run: freeze every object left, so that
    its last collections (made as it tears its modules down) walk none of them. A
    command's process holds hundreds of thousands of objects at its end (the modules and
    classes the command line imported, what SQLAlchemy built): walking them took a tenth
    of a second of a merge or a compile at 3,860 amendments, to free memory that the
    process's end frees anyway. Nothing is frozen before the exit: a program (or a test)
    that calls main() and goes on keeps its collections as they were (`main`)."""
    gc.freeze()


def _timing(seconds: float) -> None:
    import resource  # only here: Unix only, and only when asked

    # workers: those reading an inbox's Word files; their CPU counts, and their peak is
    # the largest one's (each forked from the command, sharing most of its memory)
    own, workers = (resource.getrusage(who)
                    for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN))
    cpu = own.ru_utime + own.ru_stime + workers.ru_utime + workers.ru_stime
    peak = max(own.ru_maxrss, workers.ru_maxrss)
    print(f"drafting: timing: work {seconds:.3f} s, process cpu {cpu:.3f} s, "
          f"peak {peak / 1024:.1f} MB (the largest process)", file=sys.stderr)


def _run() -> None:
    try:
        app(standalone_mode=True)
    except SystemExit as end:
        if end.code == INTERRUPTED:  # Ctrl-C, which Typer ends silently
            print("drafting: interrupted; nothing is left half done (a write under way "
                  "was undone, a file under way not written)", file=sys.stderr)
        raise
    except OutputLost as lost:  # before recording: nothing was; after: what was, said
        if (words := said(lost)) is None:
            sys.exit(1)  # a reader gone (`| head -1`) with nothing at stake: silent
        _fail(*words, code=1)
    except DraftingError as error:
        if _state["debug"]:
            raise
        _fail(f"drafting: {error.message}", error.details, code=1)
    except Exception as error:  # a bug of ours: say so plainly, never a traceback
        if _state["debug"]:
            raise
        _fail(
            f"drafting: internal error ({type(error).__name__}: {error}); "
            "run again with --debug for the traceback and please report it (if the store "
            "was changed outside drafting, drafting verify names what was changed)",
            code=2,
        )


INTERRUPTED = 130
"""The exit code of a command ended by Ctrl-C (128 + SIGINT, as shells have it)."""


def _fail(message: str, details: str = "", *, code: int) -> None:
    # Messages may quote hostile input: control characters are printed as escapes, so
    # the message stays one line and a terminal obeys nothing in it.
    print(escaped(message), file=sys.stderr)
    if details:
        print(escaped(details, keep="\n"), file=sys.stderr)
    sys.exit(code)
