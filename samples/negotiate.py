"""The sample negotiation, from the zero draft to Rev.2, on the command line only.

``python samples/negotiate.py [OUTDIR]`` (default ``out/``) plays a secretariat and
five delegations through two rounds, printing every ``drafting`` command it runs and
what it answered. It starts a fresh store, ``OUTDIR/negotiation.db``, and leaves
there what a secretariat circulates:

- ``compilation.docx`` / ``.html``: every round-1 proposal in place, with proponents;
- ``merged.docx``: the zero draft with those proposals as real Word tracked changes;
- ``Rev.1.docx`` and ``Rev.2.docx``: the revised drafts, clean;
- ``compilation-Rev.1.html``: the round-2 proposals on Rev.1;
- ``changes-Rev.1-Rev.2.docx``: what Rev.2 changed, as tracked changes;
- ``A-C.2-81-L.7.json``: the whole record (``drafting export``), its head signed with the
  secretariat's key (``secretariat-signing.key``, made by ``drafting key new``), which a
  delegation checks with the public key (``drafting check-signatures``).

Round 1: the secretariat imports the Word zero draft; the EU and the United States send
it back with Track Changes on, Japan an edited copy without tracked changes, AOSIS a
JSON file, and the G77 coordinator types its proposals on the command line, one of them an
amendment to the EU's proposed new paragraph (``OP9 bis``), shown under it. The
secretariat compiles, decides (one decision taken by mistake, reopened with a note and
taken again), previews Rev.1, settles two brackets and issues it. Round 2: the
delegations answer Rev.1 (JSON, an edited Word copy, the command line); the
secretariat settles more brackets and issues Rev.2, which has fewer brackets than
Rev.1, which has fewer than the zero draft.

Every step goes through ``python -m drafting_cli`` as a separate process, exactly
as a user types it; `tests/test_negotiation.py` runs this script and opens every file.
"""

from __future__ import annotations

import json
import os
import shlex
import subprocess
import sys
from pathlib import Path

import docx

HERE = Path(__file__).parent
SYMBOL = "A/C.2/81/L.7"
OUTPUTS = ("compilation.docx", "compilation.html", "merged.docx", "Rev.1.docx", "Rev.2.docx",
           "compilation-Rev.1.html", "changes-Rev.1-Rev.2.docx", "A-C.2-81-L.7.json")
"""The files the story leaves in OUTDIR, besides the store."""

G77_BY_HAND = (
    ("PP12", "--retain", "--reason", "Special and differential treatment is an integral "
     "part of the fisheries subsidies negotiations (SDG target 14.6)."),
    ("OP7", "--bracket", "and encourages States to refrain from granting subsidies that "
     "contribute to overcapacity and overfishing", "--reason",
     "Prejudges the ongoing negotiations at the World Trade Organization."),
    ("OP15", "--insert", "grant-based and concessional finance, ", "--before", "microfinance",
     "--reason", "Small-scale fishing communities cannot carry further debt."),
    ("OP21", "--retain"),
    ("OP24", "--replace", "submit", "--with", "transmit"),
)
"""What the G77 coordinator types in round 1: one `drafting amend` each."""


class Drafting:
    """Runs ``drafting`` commands on one store, printing each with its answer."""

    def __init__(self, db: Path, actor: str = "Secretariat") -> None:
        self.env = dict(os.environ, DRAFTING_DB=f"sqlite:///{db}", DRAFTING_ACTOR=actor)

    def __call__(self, *args: str | Path, show: bool = True) -> str:
        words = [str(a) for a in args]
        if show:
            print(f"$ drafting {shlex.join(words)}", flush=True)
        done = subprocess.run([sys.executable, "-m", "drafting_cli", *words], env=self.env,
                              capture_output=True, text=True, stdin=subprocess.DEVNULL)
        if done.returncode != 0:
            raise SystemExit(f"`drafting {shlex.join(words)}` failed:\n{done.stderr}")
        if show and done.stdout.strip():
            print(_indent(done.stdout), flush=True)
        return done.stdout

    def pending(self) -> list[dict[str, object]]:
        """The amendments still pending, as `drafting amendments --json` lists them."""
        return json.loads(self("amendments", SYMBOL, "--status", "submitted", "--json",
                               show=False))


