import drafting


def test_public_api_is_small_and_documented():
    exported = set(drafting.__all__)
    assert len(exported) < 60
    for name in exported:
        thing = getattr(drafting, name)
        assert (thing.__doc__ or "").strip(), f"drafting.{name} has no docstring"
    assert sorted(drafting.__all__) == sorted(drafting._HOMES)


def test_readme_library_example_runs():
    from pathlib import Path

    sample = Path(__file__).parents[1] / "samples" / "zero-draft.md"
    draft = drafting.read_draft(sample).to_document("A/C.2/81/L.7")
    op24 = draft.current.by_label("OP24")
    assert drafting.brackets.count(op24.text) == 1
    assert drafting.brackets.groups(op24.text)[0].alternatives == ("submit", "present")
    assert drafting.brackets.choose(op24.text, 0, 1).startswith(
        "Requests the Secretary-General to present to the General Assembly"
    )


def test_readme_merge_example_runs():
    from pathlib import Path

    sample = Path(__file__).parents[1] / "samples" / "zero-draft.md"
    draft = drafting.read_draft(sample).to_document("A/C.2/81/L.7")
    eu = drafting.draft_amendment(
        draft.current, drafting.Proposal("OP24", replace="submit", with_="present"),
        id="EU-1", proponents=["EU"])
    text = drafting.render_markdown(drafting.merge(draft, [eu]))
    assert "to [~~submit~~ **present** (EU) / present] to the General Assembly" in text
