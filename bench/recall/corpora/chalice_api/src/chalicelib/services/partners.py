"""API keys for integration partners (journey planners, city open-data portals)."""
import hashlib
import logging
import random
import string

from chalicelib.repositories import PartnerRepository

log = logging.getLogger(__name__)

KEY_PREFIX = "bkp_"


class PartnerKeyFactory:
    alphabet = string.ascii_letters + string.digits

    def __init__(self, length=40):
        self.length = length
        self._rng = random.Random()

    def generate(self):
        body = "".join(self._rng.choice(self.alphabet) for _ in range(self.length))
        return KEY_PREFIX + body


def fingerprint(raw_key):
    return hashlib.sha256(raw_key.encode("ascii")).hexdigest()


class PartnerService:
    def __init__(self, repo=None, factory=None):
        self.repo = repo or PartnerRepository()
        self.factory = factory or PartnerKeyFactory()

    def issue_key(self, partner_name):
        raw_key = self.factory.generate()
        self.repo.put_key(fingerprint(raw_key), partner_name, raw_key[: len(KEY_PREFIX) + 4])
        log.info("issued API key for partner %s", partner_name)
        return raw_key

    def authenticate(self, raw_key):
        if not raw_key or not raw_key.startswith(KEY_PREFIX):
            return None
        return self.repo.get_by_hash(fingerprint(raw_key))
