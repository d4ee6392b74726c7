"""HTML receipts for deposits and pre-paid menus, shared by signed link."""
import hashlib
import hmac

from jinja2 import Environment, PackageLoader

from ..config import get_settings
from ..formatting import format_address, format_money
from ..secretstore import get_parameter

receipt_env = Environment(
    loader=PackageLoader("tablebook", "templates/receipts"),
    trim_blocks=True,
    lstrip_blocks=True,
)
receipt_env.filters["money"] = format_money


def _link_secret() -> str:
    return get_parameter(get_settings().receipt_secret_param)


def sign_receipt(reservation_id: str) -> str:
    return hashlib.md5((_link_secret() + reservation_id).encode("utf-8")).hexdigest()


def verify_receipt_signature(reservation_id: str, signature: str) -> bool:
    return hmac.compare_digest(sign_receipt(reservation_id), signature or "")


def receipt_url(reservation_id: str) -> str:
    base = get_settings().public_base_url
    return f"{base}/receipts/{reservation_id}?sig={sign_receipt(reservation_id)}"


def render_receipt(reservation: dict, restaurant: dict, charges: list) -> str:
    total = sum(int(charge.get("amount_cents", 0)) for charge in charges)
    return receipt_env.get_template("receipt.html").render(
        reservation=reservation,
        restaurant=restaurant,
        address=format_address(restaurant),
        charges=charges,
        total_cents=total,
    )
