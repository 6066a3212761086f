"""Styles resolved once each (`drafting.ooxml.style_chains`) give what walking each
style's own chain gives, loops included (read as far as the first style met twice)."""

from __future__ import annotations

from itertools import product

from drafting.ooxml.style_chains import StyleChains

# What each of four styles sets itself: some share a property, so that the nearest decides
OWN = {"a": {"i": True}, "b": {"i": False, "b": True}, "c": {}, "d": {"b": False, "u": True}}


def _walked(style_id: str | None, based: dict[str, str | None]) -> dict[str, bool]:
    """Each style's chain walked on its own, nearest first, stopping at a repeat."""
    found: dict[str, bool] = {}
    seen: set[str] = set()
    while style_id in OWN and style_id not in seen:
        seen.add(style_id)
        for key, value in OWN[style_id].items():
            found.setdefault(key, value)
        style_id = based[style_id]
    return found


def test_every_way_four_styles_can_be_based_on_each_other_resolves_as_walked():
    names = sorted(OWN)
    for targets in product([*names, None, "missing"], repeat=len(names)):
        based = dict(zip(names, targets, strict=True))
        for order in (names, names[::-1]):  # the first asked for does not matter
            chains = StyleChains({name: name for name in OWN}, based.__getitem__,
                                 OWN.__getitem__)
            for name in order:
                assert chains(name) == _walked(name, based), (based, name)
        assert chains(None) == {} and chains("missing") == {}


def test_a_chain_a_hundred_thousand_deep_looks_at_each_style_once():
    depth = 100_000
    styles = {f"s{i}": i for i in range(depth)}
    looked: list[int] = []

    def based_on(style: int) -> str | None:
        looked.append(style)
        return f"s{style + 1}" if style + 1 < depth else None

    chains = StyleChains(styles, based_on, lambda style: {"far": style} if style > 0 else {})
    assert all(chains(f"s{i}")["far"] == max(i, 1) for i in range(depth - 1))
    assert len(looked) == depth
