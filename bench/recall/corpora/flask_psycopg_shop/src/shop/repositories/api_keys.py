from ..db import queries as q
from .base import BaseRepository


class ApiKeyRepository(BaseRepository):
    def create(self, name, key_prefix, key_digest):
        self._execute(q.API_KEY_INSERT, (name, key_prefix, key_digest))

    def get_by_digest(self, key_digest):
        return self._fetchone(q.API_KEY_BY_DIGEST, (key_digest,))
