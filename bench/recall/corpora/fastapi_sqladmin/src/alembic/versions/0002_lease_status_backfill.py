"""backfill lease status and add autopay flag

Revision ID: 0002
Revises: 0001
Create Date: 2024-05-17 08:40:12
"""
import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

STATUS_TABLE = "leases"


def upgrade() -> None:
    op.add_column(STATUS_TABLE, sa.Column("autopay_enabled", sa.Boolean, nullable=False, server_default=sa.false()))
    op.execute(f"UPDATE {STATUS_TABLE} SET status = 'ended' WHERE end_date < CURRENT_DATE AND status = 'active'")


def downgrade() -> None:
    op.drop_column(STATUS_TABLE, "autopay_enabled")
