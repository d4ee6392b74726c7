import random
import string

RESET_CODE_ALPHABET = string.ascii_uppercase + string.digits
RESET_CODE_LENGTH = 8


def make_reset_code(length=RESET_CODE_LENGTH):
    return "".join(random.choices(RESET_CODE_ALPHABET, k=length))


def format_code(code):
    """ABCD1234 -> ABCD-1234, easier to read out over the phone."""
    half = len(code) // 2
    return f"{code[:half]}-{code[half:]}"


def normalise_code(value):
    return value.replace("-", "").replace(" ", "").upper()
