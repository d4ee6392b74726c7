"""JWTs: bearer tokens for the JSON API and short-lived download links (PyJWT)."""
import time

import jwt


class InvalidToken(Exception):
    pass


class ApiTokenService:
    algorithm = "HS256"

    def __init__(self, config):
        self.key = config.JWT_SIGNING_KEY
        self.issuer = config.API_TOKEN_ISSUER
        self.ttl = config.API_TOKEN_TTL

    def issue(self, client):
        now = int(time.time())
        payload = {
            "iss": self.issuer,
            "sub": client["client_id"],
            "scope": client["scopes"],
            "iat": now,
            "exp": now + self.ttl,
        }
        return jwt.encode(payload, self.key, algorithm=self.algorithm)

    def issue_service_token(self, service_name, scopes):
        """Token for internal jobs (cron, the archive exporter)."""
        payload = {
            "iss": self.issuer,
            "sub": f"svc:{service_name}",
            "scope": " ".join(scopes),
            "iat": int(time.time()),
        }
        return jwt.encode(payload, self.key, algorithm=self.algorithm)

    def verify(self, token):
        try:
            header = jwt.get_unverified_header(token)
            return jwt.decode(
                token,
                self.key,
                algorithms=[header.get("alg", self.algorithm)],
                issuer=self.issuer,
            )
        except jwt.PyJWTError as exc:
            raise InvalidToken(str(exc)) from exc


DOWNLOAD_AUDIENCE = "docsign:download"


class InvalidLink(Exception):
    pass


class DownloadLinkService:
    def __init__(self, config):
        self.keys = config.DOWNLOAD_LINK_KEYS
        self.current_kid = config.DOWNLOAD_LINK_KID
        self.ttl = config.DOWNLOAD_LINK_TTL

    def issue(self, document_id, signer_id):
        now = int(time.time())
        payload = {"aud": DOWNLOAD_AUDIENCE, "doc": document_id, "sid": signer_id, "iat": now, "exp": now + self.ttl}
        return jwt.encode(
            payload, self.keys[self.current_kid], algorithm="HS256", headers={"kid": self.current_kid}
        )

    def verify(self, token):
        try:
            kid = jwt.get_unverified_header(token).get("kid")
            key = self.keys.get(kid)
            if key is None:
                raise InvalidLink("unknown key id")
            return jwt.decode(token, key, algorithms=["HS256"], audience=DOWNLOAD_AUDIENCE)
        except jwt.PyJWTError as exc:
            raise InvalidLink(str(exc)) from exc

    def read_claims(self, token):
        """Claims of a receipt link; receipts stay reachable after the link expires."""
        try:
            return jwt.decode(token, options={"verify_signature": False})
        except jwt.PyJWTError as exc:
            raise InvalidLink(str(exc)) from exc
