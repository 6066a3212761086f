"""`eventcheck.all_clean`: one search over every text of a set of amendments, which the Word
outputs ask before naming any amendment alone (`text_problems`). It may only ever say
"look closer" where nothing is wrong, never "clean" where one text is not."""

import pytest

from drafting.store.eventcheck import all_clean, text_problems

CLEAN = {"id": "A1", "paragraph_id": "op2", "revision": "Zero draft",
         "old_text": "submit", "new_text": "present\nin two lines", "reason": "Clearer.",
         "submitted_by": "Jane Doe"}


@pytest.mark.parametrize(("field", "value"), [
    ("new_text", "pre\x1bsent"),            # a control character in a paragraph's text
    ("reason", "see \u202eevil"),           # a bidi override in free text
    ("submitted_by", "Jane\nDoe"),          # a line break in a single line
    ("revision", "Rev.1\t"),                # a tab in a single line
    ("new_text", "one\n\nparagraph"),       # an empty line inside a paragraph
    ("old_text", "p" * 100_001),            # past the length limit
])
def test_one_bad_text_among_many_clean_ones_is_never_called_clean(field, value):
    amendments = [dict(CLEAN, id=f"A{n}") for n in range(50)]
    amendments[37] = dict(CLEAN, id="A37", **{field: value})
    assert list(text_problems(amendments[37]))  # the library refuses it ...
    assert not all_clean(amendments)  # ... so the set is not clean


def test_clean_amendments_are_clean():
    assert all_clean([dict(CLEAN, id=f"A{n}") for n in range(50)])
    assert all_clean([])
