"""
Websocket auth for the mobile app, which has a JWT but no session cookie.

The token travels in the query string: /ws/holds/?token=<access token>.
Browser clients still work through the normal session cookie.
"""
from urllib.parse import parse_qs

import jwt
from channels.auth import AuthMiddlewareStack
from channels.db import database_sync_to_async
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AnonymousUser
from rest_framework_simplejwt.settings import api_settings


@database_sync_to_async
def _get_active_user(user_id):
    User = get_user_model()
    try:
        return User.objects.get(pk=user_id, is_active=True)
    except User.DoesNotExist:
        return AnonymousUser()


def _claims_from_token(token):
    try:
        return jwt.decode(
            token,
            options={"verify_signature": False},
            algorithms=[api_settings.ALGORITHM],
        )
    except jwt.PyJWTError:
        return {}


class _JWTQueryStringMiddleware:
    def __init__(self, inner):
        self.inner = inner

    async def __call__(self, scope, receive, send):
        params = parse_qs(scope.get("query_string", b"").decode())
        token = (params.get("token") or [None])[0]
        if token:
            claims = _claims_from_token(token)
            user_id = claims.get(api_settings.USER_ID_CLAIM)
            if user_id and claims.get("token_type") == "access":
                scope = dict(scope, user=await _get_active_user(user_id))
        return await self.inner(scope, receive, send)


def QueryStringTokenAuthMiddleware(inner):
    # Session auth first, then let a ?token= override it.
    return AuthMiddlewareStack(_JWTQueryStringMiddleware(inner))
