"""OAuth2-style token endpoint for API clients and handheld scanners."""

import logging

import falcon
import jwt

from stockroom import security
from stockroom.repositories.users import ApiClientRepository
from stockroom.schemas import TokenRequestSchema
from stockroom.services import accounts

logger = logging.getLogger(__name__)

SCANNER_SCOPES = ("items:read", "movements:read", "movements:write")


def _invalid_grant(description: str = "The supplied credentials are not valid."):
    return falcon.HTTPBadRequest(title="invalid_grant", description=description)


class TokenResource:
    auth_exempt = True

    def __init__(self, clients: ApiClientRepository | None = None):
        self._clients = clients or ApiClientRepository()

    def on_post(self, req, resp):
        data = TokenRequestSchema().load(req.get_media(default_when_empty={}))
        grant = data["grant_type"]

        if grant == "client_credentials":
            token, subject = self._client_credentials(data)
        elif grant == "scanner_passcode":
            token, subject = self._scanner_passcode(data)
        else:
            token, subject = self._refresh(data)

        logger.info("issued %s token for %s", grant, subject)
        resp.set_header("Cache-Control", "no-store")
        resp.media = {
            "access_token": token,
            "token_type": "Bearer",
            "expires_in": security.token_expires_in(),
        }

    def _client_credentials(self, data):
        client = self._clients.get_by_client_id(data.get("client_id") or "")
        if client is None or not client["active"]:
            raise _invalid_grant()
        if not security.verify_client_secret(data.get("client_secret") or "", client["secret_hash"]):
            logger.info("bad client secret for %s", client["client_id"])
            raise _invalid_grant()
        allowed = set(client["scopes"].split())
        requested = set(data["scope"].split()) or allowed
        if not requested <= allowed:
            raise falcon.HTTPBadRequest(title="invalid_scope", description="Requested scope exceeds the client's grant.")
        subject = f"client:{client['client_id']}"
        return security.issue_access_token(subject, requested, kind="client"), subject

    def _scanner_passcode(self, data):
        user = accounts.authenticate_scanner(data.get("badge_number") or "", data.get("passcode") or "")
        if user is None:
            raise _invalid_grant()
        subject = f"user:{user['id']}"
        return security.issue_access_token(subject, SCANNER_SCOPES, kind="scanner"), subject

    def _refresh(self, data):
        try:
            token, claims = security.refresh_access_token(data.get("token") or "")
        except jwt.InvalidTokenError:
            raise _invalid_grant("The token cannot be refreshed; authenticate again.")
        return token, claims["sub"]
