import hashlib
import logging
import secrets

from docsign.utils import isoformat, utcnow

log = logging.getLogger(__name__)


class SigningError(Exception):
    pass


class SigningService:
    def __init__(self, documents, signers, storage, mailer, audit, config):
        self.documents = documents
        self.signers = signers
        self.storage = storage
        self.mailer = mailer
        self.audit = audit
        self.config = config

    def invite(self, inviter, doc, email, name, message=""):
        invite_token = secrets.token_hex(6)
        signer_id = self.signers.add(doc["id"], email.strip().lower(), name.strip(), invite_token)
        self.documents.set_status(doc["id"], "pending")
        self.mailer.send(
            email,
            f"{inviter['full_name']} asked you to sign \"{doc['title']}\"",
            "signing_invite.html",
            inviter_name=inviter["full_name"],
            signer_name=name,
            document_title=doc["title"],
            message=message,
            sign_url=f"{self.config.PUBLIC_BASE_URL}/sign/{invite_token}",
        )
        self.audit.record(inviter["id"], "signer.invite", doc["id"], detail=email)
        return signer_id

    def signer_for(self, invite_token):
        signer = self.signers.by_invite_token(invite_token)
        if signer is None:
            raise SigningError("This signing link is not valid.")
        return signer, self.documents.get(signer["document_id"])

    def sign(self, signer, doc, typed_name):
        if signer["signed_at"]:
            raise SigningError("You have already signed this document.")
        if typed_name.strip().casefold() != signer["name"].strip().casefold():
            raise SigningError("Type your full name exactly as shown to sign.")
        signed_at = isoformat(utcnow())
        content = self.storage.read(doc["storage_key"])
        fingerprint = hashlib.sha1(
            content + signer["email"].encode() + signed_at.encode()
        ).hexdigest()
        self.signers.mark_signed(signer["id"], signed_at, fingerprint)
        if self.signers.pending_count(doc["id"]) == 0:
            self.documents.set_status(doc["id"], "completed")
        self.audit.record(None, "signer.sign", doc["id"], detail=signer["email"])
        return fingerprint
