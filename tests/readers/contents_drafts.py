"""A draft convention with a table of contents between its title and its chapeau, as
Word's References > Table of Contents inserts one (a TOC field, each entry a hyperlink to
its heading's bookmark with a PAGEREF page number) or as typed by hand ("Article
1<tab>Purpose<tab>1"); written with python-docx."""

from __future__ import annotations

import docx
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from table_drafts import _tracked

FRONT = ["United Nations", "A/CONF.300/L.1", "Distr.: Limited",
         "Draft convention on coastal heritage"]
PREAMBLE = ["The States Parties to this Convention,",
            "Recalling the Convention concerning the Protection of the World Cultural and "
            "Natural Heritage,", "Have agreed as follows:"]
ARTICLES = [("Purpose", ["The purpose of this Convention is to protect coastal heritage."]),
            ("Definitions", ["For the purposes of this Convention, \u201ccoastal heritage\u201d "
                             "means all traces of human existence."]),
            ("Obligations", ["Each State Party shall protect coastal heritage.",
                             "Each State Party shall report every four years."])]
PAGES = ["1", "1", "2"]
_W = nsdecls("w")


def _field_entry(number: int, title: str, page: str, *, first: bool, last: bool,
                 anchor: str) -> str:
    begin = ('<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText '
             'xml:space="preserve"> TOC \\o "1-3" \\h \\z \\u </w:instrText></w:r><w:r>'
             '<w:fldChar w:fldCharType="separate"/></w:r>') if first else ""
    end = '<w:r><w:fldChar w:fldCharType="end"/></w:r>' if last else ""
    return (f'<w:p {_W}><w:pPr><w:tabs><w:tab w:val="right" w:leader="dot" w:pos="9350"/>'
            f'</w:tabs></w:pPr>{begin}<w:hyperlink w:anchor="{anchor}{number}" w:history="1">'
            f'<w:r><w:t xml:space="preserve">Article {number} </w:t></w:r><w:r><w:t>{title}'
            '</w:t></w:r><w:r><w:tab/></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r>'
            f'<w:r><w:instrText xml:space="preserve"> PAGEREF {anchor}{number} \\h </w:instrText>'
            '</w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>'
            f'<w:r><w:t>{page}</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>'
            f'</w:hyperlink>{end}</w:p>')


def convention(path, contents: str = "field", *, anchor: str = "_Toc", edits=()):
    """The draft; ``contents``: "field" (Word's TOC field), "typed" (lines typed by hand)
    or "" (none); ``edits``: (old, new) tracked in the articles' paragraphs."""
    word = docx.Document()
    body = word.element.body
    for line in FRONT:
        word.add_paragraph(line)
    if contents:
        word.add_paragraph("Contents")
    for number, ((title, _), page) in enumerate(zip(ARTICLES, PAGES, strict=True), 1):
        if contents == "field":
            body.insert(len(body) - 1, parse_xml(_field_entry(
                number, title, page, first=number == 1, last=number == len(ARTICLES),
                anchor=anchor)))
        elif contents == "typed":
            word.add_paragraph(f"Article {number}\t{title}\t{page}")
    for line in PREAMBLE:
        word.add_paragraph(line)
    for number, (title, texts) in enumerate(ARTICLES, 1):
        heading = word.add_paragraph(f"Article {number}")
        heading._p.insert(0, parse_xml(
            f'<w:bookmarkStart {_W} w:id="{number}" w:name="{anchor}{number}"/>'))
        heading._p.append(parse_xml(f'<w:bookmarkEnd {_W} w:id="{number}"/>'))
        word.add_paragraph(title)
        for at, text in enumerate(texts, 1):
            paragraph = word.add_paragraph(f"{at}.\t{text}" if len(texts) > 1 else text)
            for old, new in edits:
                if old in paragraph.text:
                    _tracked(paragraph, old, new, author="EU")
    word.save(str(path))
    return path
