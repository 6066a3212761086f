"""Cross-reference fields marked for Word to compute again (`dirty_references`): REF,
PAGEREF and NOTEREF, simple or in runs, nested in another field's result too; other
fields, and a field locked, are left as they are."""

from docx.oxml.ns import qn
from lxml import etree

from drafting.ooxml.field_updates import dirty_references

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _field(code: str, result: str, lock: str = "") -> str:
    locked = f' w:fldLock="{lock}"' if lock else ""
    return (f'<w:r><w:fldChar w:fldCharType="begin"{locked}/></w:r>'
            f"<w:r><w:instrText>{code}</w:instrText></w:r>"
            '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
            f'{result}<w:r><w:fldChar w:fldCharType="end"/></w:r>')


def test_cross_references_are_marked_and_other_fields_left():
    body = etree.fromstring(
        f'<w:body xmlns:w="{W}"><w:p>'
        + _field(" IF 1 = 1 ", _field(" PAGE", "<w:r><w:t>4</w:t></w:r>")
                 + _field(" NOTEREF _Ref9 \\h ", "<w:r><w:t>3</w:t></w:r>"))
        + _field("ref _Ref1", "<w:r><w:t>2</w:t></w:r>", lock="true")
        + _field(" PAGE", "<w:r><w:t>5</w:t></w:r>")
        + '<w:fldSimple w:instr=" pageref _Ref1 "><w:r><w:t>1</w:t></w:r></w:fldSimple>'
        + '<w:fldSimple w:instr=" SEQ OP "><w:r><w:t>1</w:t></w:r></w:fldSimple>'
        + "</w:p></w:body>")
    assert dirty_references(body) == 2
    begins = [(b.getparent().getnext().findtext(qn("w:instrText")).split()[0],
               b.get(qn("w:dirty"))) for b in body.iter(qn("w:fldChar"))
              if b.get(qn("w:fldCharType")) == "begin"]
    assert begins == [("IF", None), ("PAGE", None), ("NOTEREF", "true"), ("ref", None),
                      ("PAGE", None)]
    assert [s.get(qn("w:dirty")) for s in body.iter(qn("w:fldSimple"))] == ["true", None]
