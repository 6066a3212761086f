"""The library's patterns are compiled when first used, and every one of them compiles."""

import importlib
import pkgutil
import re

import drafting
from drafting.lazy_re import _MADE, compile_all, lazy_compile


def _import_every_module() -> None:
    for module in pkgutil.walk_packages(drafting.__path__, "drafting."):
        if ".migrations" not in module.name:
            importlib.import_module(module.name)


def test_every_pattern_of_the_library_compiles():
    _import_every_module()
    assert compile_all() >= 150  # the readers', engine's and writers' module-level patterns


def test_a_lazy_pattern_answers_as_the_compiled_one():
    lazy = lazy_compile(r"(?P<number>\d+)\s*bis", re.IGNORECASE)
    plain = re.compile(r"(?P<number>\d+)\s*bis", re.IGNORECASE)
    text = "OP3 BIS and 12 bis"
    assert lazy.pattern == plain.pattern
    assert lazy.search(text).group("number") == "3"
    assert [m.span() for m in lazy.finditer(text)] == [m.span() for m in plain.finditer(text)]
    assert lazy.sub("N", text) == plain.sub("N", text)
    assert lazy.fullmatch("7 bis") and not lazy.fullmatch("7 ter")
    assert lazy.groupindex == plain.groupindex and lazy.flags == plain.flags


def test_importing_compiles_no_pattern_until_one_is_used():
    pattern = lazy_compile(r"[")  # a bad pattern: nothing raises until it is used
    assert "match" not in vars(pattern)
    try:
        pattern.match("x")
    except re.error:
        pass
    else:
        raise AssertionError("a bad pattern compiled")
    finally:
        _MADE.remove(pattern)
