"""full-text search vectors

Revision ID: 0002
Revises: 0001
Create Date: 2024-03-05 16:40:02.551870
"""
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

SEARCH_TABLES = ("pages", "revisions")

TRIGGER_FUNCTION = """
CREATE OR REPLACE FUNCTION pagebook_search_vector_update() RETURNS trigger AS $$
BEGIN
    NEW.search_vector :=
        setweight(to_tsvector('english', coalesce(NEW.title, '')), 'A') ||
        setweight(to_tsvector('english', coalesce(NEW.body, '')), 'B');
    RETURN NEW;
END
$$ LANGUAGE plpgsql;
"""


def upgrade():
    op.execute(TRIGGER_FUNCTION)
    for table in SEARCH_TABLES:
        op.execute(f"ALTER TABLE {table} ADD COLUMN search_vector tsvector")
        op.execute(f"CREATE INDEX ix_{table}_search_vector ON {table} USING gin (search_vector)")
        op.execute(
            f"CREATE TRIGGER {table}_search_vector_update BEFORE INSERT OR UPDATE OF title, body "
            f"ON {table} FOR EACH ROW EXECUTE FUNCTION pagebook_search_vector_update()"
        )
        # backfill existing rows through the trigger
        op.execute(f"UPDATE {table} SET title = title")


def downgrade():
    for table in SEARCH_TABLES:
        op.execute(f"DROP TRIGGER IF EXISTS {table}_search_vector_update ON {table}")
        op.execute(f"DROP INDEX IF EXISTS ix_{table}_search_vector")
        op.execute(f"ALTER TABLE {table} DROP COLUMN IF EXISTS search_vector")
    op.execute("DROP FUNCTION IF EXISTS pagebook_search_vector_update()")
