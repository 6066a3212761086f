"""A treaty's inserted article ("Article 1 bis") and a resolution's operative numbers as
the Russian, Arabic and Chinese texts of the United Nations type them, read from Word
documents as the English text is: "Статья 1 бис", "المادة 1 مكررا" and "第一条之二" give
``1bis.1`` as "Article 1 bis" does; "1．", "１．" and "1、" number Chinese operative
paragraphs (``OP1``), the number never left in the text, nor a "bis" typed in
Arabic or Russian words ("١ مكررا - ", "1 бис.")."""

from __future__ import annotations

import docx
import pytest
from un_documents import Draft, Ins, Para, libreoffice_docx

from drafting.errors import ReaderError
from drafting.readers import read_draft
from drafting.readers.docx_draft import read_docx_draft
from drafting.readers.docx_submission import read_docx_submission
from drafting.readers.lines import opens_article, section_key, split_label

TREATY_LABELS = ["1.1", "1.2", "1bis.1", "1bis.2", "2.1", "2.2"]


def _treaty(path, chapeau: str, headings: list[str], text: str):
    word = docx.Document()
    for line in ("United Nations", "A/CONF.250/2026/L.3", chapeau):
        word.add_paragraph(line)
    for heading in headings:
        word.add_paragraph(heading)
        word.add_paragraph(f"1.\t{text}")
        word.add_paragraph(f"2.\t{text}")
    word.save(path)
    return path


@pytest.mark.parametrize(("chapeau", "headings", "text"), [
    pytest.param("The Parties to this Agreement,", ["Article 1", "Article 1 bis", "Article 2"],
                 "The Parties shall cooperate.", id="English"),
    pytest.param("Стороны настоящего Соглашения,", ["Статья 1", "Статья 1 бис", "Статья 2"],
                 "Стороны сотрудничают.", id="Russian бис"),
    pytest.param("Стороны настоящего Соглашения,", ["Статья 1", "Статья 1-бис", "Статья 2"],
                 "Стороны сотрудничают.", id="Russian -бис"),
    pytest.param("إن الأطراف في هذا الاتفاق،", ["المادة 1", "المادة 1 مكررا", "المادة 2"],
                 "تتعاون الأطراف.", id="Arabic"),
    pytest.param("إن الأطراف في هذا الاتفاق،", ["المادة 1", "المادة 1 مكرراً", "المادة 2"],
                 "تتعاون الأطراف.", id="Arabic with tanween"),
    pytest.param("本协定缔约方，", ["第一条", "第一条之二", "第二条"], "缔约方应当合作。",
                 id="Chinese"),
])
def test_an_inserted_article_is_labelled_as_in_english(tmp_path, chapeau, headings, text):
    result = read_draft(_treaty(tmp_path / "treaty.docx", chapeau, headings, text))
    operative = [p for p in result.paragraphs if p.label[0].isdigit()]
    assert [p.label for p in operative] == TREATY_LABELS
    assert {p.text for p in operative} == {text}


@pytest.mark.parametrize(("heading", "key"), [
    ("Статья 8 бис", "8bis"), ("Статья 8-бис", "8bis"), ("Статья 15 тер", "15ter"),
    ("Статья 15 кватер", "15quater"), ("СТАТЬЯ 3 БИС", "3bis"),
    ("المادة 8 مكررا", "8bis"), ("المادة ١٥ مكررا ثانيا", "15ter"),
    ("المادة 15 مكرراً ثانياً", "15ter"),
    ("第八条之二", "8bis"), ("第十五条之三", "15ter"), ("第二十一条之四 定义", "21quater"),
    ("第8条之二", "8bis"), ("第一条之十", "1decies"),
    ("Статья 1 бисер", None),  # a word, not the suffix
    ("المادة 15 مكررا ثالثا", None),  # "ter" in some Arabic texts, "quater" in others
    ("第二章之二", None),  # only an article takes 之二
])
def test_an_inserted_articles_heading_gives_its_key(heading, key):
    assert section_key(heading) == key
    assert opens_article(heading) is (key is not None)


def test_an_article_heading_in_a_form_not_read_is_named_when_labels_repeat(tmp_path):
    path = _treaty(tmp_path / "treaty.docx", "Стороны настоящего Соглашения,",
                   ["Статья 1", "Статья 1 квинквиес", "Статья 2"], "Стороны сотрудничают.")
    with pytest.raises(ReaderError, match="used twice") as refused:
        read_draft(path)
    assert "'Статья 1 квинквиес'" in str(refused.value)
    assert "section heading" in str(refused.value)


def test_a_label_used_twice_with_no_heading_like_line_gives_no_such_advice(tmp_path):
    word = docx.Document()
    for line in ("The General Assembly,", "1.\tDecides to act;", "Notes the report;",
                 "1.\tRequests a report."):
        word.add_paragraph(line)
    word.save(tmp_path / "draft.docx")
    with pytest.raises(ReaderError, match="used twice") as refused:
        read_draft(tmp_path / "draft.docx")
    assert "section heading" not in str(refused.value)


CHINESE_OPERATIVE = ["鼓励会员国加强海洋观测系统；", "邀请委员会就数据差距[提交/提出]报告；",
                     "决定将该项目列入临时议程。"]


