from ..db import queries as q
from .base import BaseRepository


class UserRepository(BaseRepository):
    def get(self, user_id):
        return self._fetchone(q.USER_BY_ID, (user_id,))

    def get_by_email(self, email):
        return self._fetchone(q.USER_BY_EMAIL, (email,))

    def get_by_remember_token(self, token):
        return self._fetchone(q.USER_BY_REMEMBER_TOKEN, (token,))

    def create(self, email, password_hash, full_name, is_staff=False):
        return self._insert_returning_id(
            q.USER_INSERT,
            {
                "email": email.strip().lower(),
                "full_name": full_name,
                "password_hash": password_hash,
                "is_staff": is_staff,
            },
        )

    def set_password_hash(self, user_id, password_hash):
        self._execute(q.USER_SET_PASSWORD, (password_hash, user_id))

    def set_remember_token(self, user_id, token):
        self._execute(q.USER_SET_REMEMBER_TOKEN, (token, user_id))

    def update_profile(self, user_id, full_name):
        self._execute(q.USER_UPDATE_PROFILE, (full_name, user_id))
