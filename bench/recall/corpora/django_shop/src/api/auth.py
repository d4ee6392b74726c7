"""Authentication helpers for the JSON API: bearer tokens and partner keys."""
import hashlib
import secrets
from functools import wraps

import jwt
from django.contrib.auth import get_user_model
from django.http import JsonResponse

from .models import PartnerApp
from .tokens import decode_access_token

API_KEY_HEADER = "X-Api-Key"


def bearer_token(request):
    header = request.headers.get("Authorization", "")
    scheme, _, token = header.partition(" ")
    return token if scheme.lower() == "bearer" else ""


def jwt_required(view):
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        try:
            claims = decode_access_token(bearer_token(request))
            request.api_user = get_user_model().objects.get(pk=claims["sub"], is_active=True)
        except (jwt.InvalidTokenError, get_user_model().DoesNotExist):
            return JsonResponse({"detail": "Authentication required."}, status=401)
        return view(request, *args, **kwargs)

    return wrapper


def generate_partner_key():
    """Return (raw_key, prefix, digest). Only the digest is stored."""
    raw_key = secrets.token_urlsafe(32)
    return raw_key, raw_key[:8], hash_partner_key(raw_key)


def hash_partner_key(raw_key):
    return hashlib.sha256(raw_key.encode()).hexdigest()


def partner_key_required(view):
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        raw_key = request.headers.get(API_KEY_HEADER, "")
        partner = PartnerApp.objects.filter(key_hash=hash_partner_key(raw_key), active=True).first() if raw_key else None
        if partner is None:
            return JsonResponse({"detail": "Invalid API key."}, status=403)
        request.partner = partner
        return view(request, *args, **kwargs)

    return wrapper
