"""Hand-written asyncpg queries, grouped by aggregate.

Every function takes the pool (or a connection) as its first argument so the
same code works inside ``db.transaction()`` blocks and in the worker scripts.
"""
