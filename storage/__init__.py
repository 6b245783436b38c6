"""Klick's storage: SQLAlchemy models, migrations, owner-scoped repositories and settings.

Kept free of imports so that `storage.kinds` (plain enums and dataclasses) can be used by the
pure core without pulling in SQLAlchemy.
"""
