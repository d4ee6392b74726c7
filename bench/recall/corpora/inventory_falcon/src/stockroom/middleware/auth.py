"""Bearer-token authentication for the JSON API."""

import logging

import falcon
import jwt

from stockroom import security

logger = logging.getLogger(__name__)


def _bearer_token(req: falcon.Request) -> str | None:
    header = req.get_header("Authorization")
    if not header:
        return None
    scheme, _, value = header.partition(" ")
    if scheme.lower() != "bearer" or not value.strip():
        return None
    return value.strip()


class BearerAuthMiddleware:
    """Populates ``req.context.client`` for API routes.

    Resources that must be reachable without a token (token endpoint,
    signed webhooks, signed download links) set ``auth_exempt = True``.
    """

    def __init__(self, prefix: str = "/api/v1"):
        self._prefix = prefix.rstrip("/") + "/"

    def process_request(self, req, resp):
        req.context.client = None

    def process_resource(self, req, resp, resource, params):
        if resource is None or not req.path.startswith(self._prefix):
            return
        if req.method == "OPTIONS" or getattr(resource, "auth_exempt", False):
            return

        token = _bearer_token(req)
        if token is None:
            raise falcon.HTTPUnauthorized(
                title="Authentication required",
                description="Send an access token in the Authorization header.",
                challenges=["Bearer"],
            )

        try:
            claims = security.decode_access_token(token)
        except jwt.ExpiredSignatureError:
            stale = jwt.decode(token, options={"verify_signature": False})
            logger.info("expired access token presented by %s", stale.get("sub"))
            raise falcon.HTTPUnauthorized(
                title="Token expired",
                description="Request a new access token.",
                challenges=['Bearer error="invalid_token"'],
            )
        except jwt.InvalidTokenError as exc:
            logger.warning("rejected bearer token %s: %s", token, exc)
            raise falcon.HTTPUnauthorized(
                title="Invalid token",
                challenges=['Bearer error="invalid_token"'],
            )

        req.context.client = {
            "id": claims["sub"],
            "kind": claims.get("typ", "client"),
            "scopes": frozenset(claims.get("scope", "").split()),
        }
