"""The hostile-input corpus: builders that make each hostile file at test time.

Nothing big is committed: a zip bomb, a billion-laughs file or a password-protected
Word file is a few kilobytes of code away. Each `Hostile` names the file it builds
and the phrase the refusal must contain; `HOSTILE_DOCX` lists them all, and the
tests walk every one through the library and the command line.

`fingerprint` sums up a store (events, their last hash, documents, amendments,
delegations) so that a test can say "the store is unchanged" in one comparison.
"""

from __future__ import annotations

import io
import os
import struct
import sys
import warnings
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import docx

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MAIN = "word/document.xml"
SYMBOL = "A/C.2/81/L.7"
DRAFT = """# Sustainable fisheries

PP1 Recalling its resolution 70/1 of 25 September 2015,

OP1 Requests the Secretary-General to submit a report [within existing resources];

OP2 Decides to include the item in its provisional agenda;
"""
CODES = ("EU", "G77", "USA")


# A real, minimal Word package, and ways to bend it


@cache
def _template() -> tuple[tuple[str, bytes], ...]:
    buffer = io.BytesIO()
    docx.Document().save(buffer)
    with zipfile.ZipFile(buffer) as package:
        return tuple((name, package.read(name)) for name in package.namelist())


def package_parts() -> dict[str, bytes]:
    """The parts of an empty document written by python-docx (a fresh dict each time)."""
    return dict(_template())


def paragraph(text: str) -> str:
    """One ``w:p`` holding ``text`` (already escaped for XML) in one run."""
    return f'<w:p><w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p>'


def document_xml(body: str, *, prolog: str = "") -> bytes:
    """A ``word/document.xml`` whose body is ``body``; ``prolog`` goes before the root."""
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n{prolog}'
            f'<w:document xmlns:w="{W_NS}"><w:body>{body}</w:body></w:document>').encode()


