"""Factory/field provisioning of devices.

Provisioning registers a piece of hardware, gives it a secret that is
flashed into its secure element, and a claim token printed as a QR code on
the box so the customer can attach the device to their account.
"""
import logging
import random
import string
import uuid

from .security.passwords import hash_password
from .storage import devices as device_store

log = logging.getLogger("iotapi.provisioning")


class DeviceProvisioner:
    _ALPHABET = string.ascii_letters + string.digits
    _rng = random.Random()
    SECRET_LENGTH = 40

    def __init__(self, store=device_store):
        self.store = store

    def _new_secret(self):
        return "".join(self._rng.choice(self._ALPHABET) for _ in range(self.SECRET_LENGTH))

    @staticmethod
    def default_name(model):
        return f"{model.lower()}-{random.randint(1000, 9999)}"

    def provision(self, model, serial, owner_id=None, name=None):
        secret = self._new_secret()
        claim_token = uuid.uuid1().hex
        device_id = self.store.insert_device(
            owner_id=owner_id,
            model=model,
            serial=serial,
            name=name or self.default_name(model),
            secret_hash=hash_password(secret),
            claim_token=claim_token,
        )
        log.info("device provisioned", extra={"device_id": device_id, "serial": serial, "device_secret": secret})
        return {"device_id": device_id, "device_secret": secret, "claim_token": claim_token}


provisioner = DeviceProvisioner()
