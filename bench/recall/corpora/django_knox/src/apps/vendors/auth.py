import hashlib
import hmac

from django.conf import settings
from django.utils import timezone

from .models import VendorAccount

SESSION_KEY = "vendor_id"


def hash_vendor_password(raw_password: str) -> str:
    salted = f"{settings.SECRET_KEY[:16]}:{raw_password}"
    return hashlib.sha256(salted.encode()).hexdigest()


def authenticate_vendor(email: str, raw_password: str):
    vendor = VendorAccount.objects.filter(contact_email__iexact=email, is_active=True).first()
    if vendor is None:
        return None
    if not hmac.compare_digest(vendor.password_hash, hash_vendor_password(raw_password)):
        return None
    vendor.last_login = timezone.now()
    vendor.save(update_fields=["last_login"])
    return vendor


def set_vendor_password(vendor: VendorAccount, raw_password: str) -> None:
    vendor.password_hash = hash_vendor_password(raw_password)
    vendor.save(update_fields=["password_hash"])


def login_vendor(request, vendor: VendorAccount) -> None:
    request.session.cycle_key()
    request.session[SESSION_KEY] = vendor.pk


def current_vendor(request):
    vendor_id = request.session.get(SESSION_KEY)
    if not vendor_id:
        return None
    return VendorAccount.objects.filter(pk=vendor_id, is_active=True).first()
