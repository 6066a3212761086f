"""Drafts in the six languages of the United Nations are read as the English ones are:
front matter, title and chapeau set apart, preambular and operative paragraphs, articles.

Each text is laid out as the organization circulates it in that language: Russian opens
its paragraphs in lower case after "Генеральная Ассамблея,"; Arabic opens with "إن
الجمعية العامة،", numbers operative paragraphs "1 - " and sub-paragraphs "(أ)"; Chinese
opens with "大会，" and numbers articles "第一条" in Chinese numerals.
"""

from __future__ import annotations

import docx
import pytest

from drafting.model import ParagraphKind
from drafting.readers import read_draft, read_text
from drafting.readers.lines import chapeau_like, opens_article, section_key, split_label

RUSSIAN = ("Организация Объединенных Наций\n\nA/C.2/81/L.99\n\nГенеральная Ассамблея\n\n"
           "Distr.: Limited\n\nУстойчивое рыболовство\n\nГенеральная Ассамблея,\n\n"
           "ссылаясь на свою резолюцию 70/1,\n\nотмечая с обеспокоенностью положение,\n\n"
           "1. постановляет созвать совещание;\n\n2. просит Генерального секретаря "
           "представить доклад;\n")
ARABIC = ("الأمم المتحدة\n\nA/C.2/81/L.99\n\nالجمعية العامة\n\nمصائد الأسماك المستدامة\n\n"
          "إن الجمعية العامة،\n\nإذ تشير إلى قرارها 70/1،\n\n1 - تقرر عقد اجتماع؛\n\n"
          "2 - تهيب بالدول:\n\n(أ) أن تحمي الصيادين؛\n\n(ب) أن تقدم تقارير؛\n\n"
          "3 - تطلب إلى الأمين العام تقديم تقرير؛\n")
CHINESE = ("联合国\n\nA/C.2/81/L.99\n\n大会\n\n可持续渔业\n\n大会，\n\n回顾其第70/1号决议，\n\n"
           "1. 决定召开会议；\n\n2. 吁请各国：\n\n(a) 保护渔民；\n\n(b) 提交报告；\n\n"
           "3. 请秘书长提交报告；\n")


@pytest.mark.parametrize(("text", "front", "title", "chapeau", "shape"), [
    pytest.param(RUSSIAN, ("Организация Объединенных Наций", "A/C.2/81/L.99",
                           "Генеральная Ассамблея", "Distr.: Limited"),
                 "Устойчивое рыболовство", "Генеральная Ассамблея,",
                 [("PP1", "ссылаясь"), ("PP2", "отмечая"), ("OP1", "постановляет"),
                  ("OP2", "просит")], id="Russian"),
    pytest.param(ARABIC, ("الأمم المتحدة", "A/C.2/81/L.99", "الجمعية العامة"),
                 "مصائد الأسماك المستدامة", "إن الجمعية العامة،",
                 [("PP1", "إذ تشير"), ("OP1", "تقرر"),
                  ("OP2", "تهيب بالدول:\n(أ) أن تحمي الصيادين؛\n(ب) أن تقدم تقارير؛"),
                  ("OP3", "تطلب")], id="Arabic"),
    pytest.param(CHINESE, ("联合国", "A/C.2/81/L.99", "大会"), "可持续渔业", "大会，",
                 [("PP1", "回顾"), ("OP1", "决定"),
                  ("OP2", "吁请各国：\n(a) 保护渔民；\n(b) 提交报告；"), ("OP3", "请秘书长")],
                 id="Chinese"),
])
def test_a_general_assembly_draft_reads_the_same_in_every_language(text, front, title,
                                                                   chapeau, shape):
    result = read_text(text)
    assert (result.front_matter, result.title, result.chapeau) == (front, title, chapeau)
    assert [p.label for p in result.paragraphs] == [label for label, _ in shape]
    for paragraph, (_, opening) in zip(result.paragraphs, shape, strict=True):
        assert paragraph.text.startswith(opening)
    assert result.warnings == ()


def test_a_chinese_treaty_numbers_its_articles_in_chinese_numerals():
    result = read_text("本协定缔约方，\n\n认识到合作的必要，\n\n兹协议如下：\n\n第一条\n\n目标\n\n"
                       "本协定的目标是合作。\n\n第二条\u3000定义\n\n1. 各缔约方应提交报告。\n\n"
                       "2. 各缔约方应合作。\n\n第十二条\n\n保存人\n\n"
                       "第一条所述的目标适用于所有缔约方。\n")
    assert result.chapeau == "本协定缔约方，"
    assert [(p.label, p.kind) for p in result.paragraphs] == [
        ("PP1", ParagraphKind.PREAMBULAR), ("T1", ParagraphKind.OTHER),
        ("H1", ParagraphKind.HEADING), ("H2", ParagraphKind.HEADING),
        ("1.1", ParagraphKind.OPERATIVE), ("H3", ParagraphKind.HEADING),
        ("2.1", ParagraphKind.OPERATIVE), ("2.2", ParagraphKind.OPERATIVE),
        ("H4", ParagraphKind.HEADING), ("H5", ParagraphKind.HEADING),
        ("12.1", ParagraphKind.OPERATIVE)]
    # a sentence that opens by naming an article is the article's text, not a heading
    assert result.paragraphs[-1].text == "第一条所述的目标适用于所有缔约方。"


