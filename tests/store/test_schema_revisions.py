"""The schema check reads the shipped migrations' ids from their text, not through Alembic
(which imports every migration, on every command): both must agree."""

from drafting.store import schema


def test_migrations_read_from_their_text_are_alembics():
    known, head = schema.known_revisions()
    scripts = schema.scripts()
    assert head == scripts.get_current_head()
    assert known == {script.revision for script in scripts.walk_revisions()}


def test_migrations_in_another_form_fall_back_on_alembic(tmp_path, monkeypatch):
    folder = tmp_path / "migrations"
    (folder / "versions").mkdir(parents=True)
    (folder / "env.py").write_text((schema.files("drafting.store.migrations") / "env.py")
                                   .read_text(encoding="utf-8"), encoding="utf-8")
    (folder / "versions" / "0001_odd.py").write_text(
        'revision = ("0001")\ndown_revision = None\nbranch_labels = None\n'
        "depends_on = None\n\n\ndef upgrade():\n    pass\n", encoding="utf-8")
    monkeypatch.setattr(schema, "MIGRATIONS", str(folder))
    assert schema.known_revisions() == (frozenset({"0001"}), "0001")
