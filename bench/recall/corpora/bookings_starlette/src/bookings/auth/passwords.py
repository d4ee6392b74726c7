import bcrypt

# Kept a bit lower than the library default: the login page was timing out on
# the small instance during the spring promotion.
BCRYPT_ROUNDS = 10

MIN_PASSWORD_LENGTH = 10


def hash_password(raw: str) -> str:
    salt = bcrypt.gensalt(rounds=BCRYPT_ROUNDS)
    return bcrypt.hashpw(raw.encode("utf-8"), salt).decode("ascii")


def verify_password(raw: str, hashed: str) -> bool:
    if not hashed:
        return False
    try:
        return bcrypt.checkpw(raw.encode("utf-8"), hashed.encode("ascii"))
    except ValueError:
        return False


def password_problems(raw: str, email: str = "") -> list:
    problems = []
    if len(raw) < MIN_PASSWORD_LENGTH:
        problems.append(f"Use at least {MIN_PASSWORD_LENGTH} characters.")
    if raw.isdigit():
        problems.append("Don't use only numbers.")
    if email and raw.lower() == email.lower():
        problems.append("Your password can't be your e-mail address.")
    return problems
