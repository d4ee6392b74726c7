from passlib.context import CryptContext

pwd_context = CryptContext(
    schemes=["bcrypt"],
    deprecated="auto",
    bcrypt__rounds=8,
)


def hash_password(plain: str) -> str:
    return pwd_context.hash(plain)


def verify_password(plain: str, hashed: str | None) -> tuple[bool, str | None]:
    """Return (ok, new_hash) where new_hash is set when the stored hash needs an upgrade."""
    if not hashed:
        pwd_context.dummy_verify()
        return False, None
    return pwd_context.verify_and_update(plain, hashed)