@pytest.mark.parametrize("number", [
    pytest.param(lambda n: f"{n}．", id="1．"),
    pytest.param(lambda n: chr(0xFF10 + n) + "．", id="１．"),
    pytest.param(lambda n: f"{n}、", id="1、"),
    pytest.param(lambda n: f"{n}. ", id="1. "),
])
def test_chinese_operative_numbers_open_operative_paragraphs(tmp_path, number):
    word = docx.Document()
    for line in ("联合国", "A/C.2/81/L.50", "海洋观测促进可持续发展", "大会，",
                 "回顾其第70/1号决议，", "确认海洋观测的重要性，"):
        word.add_paragraph(line)
    for n, text in enumerate(CHINESE_OPERATIVE, 1):
        word.add_paragraph(number(n) + text)
    word.save(tmp_path / "chinese.docx")
    result = read_draft(tmp_path / "chinese.docx")
    assert [(p.label, p.text) for p in result.paragraphs] == [
        ("PP1", "回顾其第70/1号决议，"), ("PP2", "确认海洋观测的重要性，"),
        *((f"OP{n}", text) for n, text in enumerate(CHINESE_OPERATIVE, 1))]


@pytest.mark.parametrize(("line", "label", "rest"), [
    ("１２．决定", "OP12", "决定"), ("2 bis．决定", "OP2 bis", "决定"), ("3、 决定", "OP3", "决定"),
    ("١.\tيقرر", "OP1", "يقرر"), ("١ -\tيقرر", "OP1", "يقرر"), ("1.\tпостановляет", "OP1",
                                                                  "постановляет"),
    ("1．5摄氏度的目标", None, "1．5摄氏度的目标"),  # a figure, full-width
    ("一、范围", None, "一、范围"),  # a heading's own number, not a paragraph's
])
def test_typed_numbers_in_the_figures_and_stops_of_each_language(line, label, rest):
    found, text, _ = split_label(line)
    assert (str(found) if found else None, text) == (label, rest)


@pytest.mark.parametrize(("line", "label", "rest"), [
    ("١ مكررا - ترحب", "OP1 bis", "ترحب"), ("١ مكرراً -\tترحب", "OP1 bis", "ترحب"),
    ("٢ مكررا ثانيا - ترحب", "OP2 ter", "ترحب"), ("3 مكررا - ترحب", "OP3 bis", "ترحب"),
    ("1 бис.\tприветствует", "OP1 bis", "приветствует"),
])
def test_a_bis_number_typed_in_arabic_or_russian_words_is_the_label(line, label, rest):
    found, text, _ = split_label(line)
    assert (str(found) if found else None, text) == (label, rest)


ARABIC_FRONT = ["الأمم المتحدة", "A/C.2/81/L.99", "فيجي وساموا: مشروع قرار", "إن الجمعية العامة،",
                "إذ تشير إلى قرارها 70/1 المؤرخ 25 أيلول/سبتمبر 2015،"]
ARABIC_OPERATIVE = ["١ - تقرر عقد اجتماع رفيع المستوى لمدة يوم واحد؛",
                    "٢ - تطلب إلى الأمين العام أن يقدم تقريرا؛"]
NEW_BIS = "١ مكررا - ترحب بتقرير الأمين العام؛"


def _arabic_copy(path, new: str | None = None):
    word = docx.Document()
    for line in (*ARABIC_FRONT, ARABIC_OPERATIVE[0], *([new] if new else []),
                 ARABIC_OPERATIVE[1]):
        word.add_paragraph(line)
    word.save(path)
    return path


def _new_paragraph(path, document) -> tuple[str, str]:
    (amendment,) = read_docx_submission(path, document, delegation="EGY").amendments
    return document.current.by_id(amendment.paragraph_id).label, amendment.new_text


def test_a_new_paragraph_typed_bis_in_arabic_has_no_number_in_its_text(tmp_path):
    """A delegation's new paragraph typed "١ مكررا - " (1 bis) after OP1 of an Arabic
    draft is a new paragraph after OP1 whose text is its words only: the number is not
    left for Rev.1 to print after its own ("٢ - ١ مكررا - ترحب ...")."""
    document = read_docx_draft(_arabic_copy(tmp_path / "draft.docx")).to_document("L99")
    copy = _arabic_copy(tmp_path / "egy.docx", NEW_BIS)
    assert _new_paragraph(copy, document) == ("OP1", "ترحب بتقرير الأمين العام؛")


def test_a_tracked_new_paragraph_typed_bis_in_arabic_by_libreoffice(tmp_path):
    """The same paragraph inserted with Track Changes in LibreOffice."""
    draft = Draft("A/C.2/81/L.99", [Para((line,), "Front") for line in ARABIC_FRONT[:3]])
    draft.paragraphs += [Para((ARABIC_FRONT[3],), "Chapeau"), Para((ARABIC_FRONT[4],)),
                         Para((ARABIC_OPERATIVE[0],)), Para((ARABIC_OPERATIVE[1],))]
    document = read_docx_draft(libreoffice_docx(draft, tmp_path / "draft.docx")) \
        .to_document("L99")
    draft.paragraphs.insert(-1, Para((NEW_BIS,), new=Ins("", "EGY delegate")))
    copy = libreoffice_docx(draft, tmp_path / "egy.docx")
    assert _new_paragraph(copy, document) == ("OP1", "ترحب بتقرير الأمين العام؛")
