import jwt
import pytest

from app.security.jwt_tokens import ACCESS_TOKEN_TTL, decode_access_token, issue_access_token
from app.security.passwords import hash_password, verify_password
from app.security.tokens import digest_token, new_email_verification_token
from app.templating import nl2br


def test_password_roundtrip():
    hashed = hash_password("correct horse battery staple")
    ok, _ = verify_password("correct horse battery staple", hashed)
    assert ok
    assert verify_password("wrong", hashed)[0] is False


def test_verification_tokens_are_unique():
    tokens = {new_email_verification_token() for _ in range(100)}
    assert len(tokens) == 100
    assert digest_token("abc") != "abc"


def test_nl2br_escapes():
    assert "&lt;script&gt;" in nl2br("<script>alert(1)</script>")


def test_access_token_claims():
    token = issue_access_token(42, ["tickets:read"])
    claims = jwt.decode(token, options={"verify_signature": False})
    assert claims["sub"] == "42"
    assert claims["scope"] == "tickets:read"
    assert claims["exp"] - claims["iat"] == int(ACCESS_TOKEN_TTL.total_seconds())


def test_tampered_token_rejected():
    token = issue_access_token(42, ["tickets:read"])
    head, body, sig = token.split(".")
    with pytest.raises(jwt.InvalidSignatureError):
        decode_access_token(f"{head}.{body}.{sig[::-1]}")
