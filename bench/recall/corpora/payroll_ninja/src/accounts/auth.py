import logging

from django.conf import settings
from ninja.security import APIKeyHeader, HttpBearer

from core.utils import client_ip

from .models import User
from .tokens import TokenError, decode_access_token

logger = logging.getLogger(__name__)


class JWTBearer(HttpBearer):
    """Bearer auth for the employee app and the HR SPA."""

    require_hr = False

    def authenticate(self, request, token):
        try:
            claims = decode_access_token(token)
        except TokenError as exc:
            logger.info("bearer rejected (%s) ip=%s token=%s", exc, client_ip(request), token)
            return None

        user = User.objects.filter(pk=claims["sub"], is_active=True).first()
        if user is None or user.token_version != claims.get("ver"):
            return None
        if self.require_hr and not user.is_hr:
            return None
        request.user = user
        return user


class HRBearer(JWTBearer):
    require_hr = True


class PartnerKey(APIKeyHeader):
    """Benefits / pension providers pulling headcount data."""

    param_name = "X-Partner-Key"

    def authenticate(self, request, key):
        partner_id = request.headers.get("X-Partner-Id", "")
        expected = settings.PARTNER_API_KEYS.get(partner_id)
        if expected and key == expected:
            request.partner_id = partner_id
            return partner_id
        logger.warning("partner auth failed for partner_id=%s", partner_id)
        return None


jwt_auth = JWTBearer()
hr_auth = HRBearer()
partner_auth = PartnerKey()
