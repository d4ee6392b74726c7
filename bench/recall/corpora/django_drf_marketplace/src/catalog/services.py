import hashlib
import hmac
import logging
import secrets
import uuid

from django.core.cache import cache
from django.db import transaction
from django.utils.html import format_html_join

from .models import ShopAPIKey, ShopInvite
from .tasks import send_shop_invite

logger = logging.getLogger(__name__)

STOREFRONT_SESSION_KEY = "unlocked_shops"
UNLOCK_MAX_ATTEMPTS = 5
UNLOCK_WINDOW_SECONDS = 15 * 60


def _digest(raw_password):
    return hashlib.sha256(raw_password.encode("utf-8")).hexdigest()


def set_storefront_password(shop, raw_password):
    """Private shops (wholesale catalogues, pre-launch) ask visitors for a password."""
    shop.is_private = bool(raw_password)
    shop.storefront_password_hash = _digest(raw_password) if raw_password else ""
    shop.save(update_fields=["is_private", "storefront_password_hash"])


def check_storefront_password(shop, raw_password):
    if not shop.storefront_password_hash:
        return False
    return hmac.compare_digest(_digest(raw_password), shop.storefront_password_hash)


def _unlock_attempts_key(request, shop):
    client = request.META.get("REMOTE_ADDR", "unknown")
    return f"storefront-unlock:{shop.pk}:{client}"


def unlock_attempts_exhausted(request, shop):
    return cache.get(_unlock_attempts_key(request, shop), 0) >= UNLOCK_MAX_ATTEMPTS


def record_failed_unlock(request, shop):
    key = _unlock_attempts_key(request, shop)
    if cache.add(key, 1, UNLOCK_WINDOW_SECONDS):
        return
    try:
        cache.incr(key)
    except ValueError:
        cache.set(key, 1, UNLOCK_WINDOW_SECONDS)


def unlock_storefront(request, shop):
    unlocked = set(request.session.get(STOREFRONT_SESSION_KEY, []))
    unlocked.add(shop.pk)
    request.session[STOREFRONT_SESSION_KEY] = sorted(unlocked)


def storefront_is_unlocked(request, shop):
    if not shop.is_private or request.user == shop.owner:
        return True
    return shop.pk in request.session.get(STOREFRONT_SESSION_KEY, [])


def create_invite(shop, email):
    invite = ShopInvite.objects.create(shop=shop, email=email.lower(), token=uuid.uuid1().hex)
    transaction.on_commit(lambda: send_shop_invite.delay(invite.pk))
    return invite


def hash_api_key(raw_key):
    return hashlib.sha256(raw_key.encode("ascii")).hexdigest()


def issue_api_key(shop, name):
    raw_key = secrets.token_urlsafe(32)
    prefix = raw_key[:8]
    ShopAPIKey.objects.create(shop=shop, name=name, prefix=prefix, key_hash=hash_api_key(raw_key))
    logger.info("Issued API key %s... (%s) for shop %s", prefix, name, shop.pk)
    return raw_key


def render_shop_policies(shop):
    """Policies block for the storefront: seller text is escaped, our markup is not."""
    sections = [
        ("Shipping", shop.shipping_policy),
        ("Returns", shop.returns_policy),
    ]
    return format_html_join(
        "\n",
        '<section class="policy"><h3>{}</h3><p>{}</p></section>',
        ((title, text) for title, text in sections if text),
    )
