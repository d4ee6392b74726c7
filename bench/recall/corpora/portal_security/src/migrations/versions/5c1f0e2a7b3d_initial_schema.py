"""initial schema

Revision ID: 5c1f0e2a7b3d
Revises:
Create Date: 2024-03-11 09:42:17.512330

"""
import sqlalchemy as sa
from alembic import op

revision = "5c1f0e2a7b3d"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "customer",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("user_id", sa.Integer(), sa.ForeignKey("user.id"), unique=True),
        sa.Column("reference", sa.String(16), nullable=False, unique=True),
        sa.Column("first_name", sa.String(80), nullable=False),
        sa.Column("last_name", sa.String(80), nullable=False),
        sa.Column("email", sa.String(255), nullable=False),
        sa.Column("phone", sa.String(32)),
        sa.Column("date_of_birth", sa.Date()),
        sa.Column("address_line1", sa.String(120)),
        sa.Column("address_line2", sa.String(120)),
        sa.Column("town", sa.String(80)),
        sa.Column("postcode", sa.String(10)),
        sa.Column("contact_preference", sa.Enum("EMAIL", "PHONE", "SMS", "POST", name="contactpreference")),
        sa.Column("marketing_opt_in", sa.Boolean(), server_default=sa.false()),
        sa.Column("notes", sa.Text()),
        sa.Column("created_at", sa.DateTime(timezone=True)),
    )
    op.create_index("ix_customer_last_name", "customer", ["last_name"])
    op.create_index("ix_customer_email", "customer", ["email"])
    op.create_index("ix_customer_postcode", "customer", ["postcode"])

    op.create_table(
        "partner",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("name", sa.String(120), nullable=False, unique=True),
        sa.Column("contact_email", sa.String(255), nullable=False),
        sa.Column("client_id", sa.String(32), nullable=False, unique=True),
        sa.Column("api_key_prefix", sa.String(16)),
        sa.Column("api_key_hash", sa.String(64), unique=True),
        sa.Column("scopes", sa.JSON()),
        sa.Column("is_active", sa.Boolean(), server_default=sa.true()),
        sa.Column("created_at", sa.DateTime(timezone=True)),
        sa.Column("last_used_at", sa.DateTime(timezone=True)),
    )

    op.create_table(
        "policy",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("customer_id", sa.Integer(), sa.ForeignKey("customer.id"), nullable=False, index=True),
        sa.Column("partner_id", sa.Integer(), sa.ForeignKey("partner.id"), index=True),
        sa.Column("policy_number", sa.String(32), nullable=False, unique=True),
        sa.Column("product", sa.String(32), nullable=False),
        sa.Column("carrier", sa.String(64), nullable=False),
        sa.Column("status", sa.String(16), nullable=False, index=True),
        sa.Column("premium", sa.Numeric(10, 2), nullable=False),
        sa.Column("excess", sa.Numeric(10, 2)),
        sa.Column("start_date", sa.Date(), nullable=False),
        sa.Column("end_date", sa.Date(), nullable=False),
        sa.Column("summary", sa.Text()),
        sa.Column("updated_at", sa.DateTime(timezone=True)),
    )

    op.create_table(
        "claim",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("policy_id", sa.Integer(), sa.ForeignKey("policy.id"), nullable=False, index=True),
        sa.Column("reference", sa.String(20), nullable=False, unique=True),
        sa.Column("title", sa.String(160), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("incident_date", sa.Date(), nullable=False),
        sa.Column("amount_claimed", sa.Numeric(10, 2)),
        sa.Column("status", sa.String(16), nullable=False, index=True),
        sa.Column("created_at", sa.DateTime(timezone=True)),
        sa.Column("updated_at", sa.DateTime(timezone=True)),
    )

    op.create_table(
        "claim_message",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("claim_id", sa.Integer(), sa.ForeignKey("claim.id"), nullable=False, index=True),
        sa.Column("author_id", sa.Integer(), sa.ForeignKey("user.id"), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True)),
    )

    op.create_table(
        "document",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("customer_id", sa.Integer(), sa.ForeignKey("customer.id"), nullable=False, index=True),
        sa.Column("policy_id", sa.Integer(), sa.ForeignKey("policy.id")),
        sa.Column("claim_id", sa.Integer(), sa.ForeignKey("claim.id")),
        sa.Column("category", sa.String(32), nullable=False),
        sa.Column("original_name", sa.String(255), nullable=False),
        sa.Column("storage_key", sa.String(255), nullable=False, unique=True),
        sa.Column("content_type", sa.String(100), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("uploaded_by_id", sa.Integer(), sa.ForeignKey("user.id")),
        sa.Column("created_at", sa.DateTime(timezone=True)),
    )

    op.create_table(
        "document_share",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("document_id", sa.Integer(), sa.ForeignKey("document.id"), nullable=False, index=True),
        sa.Column("token", sa.String(64), nullable=False, unique=True, index=True),
        sa.Column("recipient_email", sa.String(255), nullable=False),
        sa.Column("password_hash", sa.String(128)),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("created_by_id", sa.Integer(), sa.ForeignKey("user.id"), nullable=False),
        sa.Column("access_count", sa.Integer(), server_default="0"),
        sa.Column("created_at", sa.DateTime(timezone=True)),
    )

    op.create_table(
        "agent_invite",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("email", sa.String(255), nullable=False),
        sa.Column("code", sa.String(64), nullable=False, unique=True, index=True),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("accepted_at", sa.DateTime(timezone=True)),
        sa.Column("invited_by_id", sa.Integer(), sa.ForeignKey("user.id")),
    )

    op.create_table(
        "callback_request",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("customer_id", sa.Integer(), sa.ForeignKey("customer.id"), nullable=False),
        sa.Column("phone", sa.String(32), nullable=False),
        sa.Column("preferred_time", sa.String(16), nullable=False),
        sa.Column("reason", sa.String(500)),
        sa.Column("created_at", sa.DateTime(timezone=True)),
        sa.Column("handled_at", sa.DateTime(timezone=True)),
    )

    op.create_table(
        "audit_event",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("actor_id", sa.Integer(), sa.ForeignKey("user.id")),
        sa.Column("partner_id", sa.Integer(), sa.ForeignKey("partner.id")),
        sa.Column("action", sa.String(64), nullable=False),
        sa.Column("target", sa.String(120)),
        sa.Column("ip_address", sa.String(45)),
        sa.Column("details", sa.JSON()),
        sa.Column("created_at", sa.DateTime(timezone=True), index=True),
    )


def downgrade():
    for table in (
        "audit_event",
        "callback_request",
        "agent_invite",
        "document_share",
        "document",
        "claim_message",
        "claim",
        "policy",
        "partner",
        "customer",
    ):
        op.drop_table(table)
