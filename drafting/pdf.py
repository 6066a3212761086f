"""PDF to share: a Word output converted by LibreOffice headless.

The Word file is written into a private temporary folder, LibreOffice (``soffice``) turns
it into PDF there with a throw-away profile, and the PDF replaces the target whole (as
every output is written: `drafting.atomic`). Without LibreOffice, one line says which
package to install.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from collections.abc import Callable
from pathlib import Path

from drafting import atomic
from drafting.errors import DraftingError, InputError

TIMEOUT = 300
"""Seconds LibreOffice may take to convert one document."""


def write_pdf(path: Path, write_docx: Callable[[Path], None]) -> None:
    """Write ``path`` (.pdf): ``write_docx`` writes the Word file it is made from.

    Raises InputError when LibreOffice is not installed (naming the package), and
    DraftingError when it fails to convert; ``path`` is then as it was.
    """
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        raise InputError(f"{path}: writing PDF needs LibreOffice: install it (Debian, Ubuntu: "
                         "apt-get install libreoffice-writer), or write .docx")
    with tempfile.TemporaryDirectory(prefix="drafting-pdf-") as folder:
        work = Path(folder)
        word = work / f"{path.stem}.docx"
        write_docx(word)
        try:
            done = subprocess.run(
                [soffice, f"-env:UserInstallation={(work / 'profile').as_uri()}", "--headless",
                 "--norestore", "--convert-to", "pdf", "--outdir", str(work), str(word)],
                capture_output=True, text=True, timeout=TIMEOUT, check=False)
        except subprocess.TimeoutExpired as error:
            raise DraftingError(f"{path}: LibreOffice took over {TIMEOUT} s to make the PDF; "
                                "write .docx instead") from error
        made = work / f"{path.stem}.pdf"
        if not made.exists():
            said = (done.stderr or done.stdout).strip().splitlines()
            raise DraftingError(f"{path}: LibreOffice could not make the PDF"
                                + (f": {said[-1]}" if said else ""))
        atomic.write_atomically(path, made.read_bytes())
