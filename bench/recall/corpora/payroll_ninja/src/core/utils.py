from decimal import ROUND_HALF_UP, Decimal

TWO_PLACES = Decimal("0.01")


def money(value):
    if value is None:
        return Decimal("0.00")
    return Decimal(value).quantize(TWO_PLACES, rounding=ROUND_HALF_UP)


def client_ip(request):
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    if forwarded:
        return forwarded.split(",")[0].strip()
    return request.META.get("REMOTE_ADDR", "")


def mask_iban(iban):
    iban = (iban or "").replace(" ", "")
    if len(iban) < 8:
        return "****"
    return f"{iban[:4]} **** **** {iban[-4:]}"
