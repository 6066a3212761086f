import drafting


def test_public_api_is_small_and_documented():
    exported = set(drafting.__all__)
    assert len(exported) < 60
    for name in exported:
        thing = getattr(drafting, name)
        assert (thing.__doc__ or "").strip(), f"drafting.{name} has no docstring"
    assert sorted(drafting.__all__) == sorted(drafting._HOMES)
