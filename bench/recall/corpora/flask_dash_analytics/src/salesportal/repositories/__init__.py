"""Data access helpers: ORM lookups for portal data, raw SQL for reporting."""
