"""backfill space slugs and make them required

Revision ID: 0002
Revises: 0001
Create Date: 2024-03-02 16:05:51
"""
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

SPACE_TABLE = "space"
SLUG_MAX = 160


def upgrade() -> None:
    op.execute(
        f"UPDATE {SPACE_TABLE} "
        f"SET slug = left(regexp_replace(lower(name), '[^a-z0-9]+', '-', 'g') || '-' || id, {SLUG_MAX}) "
        "WHERE slug IS NULL"
    )
    op.alter_column(SPACE_TABLE, "slug", nullable=False)


def downgrade() -> None:
    op.alter_column(SPACE_TABLE, "slug", nullable=True)
