from datetime import timedelta

import pytest

from inkwell.models import ShareLink
from inkwell.security import tokens
from inkwell.security.passwords import hash_password, password_problems, verify_password
from inkwell.services import share_service
from inkwell.utils import utcnow


def test_password_roundtrip():
    hashed = hash_password("correct horse battery staple")
    assert verify_password("correct horse battery staple", hashed)
    assert not verify_password("Tr0ub4dor&3", hashed)
    assert not verify_password("anything", None)


def test_password_rules():
    assert password_problems("short")
    assert not password_problems("Longer-Passphrase-2024")


def test_access_token_roundtrip():
    token, expires_at = tokens.create_access_token("65f0c0ffee0000000000abcd", token_version=3)
    claims = tokens.decode_token(token, expected_type="access")
    assert claims["sub"] == "65f0c0ffee0000000000abcd"
    assert claims["ver"] == 3
    assert expires_at > utcnow()


def test_refresh_token_is_not_an_access_token():
    token, _, _ = tokens.create_refresh_token("65f0c0ffee0000000000abcd")
    with pytest.raises(tokens.TokenError):
        tokens.decode_token(token, expected_type="access")


def test_tampered_token_rejected():
    token, _ = tokens.create_access_token("65f0c0ffee0000000000abcd")
    head, body, sig = token.split(".")
    with pytest.raises(tokens.TokenError):
        tokens.decode_token(f"{head}.{body}.{sig[::-1]}", expected_type="access")


def _link(**overrides) -> ShareLink:
    fields = {"token": "abc", "note_id": None, "created_by": None, "revoked": False, "expires_at": None}
    fields.update(overrides)
    return ShareLink.model_construct(**fields)


def test_share_password_check():
    salt = "00" * 16
    link = _link(password_salt=salt, password_hash=share_service._hash_share_password("hunter22", salt))
    assert share_service.verify_share_password(link, "hunter22")
    assert not share_service.verify_share_password(link, "hunter23")


def test_share_link_expiry():
    assert _link(password_hash=None).is_live
    assert not _link(password_hash=None, expires_at=utcnow() - timedelta(minutes=1)).is_live


def test_analytics_roundtrip(analytics_db):
    analytics_db.record_event("view", note_id="n1", owner_id="o1", user_id="u1")
    analytics_db.record_event("view", note_id="n1", owner_id="o1", user_id="u2")
    rows = analytics_db.top_notes("o1")
    assert rows[0]["note_id"] == "n1"
    assert rows[0]["views"] == 2
