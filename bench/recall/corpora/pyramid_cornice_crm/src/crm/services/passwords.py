from passlib.context import CryptContext

pwd_context = CryptContext(
    schemes=["bcrypt"],
    deprecated="auto",
    bcrypt__rounds=13,
)

MIN_PASSWORD_LENGTH = 10


def hash_password(raw_password):
    return pwd_context.hash(raw_password)


def verify_password(raw_password, password_hash):
    if not password_hash:
        return False
    return pwd_context.verify(raw_password, password_hash)


def password_problems(raw_password, email=None):
    problems = []
    if len(raw_password) < MIN_PASSWORD_LENGTH:
        problems.append(f"Use at least {MIN_PASSWORD_LENGTH} characters.")
    if email and raw_password.lower() == email.lower():
        problems.append("Your password must not be your e-mail address.")
    return problems
