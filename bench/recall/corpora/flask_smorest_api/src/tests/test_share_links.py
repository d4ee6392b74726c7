import jwt
import pytest

from fleetops.security.share_links import issue_share_token, read_share_token


def test_round_trip(app):
    with app.app_context():
        token = issue_share_token(42)
        assert read_share_token(token) == 42


def test_rejects_unsigned_token(app):
    forged = jwt.encode({"wo": 42, "aud": "fleetops:share"}, key=None, algorithm="none")
    with app.app_context(), pytest.raises(jwt.PyJWTError):
        read_share_token(forged)
