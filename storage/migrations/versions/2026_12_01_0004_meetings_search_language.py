"""a meeting keeps its answers; a folded search text; the owner's language

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from storage.search_text import search_text_of

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

BACKFILL_BATCH = 500
_contacts = sa.table(
    "contacts",
    sa.column("id", sa.Integer),
    sa.column("name", sa.String),
    sa.column("title", sa.String),
    sa.column("company", sa.String),
    sa.column("emails", sa.JSON),
    sa.column("note", sa.Text),
    sa.column("they_need", sa.Text),
    sa.column("i_offer", sa.Text),
    sa.column("search_text", sa.Text),
)


def upgrade() -> None:
    with op.batch_alter_table("meetings", schema=None) as batch_op:
        batch_op.add_column(sa.Column("rating", sa.String(20), nullable=True))
        batch_op.add_column(sa.Column("they_need", sa.Text(), nullable=False, server_default=""))
        batch_op.add_column(sa.Column("i_offer", sa.Text(), nullable=False, server_default=""))
    with op.batch_alter_table("contacts", schema=None) as batch_op:
        # Name, company, title, e-mails and note folded for search (storage/search_text.py);
        # filled here for existing rows, and kept up to date on every write from then on.
        batch_op.add_column(sa.Column("search_text", sa.Text(), nullable=False, server_default=""))
    _backfill_search_text()
    with op.batch_alter_table("owners", schema=None) as batch_op:
        batch_op.add_column(sa.Column("language", sa.String(5), nullable=False, server_default=""))


def _backfill_search_text() -> None:
    """Fold every existing contact's searchable fields, a batch of rows at a time.

    Written here rather than through the models, so that the migration keeps meaning what
    it meant when the models change; the folding itself is storage/search_text.py's.
    """
    connection = op.get_bind()
    c = _contacts.c
    last_id = 0
    while True:
        rows = connection.execute(
            sa.select(c.id, c.name, c.title, c.company, c.emails, c.note, c.they_need, c.i_offer)
            .where(c.id > last_id)
            .order_by(c.id)
            .limit(BACKFILL_BATCH)
        ).all()
        if not rows:
            return
        connection.execute(
            sa.update(_contacts).where(c.id == sa.bindparam("row_id")),
            [
                {
                    "row_id": row.id,
                    "search_text": search_text_of(
                        (
                            row.name or "",
                            row.title or "",
                            row.company or "",
                            *(row.emails or ()),
                            row.note or "",
                            row.they_need or "",
                            row.i_offer or "",
                        )
                    ),
                }
                for row in rows
            ],
        )
        last_id = rows[-1].id


def downgrade() -> None:
    with op.batch_alter_table("owners", schema=None) as batch_op:
        batch_op.drop_column("language")
    with op.batch_alter_table("contacts", schema=None) as batch_op:
        batch_op.drop_column("search_text")
    with op.batch_alter_table("meetings", schema=None) as batch_op:
        batch_op.drop_column("i_offer")
        batch_op.drop_column("they_need")
        batch_op.drop_column("rating")
