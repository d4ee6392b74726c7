"""People and hardware in the field: enumerators and their tablets."""
import hashlib
import hmac
import secrets

import mongoengine as me


def _passphrase_digest(salt, passphrase):
    return hashlib.sha256((salt + passphrase).encode("utf-8")).hexdigest()


class Enumerator(me.Document):
    """A data collector who signs in on a shared tablet with a team code and passphrase."""

    meta = {"collection": "enumerators", "indexes": ["code", "team"]}

    code = me.StringField(required=True, unique=True, max_length=16)
    display_name = me.StringField(max_length=80)
    team = me.StringField(max_length=40)
    passphrase_salt = me.StringField()
    passphrase_hash = me.StringField()
    surveys = me.ListField(me.ReferenceField("Survey"))
    active = me.BooleanField(default=True)

    def set_passphrase(self, passphrase):
        self.passphrase_salt = secrets.token_hex(16)
        self.passphrase_hash = _passphrase_digest(self.passphrase_salt, passphrase)

    def check_passphrase(self, passphrase):
        if not (self.passphrase_hash and self.passphrase_salt):
            return False
        candidate = _passphrase_digest(self.passphrase_salt, passphrase)
        return hmac.compare_digest(candidate, self.passphrase_hash)

    def can_collect_for(self, survey):
        return self.active and any(s.id == survey.id for s in self.surveys)


class Device(me.Document):
    """A tablet or logger that pushes readings with an API key."""

    meta = {"collection": "devices", "indexes": ["api_key_hash", "api_key_prefix"]}

    label = me.StringField(required=True, max_length=80)
    enumerator = me.ReferenceField(Enumerator)
    api_key_prefix = me.StringField(max_length=12)
    api_key_hash = me.StringField(required=True, unique=True)
    last_seen = me.DateTimeField()
    revoked = me.BooleanField(default=False)
