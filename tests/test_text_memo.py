"""`TextMemo`: what the Word readers remember by text (plain paragraphs, their labels,
their chunks), at most so many, and only short texts."""

from drafting.text_memo import TextMemo


def test_short_texts_are_kept_long_ones_not_and_a_full_memo_starts_again():
    memo: TextMemo[int] = TextMemo(most=3, longest=5)
    memo.keep("abc", 1, 3)
    memo.keep("abcdef", 2, 6)  # past longest: not kept
    assert memo.get("abc") == 1 and memo.get("abcdef") is None and "abcdef" not in memo
    memo.keep("b", 2, 1)
    memo.keep("c", 3, 1)
    assert len(memo) == 3
    memo.keep("d", 4, 1)  # full: emptied, then kept
    assert len(memo) == 1 and memo.get("d") == 4 and memo.get("abc") is None
    memo.clear()
    assert len(memo) == 0 and "d" not in memo
