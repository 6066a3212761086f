"""What to say about a file of a kind drafting does not read: which kind it is, and how
its author turns it into one drafting reads (a delegation's LibreOffice, an old Word, a
PDF)."""

from __future__ import annotations

_ADVICE = {
    ".odt": "an OpenDocument text, as LibreOffice saves it: save it in Word's format, "
            "File > Save As, Word 2007-365",
    ".ott": "an OpenDocument template: save it as Word (.docx)",
    ".fodt": "an OpenDocument text: save it as Word (.docx)",
    ".doc": "an old Word 97-2003 file: open it in Word and save it as a .docx document",
    ".dot": "an old Word template: open it in Word and save it as a .docx document",
    ".docm": "a Word document with macros: save it as a Word document (.docx)",
    ".dotx": "a Word template: save it as a Word document (.docx)",
    ".dotm": "a Word template with macros: save it as a Word document (.docx)",
    ".rtf": "an RTF file: open it in Word and save it as a .docx document",
    ".pdf": "a PDF holds no paragraphs or tracked changes to read: send the Word file it "
            "was made from, or import a draft's text: pdftotext -layout draft.pdf draft.txt",
    ".pages": "an Apple Pages file: export it as Word (File > Export To > Word)",
    ".wpd": "a WordPerfect file: save it as Word (.docx)",
}


def kind_advice(suffix: str) -> str:
    """`` (what the file is: what to do)`` for a file ending with ``suffix`` (".odt")
    that drafting does not read, or "" when there is nothing more to say."""
    advice = _ADVICE.get(suffix.lower())
    return f" ({advice})" if advice else ""
