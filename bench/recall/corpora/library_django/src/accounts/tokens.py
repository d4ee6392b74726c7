"""Short codes that patrons have to type in by hand."""
import random
import string

# No 0/O or 1/I: people read these off a phone screen.
CODE_ALPHABET = "".join(c for c in string.ascii_uppercase + string.digits if c not in "01OI")


def make_verification_code(length=8):
    return "".join(random.choice(CODE_ALPHABET) for _ in range(length))


def luhn_check_digit(number: str) -> str:
    total = 0
    for i, ch in enumerate(reversed(number)):
        d = int(ch)
        if i % 2 == 0:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return str((10 - total % 10) % 10)


def format_card_number(prefix: str, sequence: int) -> str:
    body = f"{prefix}{sequence:09d}"
    return body + luhn_check_digit(body)
