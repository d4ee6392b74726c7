from datetime import datetime, timedelta, timezone

import jwt
import pytest

from stockroom import security, settings
from stockroom.middleware.session import _sign, _unsign
from stockroom.templating import highlight, nl2br


def test_password_hash_roundtrip():
    candidate = "correct horse battery staple"
    hashed = security.hash_password(candidate)
    assert hashed != candidate
    assert security.verify_password(candidate, hashed)
    assert not security.verify_password(candidate.upper(), hashed)


def test_verify_password_handles_missing_hash():
    assert not security.verify_password("anything", None)
    assert not security.verify_password("anything", "not-a-bcrypt-hash")


def test_client_secret_verification():
    secret = security.generate_client_secret()
    stored = security.hash_client_secret(secret)
    assert security.verify_client_secret(secret, stored)
    assert not security.verify_client_secret(secret + "x", stored)


def test_access_token_roundtrip():
    token = security.issue_access_token("client:abc", ["items:read"])
    claims = security.decode_access_token(token)
    assert claims["sub"] == "client:abc"
    assert claims["scope"] == "items:read"
    assert claims["exp"] > claims["iat"]


def test_expired_token_is_rejected():
    past = datetime.now(timezone.utc) - timedelta(days=2)
    token = jwt.encode(
        {"sub": "client:abc", "aud": settings.JWT_AUDIENCE, "iat": past, "exp": past + timedelta(hours=1)},
        settings.JWT_SECRET,
        algorithm="HS256",
    )
    with pytest.raises(jwt.ExpiredSignatureError):
        security.decode_access_token(token)


def test_token_with_wrong_audience_is_rejected():
    now = datetime.now(timezone.utc)
    token = jwt.encode(
        {"sub": "report.csv", "aud": "report-download", "iat": now, "exp": now + timedelta(minutes=5)},
        settings.JWT_SECRET,
        algorithm="HS256",
    )
    with pytest.raises(jwt.InvalidAudienceError):
        security.decode_access_token(token)


def test_session_cookie_signature():
    signed = f"abc123.{_sign('abc123')}"
    assert _unsign(signed) == "abc123"
    assert _unsign("abc123.deadbeef") is None
    assert _unsign("no-signature") is None


def test_highlight_escapes_everything_but_the_mark():
    out = highlight("<b>Bolt</b> M8 bolt", "bolt")
    assert "<b>" not in out
    assert out.count("<mark>") == 2
    assert "&lt;b&gt;" in out


def test_nl2br_escapes_lines():
    out = str(nl2br("line one\n<script>x</script>"))
    assert out == "line one<br>\n&lt;script&gt;x&lt;/script&gt;"


def test_api_requires_bearer_token(client):
    resp = client.simulate_get("/api/v1/items")
    assert resp.status_code == 401


def test_api_rejects_garbage_token(client):
    resp = client.simulate_get("/api/v1/items", headers={"Authorization": "Bearer not.a.jwt"})
    assert resp.status_code == 401
