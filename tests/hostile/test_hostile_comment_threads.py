"""A Word copy whose comments answer one another thousands deep.

Each reply's thread was followed to its opening comment on its own: 10,000 replies each
answering the one before kept `submit --dry-run` 22 s, 100,000 (a 1.5 MB file) for the
best part of an hour. Each reply is now followed once (`drafting.ooxml.comment_threads`).
"""

from __future__ import annotations

import time
from pathlib import Path

from corpus import DRAFT, SYMBOL, document_xml, package_parts, paragraph, write_package

from drafting.readers import read_docx_submission, read_text

REPLIES = 12_000
SECONDS = 6.0  # about 1 s here; 25 s before (each answering the one before)
_W14 = "http://schemas.microsoft.com/office/word/2010/wordml"
_W15 = "http://schemas.microsoft.com/office/word/2012/wordml"
_TYPES = "application/vnd.openxmlformats-officedocument.wordprocessingml"
_RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def _threaded_copy(path: Path) -> Path:
    """A copy of the corpus draft where EU replaces 'submit' by 'present' in OP1 with the
    comment 'Agreed language.'; then REPLIES comments by the same author (Word anchors
    them on their thread's range; here they have none, as LibreOffice may leave them),
    each answering the one before."""
    ids = range(REPLIES + 1)
    comments = "".join(
        f'<w:comment w:id="{c}" w:author="Anna Schmidt (EU)"><w:p w14:paraId="{c + 1:08X}">'
        f'<w:r><w:t>{"Agreed language." if c == 0 else f"R{c}"}</w:t></w:r></w:p>'
        "</w:comment>" for c in ids)
    starts = '<w:commentRangeStart w:id="0"/>'
    ends = '<w:commentRangeEnd w:id="0"/><w:r><w:commentReference w:id="0"/></w:r>'
    entries = "".join(
        f'<w15:commentEx w15:paraId="{c + 1:08X}"'
        + (f' w15:paraIdParent="{c:08X}"' if c else "") + ' w15:done="0"/>'
        for c in ids)
    parts = package_parts()
    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    parts["word/comments.xml"] = (f'<w:comments {w} xmlns:w14="{_W14}">{comments}'
                                  "</w:comments>").encode()
    parts["word/commentsExtended.xml"] = (f'<w15:commentsEx xmlns:w15="{_W15}">{entries}'
                                          "</w15:commentsEx>").encode()
    types = parts["[Content_Types].xml"].decode()
    parts["[Content_Types].xml"] = types.replace("</Types>", (
        f'<Override PartName="/word/comments.xml" ContentType="{_TYPES}.comments+xml"/>'
        '<Override PartName="/word/commentsExtended.xml" '
        f'ContentType="{_TYPES}.commentsExtended+xml"/></Types>')).encode()
    rels = parts["word/_rels/document.xml.rels"].decode()
    parts["word/_rels/document.xml.rels"] = rels.replace("</Relationships>", (
        f'<Relationship Id="rIdC1" Type="{_RELS}/comments" Target="comments.xml"/>'
        '<Relationship Id="rIdC2" Type="http://schemas.microsoft.com/office/2011/'
        'relationships/commentsExtended" Target="commentsExtended.xml"/>'
        "</Relationships>")).encode()
    change = ('<w:del w:id="90001" w:author="Anna Schmidt (EU)"><w:r><w:delText>submit'
              '</w:delText></w:r></w:del><w:ins w:id="90002" w:author="Anna Schmidt (EU)">'
              "<w:r><w:t>present</w:t></w:r></w:ins>")
    parts["word/document.xml"] = document_xml(
        paragraph("PP1 Recalling its resolution 70/1 of 25 September 2015,")
        + '<w:p><w:r><w:t xml:space="preserve">OP1 Requests the Secretary-General to '
        f"</w:t></w:r>{starts}{change}{ends}"
        '<w:r><w:t xml:space="preserve"> a report [within existing resources];</w:t>'
        "</w:r></w:p>"
        + paragraph("OP2 Decides to include the item in its provisional agenda;"))
    return write_package(path, parts)


def test_thousands_of_replies_each_to_the_one_before_are_read_at_once(tmp_path):
    path = _threaded_copy(tmp_path / "threaded.docx")
    document = read_text(DRAFT).to_document(SYMBOL)
    started = time.perf_counter()
    read = read_docx_submission(path, document, delegation="EU")
    assert time.perf_counter() - started < SECONDS
    (amendment,) = read.amendments
    assert (amendment.old_text, amendment.new_text) == ("submit", "present")
    # every reply is in the thread the first comment opens, so all are the reason
    replies = "; ".join(f"R{c}" for c in range(1, REPLIES + 1))
    assert amendment.reason == f"Agreed language.; {replies}"
