"""Hand-written SQL for listings and reports that the ORM makes awkward.

These run against PostgreSQL only (``%s`` placeholders, ILIKE).
"""


def fetch_dicts(cursor):
    columns = [col[0] for col in cursor.description]
    return [dict(zip(columns, row)) for row in cursor.fetchall()]
