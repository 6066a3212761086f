"""LibreOffice's Compare, timed: what a word processor takes to find one copy's changes.

    /usr/bin/python3 benchmarks/lo_compare.py DRAFT.docx COPY.docx [COPY.docx ...] [--json]

Run with the interpreter that can ``import uno`` (Debian's python3-uno: /usr/bin/python3).
It starts one headless LibreOffice of its own (a throw-away profile, its own pipe), then for
each copy opens the draft, compares the copy against it (Edit > Track Changes > Compare
Document, ``.uno:CompareDocuments``) and closes it, and prints the seconds each copy took
and the changes LibreOffice found. The office's start-up is left out. ``benchmarks/run.py``
runs it beside ``drafting submit --by-filename`` on the same copies, where LibreOffice is
installed. A word processor has no step that turns 193 compared copies into one combined
draft (Combine crashed when tried): only the per-copy Compare is comparable.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

import uno  # type: ignore[import-not-found]  # Debian's python3-uno
from com.sun.star.beans import PropertyValue  # type: ignore[import-not-found]
from com.sun.star.connection import NoConnectException  # type: ignore[import-not-found]


def _property(name: str, value: object) -> PropertyValue:
    found = PropertyValue()
    found.Name, found.Value = name, value
    return found


class Writer:
    """One headless LibreOffice, started for this run and stopped by `close`."""

    def __init__(self) -> None:
        self.profile = tempfile.mkdtemp(prefix="lo_compare_")
        pipe = f"lo_compare_{uuid.uuid4().hex[:8]}"
        self.process = subprocess.Popen(
            ["soffice", f"-env:UserInstallation=file://{self.profile}", "--headless",
             "--invisible", "--norestore", "--nologo", "--nodefault", "--nolockcheck",
             f"--accept=pipe,name={pipe};urp;StarOffice.ComponentContext"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext(
            "com.sun.star.bridge.UnoUrlResolver", local)
        deadline = time.monotonic() + 60
        while True:
            try:
                context = resolver.resolve(
                    f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
                break
            except NoConnectException:
                if time.monotonic() > deadline or self.process.poll() is not None:
                    self.close()
                    raise SystemExit("LibreOffice did not start") from None
                time.sleep(0.1)
        manager = context.ServiceManager
        self.desktop = manager.createInstanceWithContext("com.sun.star.frame.Desktop", context)
        self.dispatcher = manager.createInstanceWithContext(
            "com.sun.star.frame.DispatchHelper", context)

    def compare(self, draft: Path, copy: Path) -> int:
        """Open ``draft``, compare ``copy`` against it; the number of changes found."""
        document = self.desktop.loadComponentFromURL(
            uno.systemPathToFileUrl(str(draft.resolve())), "_blank", 0,
            (_property("Hidden", True),))
        try:
            frame = document.getCurrentController().getFrame()
            self.dispatcher.executeDispatch(
                frame, ".uno:CompareDocuments", "", 0,
                (_property("URL", uno.systemPathToFileUrl(str(copy.resolve()))),
                 _property("NoAcceptDialog", True)))
            return document.getRedlines().getCount()
        finally:
            document.close(True)

    def close(self) -> None:
        desktop = getattr(self, "desktop", None)
        if desktop is not None:
            with contextlib.suppress(Exception):  # the office may be gone already
                desktop.terminate()
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()
        shutil.rmtree(self.profile, ignore_errors=True)


def main(argv: list[str]) -> int:
    as_json = "--json" in argv
    paths = [Path(arg) for arg in argv if arg != "--json"]
    if len(paths) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    draft, copies = paths[0], paths[1:]
    office = Writer()
    try:
        figures = []
        for copy in copies:
            started = time.perf_counter()
            found = office.compare(draft, copy)
            figures.append({"copy": copy.name, "seconds": round(time.perf_counter() - started, 3),
                            "changes": found})
    finally:
        office.close()
    total = sum(item["seconds"] for item in figures)
    if as_json:
        print(json.dumps({"copies": len(figures), "seconds": round(total, 3),
                          "per_copy": figures}))
    else:
        for item in figures:
            print(f"{item['copy']}: {item['seconds']:.2f} s, {item['changes']} changes")
        print(f"{len(figures)} copies compared in {total:.1f} s "
              f"({total / len(figures):.2f} s each)")
    return 0


if __name__ == "__main__":
    os.environ.setdefault("SAL_USE_VCLPLUGIN", "svp")
    raise SystemExit(main(sys.argv[1:]))
