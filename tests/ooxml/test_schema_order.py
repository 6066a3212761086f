"""Properties added to a paragraph or a run stand where the OOXML schema orders them: Word
refuses a document whose properties are out of order, where LibreOffice lets it pass."""

from __future__ import annotations

import io

import docx
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn

from drafting.ooxml.revisions import set_right_to_left
from drafting.ooxml.schema_order import _ORDERS, place
from drafting.readers import read_text
from drafting.writers.docx_un import un_document


def _tags(element) -> list[str]:
    return [child.tag.split("}")[1] for child in element]


def _in_order(properties) -> bool:
    order = _ORDERS[properties.tag]
    ranks = [order[child.tag] for child in properties if child.tag in order]
    return ranks == sorted(ranks)


def test_a_property_goes_before_the_first_the_schema_puts_after_it():
    properties = parse_xml(f'<w:pPr {nsdecls("w")}><w:pStyle w:val="Normal"/><w:tabs/>'
                           '<w:spacing/><w:ind/><w:jc w:val="both"/></w:pPr>')
    place(properties, parse_xml(f'<w:bidi {nsdecls("w")}/>'))
    assert _tags(properties) == ["pStyle", "tabs", "bidi", "spacing", "ind", "jc"]
    run = parse_xml(f'<w:rPr {nsdecls("w")}><w:b/><w:sz w:val="24"/><w:lang w:val="ar"/>'
                    "</w:rPr>")
    place(run, parse_xml(f'<w:rtl {nsdecls("w")}/>'))
    place(run, parse_xml(f'<w:i {nsdecls("w")}/>'))
    assert _tags(run) == ["b", "i", "sz", "rtl", "lang"]
    empty = parse_xml(f'<w:rPr {nsdecls("w")}/>')
    place(empty, parse_xml(f'<w:rtl {nsdecls("w")}/>'))
    assert _tags(empty) == ["rtl"]


def test_right_to_left_marks_stand_in_order_and_once():
    paragraph = parse_xml(
        f'<w:p {nsdecls("w")}><w:pPr><w:pStyle w:val="Normal"/><w:tabs><w:tab w:val="left" '
        'w:pos="1440"/></w:tabs><w:ind w:left="720"/></w:pPr><w:r><w:rPr><w:sz w:val="24"/>'
        '<w:lang w:val="ar-SA"/></w:rPr><w:t>نص</w:t></w:r></w:p>')
    set_right_to_left(set_right_to_left(paragraph))
    assert _tags(paragraph.find(qn("w:pPr"))) == ["pStyle", "tabs", "bidi", "ind"]
    assert _tags(paragraph.find(f"{qn('w:r')}/{qn('w:rPr')}")) == ["sz", "rtl", "lang"]


def test_every_property_of_an_arabic_un_layout_stands_in_order():
    text = ("الأمم المتحدة\n\nمصائد الأسماك المستدامة\n\nإن الجمعية العامة،\n\n"
            "إذ تشير إلى قرارها *70/1*،\n\n1 - تقرر **عقد** اجتماع:\n\n(أ) أن تحمي الصيادين؛\n")
    read = read_text(text, markdown=True)
    body = docx.Document(io.BytesIO(un_document(read.to_document("X")))).element.body
    found = list(body.iter(qn("w:pPr"), qn("w:rPr")))
    assert sum(p.find(qn("w:bidi")) is not None for p in found) >= 5
    assert all(_in_order(properties) for properties in found)
