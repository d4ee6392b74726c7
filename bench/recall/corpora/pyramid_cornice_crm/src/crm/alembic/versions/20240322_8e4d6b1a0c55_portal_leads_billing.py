"""portal accounts, leads, integrations, billing fields

Revision ID: 8e4d6b1a0c55
Revises: 3f1c2a9b7d10
Create Date: 2024-03-22 16:02:11.540913

"""
from alembic import op
import sqlalchemy as sa

# revision identifiers, used by Alembic.
revision = "8e4d6b1a0c55"
down_revision = "3f1c2a9b7d10"
branch_labels = None
depends_on = None


def upgrade():
    op.add_column("customers", sa.Column("portal_code", sa.String(length=32), nullable=True))
    op.add_column("customers", sa.Column("stripe_customer_id", sa.String(length=64), nullable=True))
    op.add_column("customers", sa.Column("billing_status", sa.String(length=32), nullable=True))
    op.create_unique_constraint(op.f("uq_customers_portal_code"), "customers", ["portal_code"])
    op.create_unique_constraint(op.f("uq_customers_stripe_customer_id"), "customers", ["stripe_customer_id"])

    # Rows created before statuses were mandatory.
    op.execute("UPDATE customers SET status = 'lead' WHERE status IS NULL")
    op.alter_column("customers", "status", existing_type=sa.String(length=20), nullable=False)

    op.create_table(
        "portal_accounts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("customer_id", sa.Integer(), nullable=False),
        sa.Column("email", sa.String(length=255), nullable=False),
        sa.Column("salt", sa.String(length=32), nullable=False),
        sa.Column("password_hash", sa.String(length=64), nullable=False),
        sa.Column("verification_token", sa.String(length=64), nullable=True),
        sa.Column("verified_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["customer_id"], ["customers.id"], name=op.f("fk_portal_accounts_customer_id_customers"), ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_portal_accounts")),
        sa.UniqueConstraint("email", name=op.f("uq_portal_accounts_email")),
        sa.UniqueConstraint("verification_token", name=op.f("uq_portal_accounts_verification_token")),
    )
    op.create_index(op.f("ix_portal_accounts_customer_id"), "portal_accounts", ["customer_id"])
    op.create_table(
        "integrations",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("api_key", sa.String(length=64), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False, server_default=sa.true()),
        sa.Column("created_by_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("last_used_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(["created_by_id"], ["users.id"], name=op.f("fk_integrations_created_by_id_users"), ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_integrations")),
        sa.UniqueConstraint("api_key", name=op.f("uq_integrations_api_key")),
    )
    op.create_table(
        "leads",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("email", sa.String(length=255), nullable=False),
        sa.Column("company", sa.String(length=200), nullable=True),
        sa.Column("message", sa.Text(), nullable=False),
        sa.Column("source", sa.String(length=50), nullable=False),
        sa.Column("integration_id", sa.Integer(), nullable=True),
        sa.Column("assigned_to_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["integration_id"], ["integrations.id"], name=op.f("fk_leads_integration_id_integrations"), ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["assigned_to_id"], ["users.id"], name=op.f("fk_leads_assigned_to_id_users"), ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_leads")),
    )
    op.create_table(
        "import_jobs",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("filename", sa.String(length=255), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("finished_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("report", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_import_jobs")),
    )


def downgrade():
    op.drop_table("import_jobs")
    op.drop_table("leads")
    op.drop_table("integrations")
    op.drop_index(op.f("ix_portal_accounts_customer_id"), table_name="portal_accounts")
    op.drop_table("portal_accounts")
    op.alter_column("customers", "status", existing_type=sa.String(length=20), nullable=True)
    op.drop_constraint(op.f("uq_customers_stripe_customer_id"), "customers", type_="unique")
    op.drop_constraint(op.f("uq_customers_portal_code"), "customers", type_="unique")
    op.drop_column("customers", "billing_status")
    op.drop_column("customers", "stripe_customer_id")
    op.drop_column("customers", "portal_code")
