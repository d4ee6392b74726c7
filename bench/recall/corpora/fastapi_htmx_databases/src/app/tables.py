import sqlalchemy as sa

metadata = sa.MetaData()

users = sa.Table(
    "users",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("email", sa.String(320), nullable=False, unique=True),
    sa.Column("display_name", sa.String(120), nullable=False),
    sa.Column("password_hash", sa.String(255), nullable=True),
    sa.Column("google_sub", sa.String(64), nullable=True, unique=True),
    sa.Column("is_admin", sa.Boolean, nullable=False, server_default=sa.false()),
    sa.Column("is_staff", sa.Boolean, nullable=False, server_default=sa.false()),
    sa.Column("email_verified", sa.Boolean, nullable=False, server_default=sa.false()),
    sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.func.now()),
)

events = sa.Table(
    "events",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("slug", sa.String(140), nullable=False, unique=True),
    sa.Column("title", sa.String(200), nullable=False),
    sa.Column("venue", sa.String(200), nullable=False),
    sa.Column("description", sa.Text, nullable=False, server_default=""),
    sa.Column("starts_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("capacity", sa.Integer, nullable=False),
    sa.Column("price_cents", sa.Integer, nullable=False),
    sa.Column("organizer_id", sa.Integer, sa.ForeignKey("users.id"), nullable=False),
    sa.Column("published", sa.Boolean, nullable=False, server_default=sa.false()),
)

orders = sa.Table(
    "orders",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("user_id", sa.Integer, sa.ForeignKey("users.id"), nullable=False),
    sa.Column("event_id", sa.Integer, sa.ForeignKey("events.id"), nullable=False),
    sa.Column("quantity", sa.Integer, nullable=False),
    sa.Column("total_cents", sa.Integer, nullable=False),
    sa.Column("status", sa.String(20), nullable=False, server_default="pending"),
    sa.Column("payment_ref", sa.String(80), nullable=True),
    sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.func.now()),
)

tickets = sa.Table(
    "tickets",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("order_id", sa.Integer, sa.ForeignKey("orders.id"), nullable=False),
    sa.Column("holder_id", sa.Integer, sa.ForeignKey("users.id"), nullable=False),
    sa.Column("code", sa.String(64), nullable=False, unique=True),
    sa.Column("checked_in_at", sa.DateTime(timezone=True), nullable=True),
)

transfers = sa.Table(
    "ticket_transfers",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("ticket_id", sa.Integer, sa.ForeignKey("tickets.id"), nullable=False),
    sa.Column("to_email", sa.String(320), nullable=False),
    sa.Column("claim_code", sa.String(64), nullable=False, unique=True),
    sa.Column("claimed_at", sa.DateTime(timezone=True), nullable=True),
)

password_resets = sa.Table(
    "password_resets",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("user_id", sa.Integer, sa.ForeignKey("users.id"), nullable=False),
    sa.Column("token_hash", sa.String(128), nullable=False, unique=True),
    sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("used", sa.Boolean, nullable=False, server_default=sa.false()),
)
