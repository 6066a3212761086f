"""The GA draft of `un_documents` as the Secretariat circulates it in Arabic and in Russian,
written by LibreOffice.

Arabic: paragraphs right to left (ODF ``style:writing-mode="rl-tb"``, which LibreOffice
writes as Word's ``w:bidi``; Arabic runs ``w:rtl``), the chapeau "إن الجمعية العامة،",
operative paragraphs typed "1 - " (or "١ - " in Arabic-Indic digits) and ending "؛",
sub-paragraphs "(أ)", "(ب)". Russian: "Генеральная Ассамблея,", operative paragraphs
"1.<tab>постановляет ...;", sub-paragraphs "a)" / "b)" (Latin letters, one parenthesis),
quotes «...». Both have a bracket in OP3 and a footnote in PP2.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from un_documents import Draft, Note, Para, Piece, libreoffice_docx


@dataclass(frozen=True)
class Language:
    """One language's draft: its lines and how it numbers and letters paragraphs."""

    front: tuple[str, ...]
    title: str
    chapeau: str
    preambular: tuple[tuple[str, str], ...]
    """Each preambular paragraph's opening (in italics) and the rest; PP2 cites a note."""
    operative: tuple[tuple[str, str], ...]
    subparagraphs: tuple[str, ...]
    """OP2's sub-paragraphs, each with its typed letter."""
    note: str
    number: str
    """How an operative number is typed: ``{}`` is the number."""
    digits: str = "0123456789"
    styles: str = ""
    italic: bool = True
    """Whether a paragraph's opening words are in italics (Russian; not Arabic)."""

    def typed(self, n: int) -> str:
        """Operative number ``n`` as this draft types it."""
        return self.number.format("".join(self.digits[int(d)] for d in str(n)))


def _styles(rtl: bool) -> str:
    direction = ' style:writing-mode="rl-tb" fo:text-align="end"' if rtl else ""
    complex_ = (' style:font-name-complex="Arial" style:font-size-complex="12pt"'
                ' style:language-complex="ar" style:country-complex="EG"') if rtl else \
        ' fo:language="ru" fo:country="RU"'
    return f"""
 <office:styles>
  <style:style style:name="Standard" style:family="paragraph">
   <style:paragraph-properties{direction}/>
   <style:text-properties style:font-name="Times New Roman" fo:font-size="12pt"{complex_}/>
  </style:style>
  <style:style style:name="Front" style:family="paragraph" style:parent-style-name="Standard">
   <style:text-properties fo:font-size="10pt" style:font-size-complex="10pt"/>
  </style:style>
  <style:style style:name="UNTitle" style:display-name="UN Title" style:family="paragraph"
     style:parent-style-name="Standard">
   <style:paragraph-properties fo:margin-top="0.4cm" fo:margin-bottom="0.4cm"/>
   <style:text-properties fo:font-size="14pt" fo:font-weight="bold"
      style:font-size-complex="14pt" style:font-weight-complex="bold"/>
  </style:style>
  <style:style style:name="Chapeau" style:family="paragraph" style:parent-style-name="Standard">
   <style:paragraph-properties fo:margin-left="1.25cm" fo:margin-right="1.25cm"/>
  </style:style>
  <style:style style:name="Body" style:family="paragraph" style:parent-style-name="Standard">
   <style:paragraph-properties fo:margin-left="1.25cm" fo:margin-right="1.25cm"
      fo:text-indent="1.25cm" fo:margin-bottom="0.2cm"/>
  </style:style>
  <style:style style:name="Sub" style:family="paragraph" style:parent-style-name="Standard">
   <style:paragraph-properties fo:margin-left="2.5cm" fo:margin-right="2.5cm"/>
  </style:style>
  <style:style style:name="Header" style:family="paragraph" style:parent-style-name="Standard"/>
  <style:style style:name="Footnote" style:family="paragraph" style:parent-style-name="Standard">
   <style:text-properties fo:font-size="10pt" style:font-size-complex="10pt"/>
  </style:style>
  <style:style style:name="Em" style:family="text">
   <style:text-properties fo:font-style="italic" style:font-style-complex="italic"/>
  </style:style>
 </office:styles>
 <office:automatic-styles>
  <style:page-layout style:name="pm1">
   <style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm"
      fo:margin-top="1.5cm" fo:margin-bottom="2cm" fo:margin-left="2cm" fo:margin-right="2cm"
      {'style:writing-mode="rl-tb"' if rtl else ''}/>
  </style:page-layout>
 </office:automatic-styles>
"""