def test_an_arabic_treaty_numbers_paragraphs_within_its_articles():
    result = read_text("إن الأطراف في هذا الاتفاق،\n\nإذ تدرك ضرورة التعاون،\n\n"
                       "المادة 1\n\nالهدف\n\nهدف هذا الاتفاق هو التعاون.\n\nالمادة 2\n\n"
                       "1 - تقدم كل دولة طرف تقريرا.\n\n2 - تتعاون كل دولة طرف.\n")
    assert result.chapeau == "إن الأطراف في هذا الاتفاق،"
    assert [p.label for p in result.paragraphs] == [
        "PP1", "H1", "H2", "1.1", "H3", "2.1", "2.2"]
    assert result.paragraphs[-1].text == "تتعاون كل دولة طرف."


@pytest.mark.parametrize(("heading", "key", "article"), [
    ("第一条", "1", True), ("第十条", "10", True), ("第十二条", "12", True),
    ("第二十六条", "26", True), ("第一百零五条", "105", True), ("第3条", "3", True),
    ("第二章", "2", False), ("第三部分 执行", "3", False), ("附件", "ANNEX", False),
    ("附件二", "ANNEX 2", False), ("المادة ١٢", "12", True), ("المرفق", "ANNEX", False),
    ("第一条所述", None, False), ("第一条规定的义务", None, False),
    ("第1十条", None, False),  # digits and numerals mixed: no number
])
def test_section_headings_in_chinese_and_arabic(heading, key, article):
    assert section_key(heading) == key
    assert opens_article(heading) is article


@pytest.mark.parametrize(("line", "chapeau"), [
    ("Совет Безопасности,", True), ("Стороны настоящего Соглашения,", True),
    ("ссылаясь на свою резолюцию 70/1,", False),
    ("إن الدول الأطراف في هذه الاتفاقية،", True), ("إذ تشير إلى قرارها 70/1،", False),
    ("安全理事会，", True), ("本公约缔约国，", True), ("回顾大会第70/1号决议，", False),
])
def test_who_acts_opens_the_text_in_russian_arabic_and_chinese(line, chapeau):
    assert chapeau_like(line) is chapeau


def test_arabic_indic_digits_number_paragraphs_as_digits_do():
    result = read_text("إن الجمعية العامة،\n\nإذ تشير إلى قرارها،\n\n١ - تقرر عقد اجتماع؛\n\n"
                       "٢ - تطلب تقريرا؛\n")
    assert [(p.label, p.text) for p in result.paragraphs] == [
        ("PP1", "إذ تشير إلى قرارها،"), ("OP1", "تقرر عقد اجتماع؛"), ("OP2", "تطلب تقريرا؛")]


def test_a_word_draft_in_arabic_is_read_as_the_text_is(tmp_path):
    word = docx.Document()
    for line in ARABIC.split("\n\n"):
        word.add_paragraph(line.strip())
    word.save(tmp_path / "arabic.docx")
    result = read_draft(tmp_path / "arabic.docx")
    assert (result.title, result.chapeau) == ("مصائد الأسماك المستدامة", "إن الجمعية العامة،")
    assert [p.label for p in result.paragraphs] == ["PP1", "OP1", "OP2", "OP3"]


@pytest.mark.parametrize(("text", "joined"), [
    pytest.param("Генеральная Ассамблея,\n\nссылаясь на резолюцию,\n\n1. призывает государства:"
                 "\n\nа) защищать рыбаков;\n\nб) представлять доклады;\n\n2. просит доклад;\n",
                 "призывает государства:\nа) защищать рыбаков;\nб) представлять доклады;",
                 id="Russian а) б)"),
    pytest.param("大会，\n\n回顾其第70/1号决议，\n\n1. 吁请各国：\n\n（一）保护渔民；\n\n"
                 "（二）提交报告；\n\n2. 请秘书长提交报告；\n",
                 "吁请各国：\n（一）保护渔民；\n（二）提交报告；",
                 id="Chinese （一）（二）"),
])
def test_sub_paragraphs_are_lines_of_their_paragraph_in_russian_and_chinese(text, joined):
    result = read_text(text)
    assert [p.label for p in result.paragraphs] == ["PP1", "OP1", "OP2"]
    assert result.paragraphs[1].text == joined


@pytest.mark.parametrize(("line", "label"), [
    ("1 - تقرر عقد اجتماع؛", "OP1"), ("12 -\tتطلب إلى الأمين العام", "OP12"),
    ("2021 – 2030: United Nations Decade of Ocean Science", None),  # years, not a number
    ("5 - Decides to act;", None),  # the dash numbers Arabic paragraphs only
])
def test_a_number_and_a_dash_open_an_arabic_paragraph_only(line, label):
    found = split_label(line)[0]
    assert (str(found) if found else None) == label
