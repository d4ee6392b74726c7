"""QR payloads printed on tickets and read by the door scanners.

Payload format: ``GP1:<ticket id>:<barcode>:<hmac>``. The HMAC means a
scanner can reject a forged code before it ever hits the database.
"""
from __future__ import annotations

import hashlib
import hmac
import io

import qrcode
from qrcode.constants import ERROR_CORRECT_M

PREFIX = "GP1"


def _sign(body: str, secret: str) -> str:
    return hmac.new(secret.encode("utf-8"), body.encode("utf-8"), hashlib.sha256).hexdigest()[:32]


def ticket_payload(ticket, secret: str) -> str:
    body = f"{PREFIX}:{ticket['id']}:{ticket['barcode']}"
    return f"{body}:{_sign(body, secret)}"


def parse_payload(payload: str, secret: str) -> tuple[int, str] | None:
    parts = payload.strip().split(":")
    if len(parts) != 4 or parts[0] != PREFIX or not parts[1].isdigit():
        return None
    body = ":".join(parts[:3])
    if not hmac.compare_digest(_sign(body, secret), parts[3]):
        return None
    return int(parts[1]), parts[2]


def render_png(data: str, *, box_size: int = 8, border: int = 2) -> bytes:
    qr = qrcode.QRCode(error_correction=ERROR_CORRECT_M, box_size=box_size, border=border)
    qr.add_data(data)
    qr.make(fit=True)
    image = qr.make_image(fill_color="black", back_color="white")
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


def etag_for(data: bytes) -> str:
    return '"' + hashlib.md5(data, usedforsecurity=False).hexdigest() + '"'
