"""asyncpg data access. Repositories take the pool (or a connection inside a transaction)."""
from gatepass.repositories.base import Repository, transaction

__all__ = ["Repository", "transaction"]
