import hmac
import logging

from django.contrib.auth import get_user_model
from rest_framework import exceptions
from rest_framework.authentication import BaseAuthentication, SessionAuthentication, get_authorization_header
from rest_framework.permissions import SAFE_METHODS, BasePermission

from tenants.models import APIKey

from .jwt import TokenError, decode_mobile_token

logger = logging.getLogger("ledgerly.api")
User = get_user_model()


class APIKeyUser:
    """Stand-in request.user for requests made with an integration key."""

    is_authenticated = True
    is_active = True
    is_staff = False

    def __init__(self, api_key):
        self.api_key = api_key
        self.pk = None

    def __str__(self):
        return f"api-key:{self.api_key.prefix}"


class BearerTokenAuthentication(BaseAuthentication):
    """Authorization: Bearer <jwt> from the mobile app."""

    keyword = b"bearer"

    def authenticate(self, request):
        auth = get_authorization_header(request).split()
        if not auth or auth[0].lower() != self.keyword:
            return None
        if len(auth) != 2:
            raise exceptions.AuthenticationFailed("Malformed Authorization header.")
        try:
            payload = decode_mobile_token(auth[1].decode())
        except (TokenError, UnicodeDecodeError):
            raise exceptions.AuthenticationFailed("Invalid or expired token.")

        user = User.objects.filter(pk=payload["sub"], is_active=True).first()
        if user is None:
            raise exceptions.AuthenticationFailed("User inactive or deleted.")
        tenant = getattr(request, "tenant", None)
        if tenant is not None and tenant.slug != payload.get("tenant"):
            raise exceptions.AuthenticationFailed("Token was issued for another firm.")
        return user, payload

    def authenticate_header(self, request):
        return 'Bearer realm="api"'


class APIKeyAuthentication(BaseAuthentication):
    """Authorization: ApiKey lk_<prefix>.<secret>"""

    keyword = b"apikey"

    def authenticate(self, request):
        auth = get_authorization_header(request).split()
        if not auth or auth[0].lower() != self.keyword or len(auth) != 2:
            return None
        try:
            raw = auth[1].decode()
            prefix, secret = raw.removeprefix("lk_").split(".", 1)
        except (UnicodeDecodeError, ValueError):
            raise exceptions.AuthenticationFailed("Malformed API key.")

        key = APIKey.objects.select_related("tenant").filter(prefix=prefix, revoked_at__isnull=True).first()
        if key is None or not hmac.compare_digest(key.key_digest, APIKey.digest(secret)):
            raise exceptions.AuthenticationFailed("Invalid API key.")

        key.touch()
        request.tenant = key.tenant
        logger.info("API key %s used for tenant=%s", key.prefix, key.tenant_id)
        return APIKeyUser(key), key


class CsrfExemptSessionAuthentication(SessionAuthentication):
    """
    Session auth for the single-page parts of the app (invoice editor,
    document inbox) which call the API with fetch().
    """

    def enforce_csrf(self, request):
        return None


class IsTenantMember(BasePermission):
    message = "You are not a member of this firm."

    def has_permission(self, request, view):
        tenant = getattr(request, "tenant", None)
        if tenant is None:
            return False
        if isinstance(request.user, APIKeyUser):
            return request.user.api_key.tenant_id == tenant.pk
        return tenant.has_member(request.user)

    def has_object_permission(self, request, view, obj):
        return getattr(obj, "tenant_id", None) == request.tenant.pk


class IsFirmAdmin(BasePermission):
    message = "Only firm owners and admins can do this."

    def has_permission(self, request, view):
        if isinstance(request.user, APIKeyUser):
            return False
        membership = request.tenant.membership_for(request.user)
        return membership is not None and membership.is_admin


class HasKeyScope(BasePermission):
    """For API-key requests, the view's required_scopes must be granted to the key."""

    def has_permission(self, request, view):
        if not isinstance(request.user, APIKeyUser):
            return True
        needed = getattr(view, "required_scopes", {})
        scope = needed.get("read" if request.method in SAFE_METHODS else "write")
        return scope is None or scope in request.user.api_key.scopes
