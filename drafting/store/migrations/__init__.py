"""Alembic migrations of the store, shipped in the package (``drafting.store:migrations``)."""
