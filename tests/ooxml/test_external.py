"""A draft written elsewhere may load things from outside when Word opens it (a remote
template, a picture shown by link, a sub-document) or embed a document Word shows as
text (altChunk): the import leaves them out of the document it keeps, with a warning,
so that no output circulated to the delegations carries them. Hyperlinks stay."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import docx
import pytest

from drafting.ooxml.external import without_loaded
from drafting.store import open_store
from drafting.workflow import import_draft

R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
TEXT = ("United Nations", "A/C.2/81/L.9", "Oceans", "The General Assembly,",
        "Recalling its resolution 70/1,", "1.\tDecides to act;")


def _rel(id_: str, kind: str, target: str, external: bool = True) -> bytes:
    mode = ' TargetMode="External"' if external else ""
    return (f'<Relationship Id="{id_}" Type="{R}/{kind}" Target="{target}"{mode}/>').encode()


def _hostile(path: Path) -> Path:
    """A draft with a remote template, a picture linked from a server, an embedded HTML
    document at the top of its body and a hyperlink."""
    word = docx.Document()
    for line in TEXT:
        word.add_paragraph(line)
    saved = io.BytesIO()
    word.save(saved)
    with zipfile.ZipFile(saved) as package:
        parts = {name: package.read(name) for name in package.namelist()}
    parts["word/_rels/settings.xml.rels"] = (
        b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        b'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
        b'relationships">' + _rel("rIdT", "attachedTemplate", "http://127.0.0.1:9/t.dotm")
        + b"</Relationships>")
    parts["word/settings.xml"] = parts["word/settings.xml"].replace(
        b"</w:settings>", f'<w:attachedTemplate xmlns:r="{R}" r:id="rIdT"/></w:settings>'
        .encode())
    rels = "word/_rels/document.xml.rels"
    parts[rels] = parts[rels].replace(b"</Relationships>", _rel(
        "rIdP", "image", "http://127.0.0.1:9/pixel.png") + _rel(
        "rIdH", "hyperlink", "https://undocs.org/A/RES/70/1") + _rel(
        "rIdA", "aFChunk", "evil.html", external=False) + b"</Relationships>")
    parts["word/evil.html"] = b"<html><body>Not negotiated</body></html>"
    parts["[Content_Types].xml"] = parts["[Content_Types].xml"].replace(
        b"</Types>", b'<Override PartName="/word/evil.html" ContentType="text/html"/></Types>')
    blip = (f'<w:p><w:r><w:drawing><a:blip xmlns:a="http://schemas.openxmlformats.org/'
            f'drawingml/2006/main" xmlns:r="{R}" r:link="rIdP"/></w:drawing></w:r></w:p>')
    linked = (f'<w:p><w:hyperlink xmlns:r="{R}" r:id="rIdH"><w:r><w:t>resolution 70/1'
              f'</w:t></w:r></w:hyperlink></w:p>')
    chunk = f'<w:altChunk xmlns:r="{R}" r:id="rIdA"/>'
    body = parts["word/document.xml"].decode()
    start = body.index(">", body.index("<w:body")) + 1
    end = body.rindex("<w:sectPr")
    parts["word/document.xml"] = (body[:start] + chunk + body[start:end] + blip + linked
                                  + body[end:]).encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as package:
        for name, data in parts.items():
            package.writestr(name, data)
    return path


def test_what_loads_from_outside_or_embeds_a_document_is_left_out(tmp_path):
    source = _hostile(tmp_path / "draft.docx").read_bytes()
    kept, removed = without_loaded(source)
    assert sorted(removed) == sorted([
        "a template from 'http://127.0.0.1:9/t.dotm', which Word would load from outside "
        "the file when opening it,",
        "a picture from 'http://127.0.0.1:9/pixel.png', which Word would load from outside "
        "the file when opening it,",
        "an embedded document (altChunk) 'evil.html', which Word would show as text the "
        "draft does not hold,"])
    with zipfile.ZipFile(io.BytesIO(kept)) as package:
        names = package.namelist()
        every = b"".join(package.read(name) for name in names)
        assert package.read("word/_rels/settings.xml.rels").count(b"<Relationship ") == 0
        before = zipfile.ZipFile(io.BytesIO(source))
        assert package.read("word/styles.xml") == before.read("word/styles.xml")
    assert "word/evil.html" not in names
    for gone in (b"127.0.0.1", b"attachedTemplate", b"altChunk", b"r:link", b"evil.html"):
        assert gone not in every
    assert b"https://undocs.org/A/RES/70/1" in every and b'r:id="rIdH"' in every
    opened = docx.Document(io.BytesIO(kept))  # a Word document still, its text whole
    assert [p.text for p in opened.paragraphs if p.text][:len(TEXT)] == list(TEXT)
    assert without_loaded(kept) == (kept, [])  # nothing left to remove


def test_the_import_keeps_the_document_without_them_and_says_so(tmp_path):
    path = _hostile(tmp_path / "draft.docx")
    with open_store(f"sqlite:///{tmp_path / 's.db'}") as store:
        store.init()
        _, warnings = import_draft(store, path, "A/C.2/81/L.9")
        kept = store.source("A/C.2/81/L.9", "Zero draft")
    said = [w.message for w in warnings if "left out of the document kept" in w.message]
    assert len(said) == 3 and all(str(path) == w.where for w in warnings
                                  if w.message in said)
    assert b"127.0.0.1" not in b"".join(
        zipfile.ZipFile(io.BytesIO(kept)).read(n) for n in zipfile.ZipFile(
            io.BytesIO(kept)).namelist())


@pytest.mark.parametrize("extra", [b"", b"<!-- nothing loaded -->"])
def test_a_document_loading_nothing_is_kept_byte_for_byte(tmp_path, extra):
    word = docx.Document()
    word.add_paragraph("Decides to act;")
    saved = io.BytesIO()
    word.save(saved)
    assert without_loaded(saved.getvalue()) == (saved.getvalue(), [])
