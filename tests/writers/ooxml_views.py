"""What Word shows of a document, read from its XML for tests: the body, and the body with
every tracked change rejected."""

from __future__ import annotations

import zipfile

from docx.oxml.ns import qn
from lxml import etree


def body_of(path):
    """The ``w:document`` element of the file at ``path``."""
    with zipfile.ZipFile(path) as package:
        return etree.fromstring(package.read("word/document.xml"))


body = body_of


def rejected(path):
    """The document with every change rejected, as python-docx XML: inserted runs and
    paragraphs gone, deleted runs back, runs of one format joined, comments gone."""
    body = body_of(path)
    for p in list(body.iter(qn("w:p"))):
        runs = [r for r in p.iter(qn("w:r")) if r.find(qn("w:t")) is not None
                or r.find(qn("w:tab")) is not None]
        if runs and all(r.getparent().tag == qn("w:ins") for r in runs):
            p.getparent().remove(p)
    for tag in ("w:ins", "w:commentRangeStart", "w:commentRangeEnd"):
        for found in list(body.iter(qn(tag))):
            found.getparent().remove(found)
    for reference in list(body.iter(qn("w:commentReference"))):
        run = reference.getparent()
        run.getparent().remove(run)
    for deleted in list(body.iter(qn("w:del"))):
        parent = deleted.getparent()
        if parent.tag == qn("w:rPr"):
            parent.remove(deleted)
            continue
        for child in list(deleted):
            deleted.addprevious(child)
        parent.remove(deleted)
    for text in list(body.iter(qn("w:delText"))):
        text.tag = qn("w:t")
    for tag in ("w:rPr", "w:pPr"):  # properties left empty mean nothing
        for properties in list(body.iter(qn(tag))):
            if len(properties) == 0 and not properties.attrib:
                properties.getparent().remove(properties)
    return [joined(p) for p in body.iter(qn("w:p"))]


def joined(paragraph):
    """(paragraph properties, [(run properties, text)]) with runs of one format joined."""
    properties = paragraph.find(qn("w:pPr"))
    runs: list[tuple[bytes, str]] = []
    for run in paragraph.iter(qn("w:r")):
        rpr = run.find(qn("w:rPr"))
        form = etree.tostring(rpr) if rpr is not None else b""
        text = "".join(t.text or "" if t.tag == qn("w:t") else "\t" for t in run
                       if t.tag in (qn("w:t"), qn("w:tab")))
        if runs and runs[-1][0] == form:
            runs[-1] = (form, runs[-1][1] + text)
        elif text:
            runs.append((form, text))
    return (etree.tostring(properties) if properties is not None else b"", runs)