def ids(pending: list[dict[str, object]], delegation: str, paragraph: str,
        kind: str | None = None) -> list[str]:
    """The ids of ``delegation``'s amendments to ``paragraph`` (of ``kind``) in ``pending``."""
    return [str(a["id"]) for a in pending if a["proponents"] == [delegation]
            and a["paragraph"] == paragraph and kind in (None, a["kind"])]


def main(argv: list[str] | None = None) -> int:
    """Play the negotiation into OUTDIR (argv[0], default ``out``)."""
    args = sys.argv[1:] if argv is None else argv
    out = Path(args[0] if args else "out").resolve()
    out.mkdir(parents=True, exist_ok=True)
    db = out / "negotiation.db"
    db.unlink(missing_ok=True)
    drafting = Drafting(db)

    _heading("Round 1: the zero draft and five delegations' proposals")
    drafting("init")
    drafting("import", HERE / "docx" / "zero-draft.docx", "--doc", SYMBOL)
    drafting("delegation", "add", "EU", "G77", "USA", "JPN", "AOSIS", "AUS", "NZL", "FJI")
    drafting("submit", SYMBOL, HERE / "docx" / "eu-tracked.docx", "--delegation", "EU", "--yes")
    drafting("submit", SYMBOL, HERE / "docx" / "usa-tracked.docx", "--delegation", "USA",
             "--yes")
    drafting("submit", SYMBOL, HERE / "docx" / "jpn-edited.docx", "--delegation", "JPN",
             "--yes")
    drafting("submit", SYMBOL, HERE / "submissions" / "aosis.json", "--yes")
    for label, *proposal in G77_BY_HAND:
        drafting("amend", SYMBOL, label, "--delegation", "G77", *proposal, "--yes")
    drafting("amend", SYMBOL, "OP9 bis", "--delegation", "G77",  # amends the EU's proposal
             "--replace", "recognizing and respecting their rights",
             "--with", "recognizing, respecting and protecting their rights", "--yes")
    drafting("amendments", SYMBOL)
    drafting("compile", SYMBOL, "-o", out / "compilation.docx")
    drafting("compile", SYMBOL, "-o", out / "compilation.html")
    drafting("merge", SYMBOL, "-o", out / "merged.docx")
    drafting("brackets", SYMBOL)

    _heading("Round 1: in the room, Japan supports the EU on OP10")
    pending = drafting.pending()
    drafting("support", *ids(pending, "EU", "OP10"), "--delegation", "JPN")
    drafting("positions", SYMBOL, "--para", "OP10")

    _heading("Round 1: the secretariat decides, previews and issues Rev.1")
    drafting("withdraw", *ids(pending, "G77", "OP24"), "--delegation", "G77")
    for delegation, paragraph in (("EU", "PP3"), ("EU", "OP10"),
                                  ("JPN", "OP3"), ("JPN", "OP8"), ("AOSIS", "PP9"),
                                  ("AOSIS", "OP9"), ("AOSIS", "OP15"), ("G77", "OP15"),
                                  ("USA", "OP6")):
        for amendment in ids(pending, delegation, paragraph):
            drafting("decide", amendment, "accept", "--note", "agreed in informals")
    for amendment in ids(pending, "USA", "OP23"):  # accepted by mistake, then corrected
        drafting("decide", amendment, "accept")
        drafting("decide", amendment, "reopen", "--note", "accepted by mistake")
        drafting("decide", amendment, "reject", "--note", "no consensus to delete")
    drafting("agree", SYMBOL, "PP1")
    drafting("agree", SYMBOL, "OP1", "--ad-ref")
    preview = drafting("revise", SYMBOL, "--label", "Rev.1", "--choose", "OP24=present",
                       "--keep", "OP22#2", "--dry-run", show=False)  # records nothing
    print("$ drafting revise ... --dry-run   (the text it would issue, then:)")
    print(_indent(preview[preview.index("would issue"):]), flush=True)
    drafting("revise", SYMBOL, "--label", "Rev.1", "--choose", "OP24=present",
             "--keep", "OP22#2")
    drafting("show", SYMBOL, "-o", out / "Rev.1.docx")
    drafting("brackets", SYMBOL)

    _heading("Round 2: the delegations answer Rev.1")
    for name in ("eu.json", "g77.json"):
        drafting("submit", SYMBOL, HERE / "submissions" / "round-2" / name, "--yes")
    drafting("withdraw", *ids(drafting.pending(), "USA", "OP13"), "--delegation", "USA")
    edited = _usa_edits(out / "Rev.1.docx", out / "usa-Rev.1-edited.docx")
    drafting("submit", SYMBOL, edited, "--delegation", "USA", "--yes")
    drafting("amend", SYMBOL, "OP23", "--delegation", "JPN", "--replace",
             "voluntary contributions", "--with", "voluntary and other contributions", "--yes")
    drafting("compile", SYMBOL, "-o", out / "compilation-Rev.1.html")
    drafting("brackets", SYMBOL, "--para", "OP15")

    _heading("Round 2: the secretariat settles more brackets and issues Rev.2")
    pending = drafting.pending()
    for delegation, paragraph, kind in (("EU", "PP15", None), ("G77", "OP22", "delete"),
                                        ("USA", "OP13", None), ("G77", "OP7", "bracket")):
        for amendment in ids(pending, delegation, paragraph, kind):
            drafting("decide", amendment, "accept", "--note", "agreed in informals")
    drafting("revise", SYMBOL, "--label", "Rev.2", "--choose", "OP15=scale up",
             "--keep", "OP23")
    drafting("show", SYMBOL, "-o", out / "Rev.2.docx")
    drafting("brackets", SYMBOL)
    drafting("diff", SYMBOL, "Rev.1", "Rev.2", "-o", out / "changes-Rev.1-Rev.2.docx")
    key = out / "secretariat-signing.key"  # a demo's: a real one stays off shared folders
    key.unlink(missing_ok=True)
    public = drafting("key", "new", key).splitlines()[-1].removeprefix("public key: ")
    drafting("export", SYMBOL, "--format", "json", "-o", out / "A-C.2-81-L.7.json",
             "--sign-with", key)
    drafting("verify")
    _heading("A delegation checks the record it was sent: signed by the secretariat, and "
             "still the store's")
    drafting("check-signatures", out / "A-C.2-81-L.7.json", "--public-key", public)
    drafting("verify", "--anchors", out / "A-C.2-81-L.7.json")

    print(f"\nDone. In {out}/:")
    for name in OUTPUTS:
        print(f"  {name}")
    print(f"and the store itself, {db.name}: try `DRAFTING_DB=sqlite:///{db} drafting log "
          f"{SYMBOL}`.")
    return 0


def _usa_edits(rev1: Path, target: Path) -> Path:
    """What the United States does with Rev.1 in Word: types a compromise over its own
    OP12 proposal in a copy, without Track Changes, and sends the copy back."""
    word = docx.Document(str(rev1))
    old, new = ", with their free, prior and informed consent", ", with their prior consent"
    runs = [run for paragraph in word.paragraphs for run in paragraph.runs if old in run.text]
    if len(runs) != 1:
        raise SystemExit(f"{rev1}: OP12 does not read as the story expects")
    runs[0].text = runs[0].text.replace(old, new)
    word.save(str(target))
    return target


def _heading(text: str) -> None:
    print(f"\n== {text} ==\n", flush=True)


def _indent(text: str) -> str:
    return "\n".join("    " + line for line in text.rstrip().splitlines())


if __name__ == "__main__":
    raise SystemExit(main())
