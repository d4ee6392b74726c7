import jwt

from app.core.security import create_access_token, create_refresh_token, hash_password, verify_password


def test_password_roundtrip():
    hashed = hash_password("correct horse battery staple")
    assert verify_password("correct horse battery staple", hashed)
    assert not verify_password("wrong", hashed)


def test_access_token_has_expiry_and_role():
    token = create_access_token(7, "manager")
    claims = jwt.decode(token, options={"verify_signature": False})
    assert claims["sub"] == "7"
    assert claims["role"] == "manager"
    assert claims["exp"] > claims["iat"]


def test_refresh_token_carries_jti():
    token, jti = create_refresh_token(7)
    unverified = jwt.decode(token, options={"verify_signature": False})
    assert unverified["jti"] == jti
    assert unverified["type"] == "refresh"