def write_package(path: Path, parts: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as package:
        for name, data in parts.items():
            package.writestr(name, data)
    return path


def word_file(path: Path, body: str, *, prolog: str = "") -> Path:
    """A Word package whose document body is ``body``."""
    parts = package_parts()
    parts[MAIN] = document_xml(body, prolog=prolog)
    return write_package(path, parts)


def draft_body(*texts: str) -> str:
    return "".join(paragraph(text) for text in texts)


# Hostile Word files


@dataclass(frozen=True)
class Hostile:
    """A hostile file: ``build(folder)`` writes it and returns its path; the refusal
    must contain ``phrase``."""

    name: str
    build: Callable[[Path], Path]
    phrase: str

    def __str__(self) -> str:  # the test id
        return self.name


def _bytes(name: str, data: bytes) -> Callable[[Path], Path]:
    def build(folder: Path) -> Path:
        path = folder / name
        path.write_bytes(data)
        return path
    return build


def _not_a_zip(folder: Path) -> Path:
    return _bytes("notes.docx", b"OP1 Decides to act;\n")(folder)


def _pdf(folder: Path) -> Path:
    return _bytes("report.docx", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj <<>> endobj\n")(folder)


def _empty(folder: Path) -> Path:
    return _bytes("empty.docx", b"")(folder)


def _truncated(folder: Path) -> Path:
    whole = word_file(folder / "whole.docx", draft_body("OP1 Decides;")).read_bytes()
    return _bytes("cut.docx", whole[: len(whole) // 2])(folder)


def _no_document_part(folder: Path) -> Path:
    parts = package_parts()
    del parts[MAIN]
    return write_package(folder / "spreadsheet.docx", parts)


def _malformed(folder: Path) -> Path:
    parts = package_parts()
    parts[MAIN] = document_xml(draft_body("OP1 Decides;")).replace(b"</w:p>", b"</w:q>")
    return write_package(folder / "malformed.docx", parts)


LAUGHS = ('<!DOCTYPE lolz [<!ENTITY lol "lol">'
          + "".join(f'<!ENTITY lol{n} "{f"&lol{n - 1};" * 10}">' for n in range(2, 10))
          + "]>\n").replace("&lol1;", "&lol;")
"""A billion laughs: ``&lol9;`` expands to 10^9 "lol"s."""


def _billion_laughs(folder: Path) -> Path:
    return word_file(folder / "laughs.docx", draft_body("OP1 &lol9;"), prolog=LAUGHS)


def _external_entity(folder: Path) -> Path:
    prolog = '<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n'
    return word_file(folder / "xxe.docx", draft_body("OP1 &xxe;"), prolog=prolog)


def _external_dtd(folder: Path) -> Path:
    prolog = '<!DOCTYPE w:document SYSTEM "http://127.0.0.1:9/evil.dtd">\n'
    return word_file(folder / "dtd.docx", draft_body("OP1 Decides;"), prolog=prolog)


def _entity_in_utf7(folder: Path) -> Path:
    """An external entity written in UTF-7, which the part's declaration names: "<" is
    "+ADw-", so a search of the bytes for "<!DOCTYPE" finds nothing, and the parser
    reads it."""
    prolog = "+ADw-!DOCTYPE w:document [+ADw-!ENTITY xxe SYSTEM 'file:///etc/passwd'>]>\n"
    xml = document_xml(draft_body("OP1 &xxe;"), prolog=prolog)
    parts = package_parts()
    parts[MAIN] = xml.replace(b'encoding="UTF-8"', b'encoding="UTF-7"', 1)
    return write_package(folder / "utf7.docx", parts)


def _part_name_in_another_case(folder: Path) -> Path:
    """The style sheet moved to ``word/styles.bin``, a billion laughs, typed as XML by an
    override naming it ``/WORD/STYLES.BIN``: part names compare without regard to case,
    so python-docx parses it as the styles; the scan must read it too."""
    parts = package_parts()
    styles = parts.pop("word/styles.xml")
    head, _, body = styles.partition(b"?>\n")
    parts["word/styles.bin"] = head + b"?>\n" + LAUGHS.encode() + body
    parts["[Content_Types].xml"] = parts["[Content_Types].xml"].replace(
        b'PartName="/word/styles.xml"', b'PartName="/WORD/STYLES.BIN"')
    rels = "word/_rels/document.xml.rels"
    parts[rels] = parts[rels].replace(b'Target="styles.xml"', b'Target="styles.bin"')
    parts[MAIN] = document_xml(draft_body("OP1 Decides;"))
    return write_package(folder / "styles-bin.docx", parts)


def _two_style_sheets(folder: Path) -> Path:
    """The main part related to two style sheets: python-docx takes one, and fails."""
    parts = package_parts()
    rels = "word/_rels/document.xml.rels"
    parts[rels] = parts[rels].replace(b"</Relationships>", (
        b'<Relationship Id="rId99" Type="http://schemas.openxmlformats.org/officeDocument/'
        b'2006/relationships/styles" Target="stylesWithEffects.xml"/></Relationships>'))
    parts[MAIN] = document_xml(draft_body("OP1 Decides;"))
    return write_package(folder / "two-styles.docx", parts)


def _styles_are_the_main_part(folder: Path) -> Path:
    """The main part's style sheet relationship naming the main part itself: python-docx
    took the document for its own style sheet and recursed without end."""
    parts = package_parts()
    rels = "word/_rels/document.xml.rels"
    parts[rels] = parts[rels].replace(b'Target="styles.xml"', b'Target="/word/document.xml"')
    parts[MAIN] = document_xml(draft_body("OP1 Decides;"))
    return write_package(folder / "styles-self.docx", parts)


def _zip_bomb(folder: Path) -> Path:
    """A main part that unpacks to 12 MB from about 12 KB: a ratio of about 1000."""
    padding = "<!--" + " " * (12 * 1024 * 1024) + "-->"
    parts = package_parts()
    parts[MAIN] = document_xml(draft_body("OP1 Decides;") + padding)
    return write_package(folder / "bomb.docx", parts)


def _too_many_parts(folder: Path) -> Path:
    parts = package_parts()
    parts.update({f"customXml/item{n}.xml": b"<a/>" for n in range(2_001)})
    return write_package(folder / "parts.docx", parts)


def _deep(folder: Path) -> Path:
    depth = 300
    body = ("<w:p>" + "<w:hyperlink>" * depth + "<w:r><w:t>OP1 Decides;</w:t></w:r>"
            + "</w:hyperlink>" * depth + "</w:p>")
    return word_file(folder / "deep.docx", body)


def _huge_text_node(folder: Path) -> Path:
    """A run of 11 MB of text that does not compress (no zip bomb): past lxml's limit."""
    text = os.urandom(11 * 1024 * 1024 // 2).hex()
    return word_file(folder / "huge-node.docx", paragraph(f"OP1 {text};"))


def _control_character(folder: Path) -> Path:
    """A C1 control character (allowed by XML 1.0, so the parser lets it through; U+0085,
    which Word files hold for an ellipsis, is read as one instead)."""
    return word_file(folder / "control.docx", draft_body("OP1 Decides to\u0086 act;"))


def _bidi_override(folder: Path) -> Path:
    """Trojan Source: RIGHT-TO-LEFT OVERRIDE shows "...stnemecnuonna" backwards."""
    return word_file(folder / "override.docx",
                     draft_body("OP1 Decides to \u202eesaeler\u202c the funds;"))


CFB_SIGNATURE = bytes.fromhex("D0CF11E0A1B11AE1")
_FREE, _END_OF_CHAIN, _FAT_SECTOR = 0xFFFFFFFF, 0xFFFFFFFE, 0xFFFFFFFD


def compound_file(streams: list[str]) -> bytes:
    """A minimal OLE2 compound file (what Word writes for an encrypted .docx, or a
    .doc): a header, one FAT sector, one directory sector naming ``streams`` (empty),
    as MS-CFB version 3 lays them out. Enough for anything that reads the directory."""
    header = bytearray(512)
    header[0:8] = CFB_SIGNATURE
    struct.pack_into("<HHHHH", header, 24, 0x3E, 3, 0xFFFE, 9, 6)  # versions, order, shifts
    struct.pack_into("<IIIIIIIII", header, 40, 0, 1, 1, 0, 4096, _END_OF_CHAIN, 0,
                     _END_OF_CHAIN, 0)  # dir sectors, FAT sectors, first dir sector ...
    struct.pack_into("<I", header, 76, 0)  # DIFAT[0]: the FAT is sector 0
    header[80:512] = b"\xff" * 432
    fat = struct.pack("<II", _FAT_SECTOR, _END_OF_CHAIN) + b"\xff\xff\xff\xff" * 126
    directory = b"".join(_entry(name, 5 if n == 0 else 2, child=1 if n == 0 else None,
                                right=n + 1 if 0 < n < len(streams) else None)
                         for n, name in enumerate(["Root Entry", *streams]))
    directory += b"\0" * (512 - len(directory) % 512 if len(directory) % 512 else 0)
    return bytes(header) + fat + directory


def _entry(name: str, kind: int, *, child: int | None, right: int | None) -> bytes:
    encoded = (name + "\0").encode("utf-16-le")
    entry = bytearray(128)
    entry[0:len(encoded)] = encoded
    struct.pack_into("<HBB", entry, 64, len(encoded), kind, 1)  # name length, type, black
    none = _FREE
    struct.pack_into("<III", entry, 68, none, none if right is None else right,
                     none if child is None else child)
    struct.pack_into("<II", entry, 116, _END_OF_CHAIN, 0)  # start sector, size
    return bytes(entry)


def _password_protected(folder: Path) -> Path:
    data = compound_file(["EncryptionInfo", "EncryptedPackage", "\x06DataSpaces"])
    return _bytes("protected.docx", data)(folder)


def _part_outside_the_package(folder: Path) -> Path:
    """The styles relationship pointing out of the package, at a file of the machine."""
    parts = package_parts()
    rels = "word/_rels/document.xml.rels"
    parts[rels] = parts[rels].replace(b'Target="styles.xml"', b'Target="../../../etc/passwd"')
    return write_package(folder / "outside.docx", parts)


def _main_part_twice(folder: Path) -> Path:
    """``word/document.xml`` twice: Python's zip reader takes the last entry, Word
    refuses the package, other readers take the first; a text shown one way and read
    another."""
    path = word_file(folder / "twice.docx", draft_body("OP1 Decides to submit a report;"))
    with warnings.catch_warnings(), zipfile.ZipFile(path, "a") as package:
        warnings.simplefilter("ignore")  # "Duplicate name": the point of the file
        package.writestr(MAIN, document_xml(draft_body("OP1 Decides to submit EVIL;")))
    return path


def _entry_climbing_out(folder: Path) -> Path:
    parts = package_parts()
    parts["word/../../x.xml"] = b"<a/>"
    return write_package(folder / "climbing.docx", parts)


def _main_part_of_another_type(folder: Path) -> Path:
    """The content types saying the main part is plain XML, not a Word document."""
    parts = package_parts()
    types = "[Content_Types].xml"
    parts[types] = parts[types].replace(b'PartName="/word/document.xml"',
                                        b'PartName="/word/elsewhere.xml"')
    return write_package(folder / "retyped.docx", parts)


def _no_content_types(folder: Path) -> Path:
    """A package without ``[Content_Types].xml``, the part that says what each part is
    (it once ended in an internal error, a KeyError)."""
    parts = package_parts()
    parts["word/document.xml"] = document_xml(draft_body("OP1 Decides to submit a report;"))
    del parts["[Content_Types].xml"]
    return write_package(folder / "untyped.docx", parts)


def _word_97(folder: Path) -> Path:
    return _bytes("old.docx", compound_file(["WordDocument", "1Table"]))(folder)


HOSTILE_DOCX: tuple[Hostile, ...] = (
    Hostile("not-a-zip", _not_a_zip, "not a Word .docx file (not a zip package)"),
    Hostile("pdf-renamed", _pdf, "not a Word .docx file (a PDF file)"),
    Hostile("empty", _empty, "the file is empty"),
    Hostile("truncated-zip", _truncated, "the zip cannot be read"),
    Hostile("no-document-part", _no_document_part, f"a zip file without {MAIN}"),
    Hostile("malformed-xml", _malformed, f"part {MAIN}, line 2 is malformed XML"),
    Hostile("billion-laughs", _billion_laughs, "contains a document type declaration"),
    Hostile("external-entity", _external_entity, "contains a document type declaration"),
    Hostile("external-dtd", _external_dtd, "contains a document type declaration"),
    Hostile("entity-in-utf-7", _entity_in_utf7,
            f"part {MAIN} declares the encoding 'UTF-7', which Word never writes"),
    Hostile("part-name-in-another-case", _part_name_in_another_case,
            "part word/styles.bin contains a document type declaration"),
    Hostile("two-style-sheets", _two_style_sheets,
            f"part {MAIN} names 2 styles parts, where a Word document has one"),
    Hostile("styles-are-the-main-part", _styles_are_the_main_part,
            f"part {MAIN} names {MAIN} as its styles part (relationship rId"),
    Hostile("zip-bomb", _zip_bomb, "a zip bomb"),
    Hostile("too-many-parts", _too_many_parts, "too many parts ("),
    Hostile("deep-nesting", _deep, "more than 256 levels deep"),
    Hostile("huge-text-node", _huge_text_node, "over 10 MB"),
    Hostile("password-protected", _password_protected, "is password-protected (encrypted)"),
    Hostile("word-97-doc", _word_97, "is an old Word 97-2003 .doc file"),
    Hostile("part-outside-the-package", _part_outside_the_package,
            "a part it refers to, 'etc/passwd', is not in the file"),
    Hostile("main-part-twice", _main_part_twice,
            f"the package holds '{MAIN}' twice"),
    Hostile("entry-climbing-out", _entry_climbing_out,
            "the package holds an entry named 'word/../../x.xml', which is no part"),
    Hostile("main-part-of-another-type", _main_part_of_another_type,
            "its main part is not a Word document (content type is 'application/xml')"),
    Hostile("no-content-types", _no_content_types,
            "the package has no part [Content_Types].xml, which every Word document holds"),
    Hostile("control-character", _control_character,
            "paragraph 1, character 14: U+0086 (a control character) is not text"),
    Hostile("bidi-override", _bidi_override,
            "paragraph 1, character 15: U+202E (RIGHT-TO-LEFT OVERRIDE) makes the text "
            "display in another order"),
)


# The store, summed up


def fingerprint(url: str) -> dict[str, object]:
    """Everything a refused input must leave as it was: the event log (length and
    last hash), documents with their revisions and texts, amendments, delegations."""
    from drafting.store import open_store

    with open_store(url) as store:
        events = store.events()
        documents = {}
        for symbol, title in store.documents():
            document = store.document(symbol)
            documents[symbol] = (title, [(r.label, [(p.id, p.label, p.text) for p in r])
                                         for r in document.revisions],
                                 [(a.id, str(a.status), a.old_text, a.new_text)
                                  for a in store.amendments(symbol)])
        return {
            "events": len(events),
            "head": events[-1].hash if events else None,
            "documents": documents,
            "delegations": [(d.code, d.name, d.members) for d in store.delegations()],
        }


def verifies(url: str) -> bool:
    """Whether the store at ``url`` verifies: its chain and every row against it."""
    from drafting.store import open_store

    with open_store(url) as store:
        return store.verify().ok


# The command line


@dataclass(frozen=True)
class Outcome:
    """What one command did: exit code and what it printed."""

    code: int
    out: str
    err: str


def run_cli(capsys, *args: str) -> Outcome:
    """Run ``drafting ARGS`` in this process through the CLI's own entry point (the
    one that turns errors into one line and an exit code), capturing its output."""
    from drafting_cli.app import main

    capsys.readouterr()
    argv = sys.argv
    sys.argv = ["drafting", *args]
    try:
        main()
        code = 0
    except SystemExit as stop:
        code = stop.code if isinstance(stop.code, int) else (0 if stop.code is None else 1)
    finally:
        sys.argv = argv
    captured = capsys.readouterr()
    return Outcome(code, captured.out, captured.err)


def refused_line(outcome: Outcome) -> str:
    """The one line a refused command printed on stderr (checked to be just that)."""
    assert outcome.code == 1, (outcome.code, outcome.out, outcome.err)
    assert "Traceback" not in outcome.err
    lines = outcome.err.splitlines()
    assert lines and lines[0].startswith("drafting: "), outcome.err
    assert not any(line.startswith("drafting: ") for line in lines[1:]), outcome.err
    return lines[0]
