"""a meeting keeps its answers; a folded search text; the owner's language

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("meetings", schema=None) as batch_op:
        batch_op.add_column(sa.Column("rating", sa.String(20), nullable=True))
        batch_op.add_column(sa.Column("they_need", sa.Text(), nullable=False, server_default=""))
        batch_op.add_column(sa.Column("i_offer", sa.Text(), nullable=False, server_default=""))
    with op.batch_alter_table("contacts", schema=None) as batch_op:
        # Name, company, title, e-mails and note folded for search (storage/search_text.py);
        # filled for existing rows on the first write of each, and by `backfill_search_text`.
        batch_op.add_column(sa.Column("search_text", sa.Text(), nullable=False, server_default=""))
    with op.batch_alter_table("owners", schema=None) as batch_op:
        batch_op.add_column(sa.Column("language", sa.String(5), nullable=False, server_default=""))


def downgrade() -> None:
    with op.batch_alter_table("owners", schema=None) as batch_op:
        batch_op.drop_column("language")
    with op.batch_alter_table("contacts", schema=None) as batch_op:
        batch_op.drop_column("search_text")
    with op.batch_alter_table("meetings", schema=None) as batch_op:
        batch_op.drop_column("i_offer")
        batch_op.drop_column("they_need")
        batch_op.drop_column("rating")