ARABIC = Language(
    front=("الأمم المتحدة", "A/C.2/81/L.99", "الجمعية العامة", "Distr.: Limited",
           "14 تشرين الأول/أكتوبر 2026", "الأصل: بالإنكليزية", "الدورة الحادية والثمانون",
           "اللجنة الثانية", "البند 19 (أ) من جدول الأعمال",
           "التنمية المستدامة: المحيطات والبحار", "فيجي وساموا: مشروع قرار"),
    title="مصائد الأسماك الصغيرة الحجم المستدامة والاقتصاد المحيطي",
    chapeau="إن الجمعية العامة،",
    preambular=(
        ("إذ تشير", " إلى قرارها 70/1 المؤرخ 25 أيلول/سبتمبر 2015 المعنون \"تحويل عالمنا: "
                    "خطة التنمية المستدامة لعام 2030\"،"),
        ("وإذ تلاحظ", " مع القلق حالة مصائد الأسماك الصغيرة الحجم،"),
        ("وإذ تسلم", " بدور المرأة في التجهيز والتجارة بعد الصيد،"),
    ),
    operative=(
        ("تقرر", " عقد اجتماع رفيع المستوى لمدة يوم واحد بشأن مصائد الأسماك الصغيرة الحجم؛"),
        ("تهيب", " بالدول:"),
        ("تطلب", " إلى الأمين العام أن يقدم تقريرا عن تنفيذ هذا القرار "
                 "[في حدود الموارد المتاحة]؛"),
        ("تدعو", " الدول الأعضاء إلى المساهمة في الصندوق الاستئماني."),
    ),
    subparagraphs=("(أ)\tأن تحمي حقوق الحيازة للصيادين على نطاق صغير؛",
                   "(ب)\tأن تقدم تقارير عن التقدم المحرز كل سنتين؛"),
    note="انظر A/79/123، الفقرة 4.",
    number="{} - ",
    styles=_styles(rtl=True),
    italic=False,
)
ARABIC_INDIC = Language(**{**ARABIC.__dict__, "digits": "٠١٢٣٤٥٦٧٨٩"})
"""The Arabic draft with its paragraphs numbered in Arabic-Indic digits ("١ - ")."""

RUSSIAN = Language(
    front=("Организация Объединенных Наций", "A/C.2/81/L.99", "Генеральная Ассамблея",
           "Distr.: Limited", "14 октября 2026 года", "Русский", "Язык оригинала: английский",
           "Восемьдесят первая сессия", "Второй комитет", "Пункт 19(a) повестки дня",
           "Устойчивое развитие: океаны и моря", "Фиджи и Самоа: проект резолюции"),
    title="Устойчивое маломасштабное рыболовство и экономика океана",
    chapeau="Генеральная Ассамблея,",
    preambular=(
        ("ссылаясь", " на свою резолюцию 70/1 от 25 сентября 2015 года, озаглавленную "
                     "«Преобразование нашего мира: Повестка дня в области устойчивого "
                     "развития на период до 2030 года»,"),
        ("отмечая с обеспокоенностью", " положение в области маломасштабного рыболовства,"),
        ("признавая", " роль женщин в переработке улова и торговле,"),
    ),
    operative=(
        ("постановляет", " провести однодневное совещание высокого уровня по "
                         "маломасштабному рыболовству;"),
        ("призывает", " государства:"),
        ("просит", " Генерального секретаря представить доклад об осуществлении настоящей "
                   "резолюции [в рамках имеющихся ресурсов];"),
        ("предлагает", " государствам-членам вносить взносы в целевой фонд."),
    ),
    subparagraphs=("a)\tзащищать права владения мелких рыбаков;",
                   "b)\tпредставлять доклады о ходе работы каждые два года;"),
    note="См. A/79/123, пункт 4.",
    number="{}.\t",
    styles=_styles(rtl=False),
)


def language_draft(language: Language, changes: dict[str, list[Piece]] | None = None,
                   extra: dict[str, Para] | None = None) -> Draft:
    """``language``'s GA draft; ``changes`` replaces a paragraph's pieces by key (``PP2``,
    ``OP3``, ``OP2(a)``), its typed number kept, and ``extra`` adds a paragraph after
    the one named."""
    changes, extra = changes or {}, extra or {}
    draft = Draft("A/C.2/81/L.99")
    draft.paragraphs += [Para((line,), "Front") for line in language.front]
    draft.paragraphs += [Para((language.title,), "UNTitle"), Para((language.chapeau,),
                                                                  "Chapeau")]

    def add(key: str, para: Para, number: str = "") -> None:
        pieces = (number, *changes[key]) if key in changes else para.pieces
        draft.paragraphs.append(Para(tuple(p for p in pieces if p != ""), para.style,
                                     para.italic_opening and key not in changes))
        if key in extra:
            draft.paragraphs.append(extra[key])

    for n, (opening, rest) in enumerate(language.preambular, 1):
        pieces: tuple[Piece, ...] = (opening, rest)
        if n == 2:
            pieces = (opening, rest[:-1], Note(language.note), rest[-1])
        add(f"PP{n}", Para(pieces, italic_opening=language.italic))
    for n, (opening, rest) in enumerate(language.operative, 1):
        number = language.typed(n)
        add(f"OP{n}", Para((number, opening, rest), italic_opening=language.italic), number)
        if n == 2:
            for letter, text in zip("ab", language.subparagraphs, strict=True):
                add(f"OP2({letter})", Para((text,), "Sub"))
    return draft


def language_docx(language: Language, path: Path, changes: dict[str, list[Piece]] | None = None,
                  extra: dict[str, Para] | None = None) -> Path:
    """``language``'s draft written to ``path`` by LibreOffice (see `language_draft`)."""
    return libreoffice_docx(language_draft(language, changes, extra), path, language.styles)
