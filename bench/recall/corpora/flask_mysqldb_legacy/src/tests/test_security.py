import pytest

from rota import create_app
from rota.api.jwt_tokens import decode_access_token, issue_access_token
from rota.security import tokens
from rota.security.passwords import hash_password, legacy_hash, needs_rehash, verify_password


@pytest.fixture
def app(monkeypatch):
    monkeypatch.setenv("ROTA_SECRET_KEY", '"test-secret"')
    app = create_app("testing")
    app.config.update(
        SECRET_KEY="test-secret-key",
        JWT_SIGNING_KEY="test-jwt-signing-key-with-32-bytes!",
        SMS_WEBHOOK_SECRET="test-webhook-secret",
    )
    yield app


@pytest.fixture
def client(app):
    return app.test_client()


def test_bcrypt_roundtrip(app):
    with app.app_context():
        stored = hash_password("correct horse battery")
        assert verify_password("correct horse battery", stored)
        assert not verify_password("wrong", stored)

def test_legacy_hash_is_upgraded(app):
    with app.app_context():
        stored = legacy_hash("hunter2hunter2", "abcd1234")
        assert verify_password("hunter2hunter2", stored)
        assert needs_rehash(stored)


def test_access_token_roundtrip(app):
    with app.app_context():
        user = {"id": 7, "role": "nurse", "clinic_id": 2}
        claims = decode_access_token(issue_access_token(user))
        assert claims["sub"] == "7"
        assert "exp" in claims


def test_invite_token_roundtrip(app):
    with app.app_context():
        tok = tokens.make_invite_token("a@example.com", 3, "gp")
        assert tokens.load_invite_token(tok)["clinic_id"] == 3
        assert tokens.load_invite_token(tok + "x") is None
