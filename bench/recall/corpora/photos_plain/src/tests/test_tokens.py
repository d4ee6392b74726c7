import jwt
import pytest

from photos.tokens import decode_download_token, issue_download_token


def test_download_token_roundtrip(app):
    with app.app_context():
        token = issue_download_token(5, 1)
        claims = decode_download_token(token)
    assert claims["pid"] == 5


def test_download_token_unknown_kid(app):
    forged = jwt.encode({"pid": 5, "exp": 9999999999}, "whatever", algorithm="HS256", headers={"kid": "nope"})
    with app.app_context(), pytest.raises(jwt.InvalidTokenError):
        decode_download_token(forged)
