from django.utils import timezone
from rest_framework import authentication, exceptions

API_KEY_KEYWORD = "Api-Key"


class ShopAPIKeyAuthentication(authentication.BaseAuthentication):
    """`Authorization: Api-Key <key>` for sellers' inventory sync tools."""

    def authenticate(self, request):
        header = authentication.get_authorization_header(request).split()
        if not header or header[0].lower() != API_KEY_KEYWORD.lower().encode():
            return None
        if len(header) != 2:
            raise exceptions.AuthenticationFailed("Invalid API key header.")

        from catalog.models import ShopAPIKey
        from catalog.services import hash_api_key

        try:
            raw_key = header[1].decode("ascii")
        except UnicodeError:
            raise exceptions.AuthenticationFailed("Invalid API key header.")

        api_key = (
            ShopAPIKey.objects.select_related("shop__owner")
            .filter(key_hash=hash_api_key(raw_key), revoked=False)
            .first()
        )
        if api_key is None or not api_key.shop.owner.is_active:
            raise exceptions.AuthenticationFailed("Invalid API key.")
        ShopAPIKey.objects.filter(pk=api_key.pk).update(last_used_at=timezone.now())
        return api_key.shop.owner, api_key

    def authenticate_header(self, request):
        return API_KEY_KEYWORD
