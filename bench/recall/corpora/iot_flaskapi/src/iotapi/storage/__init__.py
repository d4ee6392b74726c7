"""Hand-written data access on PostgreSQL (psycopg2)."""
