"""The session, enumeration, CSP and token-forgery probes' judging, and the forgeries against the
Flask target's RS256 API (in-process through httpx's WSGI transport; real servers in test_probe_e2e.py)."""

from __future__ import annotations

import base64
import secrets

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from test_probe_checks import flask_target, found, probe_app
from werkzeug.debug import DebuggedApplication

from secpat.probe import describe_run
from secpat.probe.exposure import csp_weaknesses
from secpat.probe.sessions import signed_payload, weak_ids
from secpat.probe.tokens import public_keys_pem

TOKEN_OPTIONS = {
    "login": "/login",
    "forms": ("/notes",),
    "token_endpoint": "/api/token",
    "api": ("/api/notes",),
    "username_field": "email",
}


@pytest.mark.parametrize(
    ("ids", "says"),
    [
        (["7-104233", "7-861920", "7-350017", "7-999201", "7-000412"], "about 20 bits"),
        (["1000", "1001", "1002", "1003"], "count up"),
        (["sess-1733140000123", "sess-1733140000189", "sess-1733140000243"], "count up"),
        (["u9-" + s for s in ("a1f3c2d4", "9b0e7f21", "c4d5e6f7")], "about 32 bits"),
        (["abc", "abc", "abd"], "same id"),
    ],
)
def test_guessable_session_ids(ids: list[str], says: str) -> None:
    assert says in (weak_ids(ids) or "")


@pytest.mark.parametrize(
    "make",
    [lambda: secrets.token_urlsafe(32), lambda: secrets.token_hex(16), lambda: "sid-" + secrets.token_hex(12) + "-v1"],
)
def test_random_session_ids_pass(make) -> None:  # noqa: ANN001
    assert weak_ids([make() for _ in range(5)]) is None


def test_signed_client_sessions_are_not_ids() -> None:
    assert signed_payload("eyJ1c2VyIjoiYWxpY2UifQ.Z0abcd.Xk2n7Yw_sIg-3v1U4Qk")
    assert signed_payload(".eJyrVkosLcmIz8nPS1eyUiotTi1SqgUAL-4FqA.Z0abcd.Xk2n7Yw")  # compressed
    assert not signed_payload(secrets.token_urlsafe(32)) and not signed_payload("7-104233")


@pytest.mark.parametrize(
    ("policy", "weak"),
    [
        ("default-src 'self'; frame-ancestors 'none'", []),
        ("default-src 'self'; object-src 'none'; base-uri 'none'", []),
        ("script-src 'nonce-r4nd0m' 'strict-dynamic' 'unsafe-inline'; object-src 'none'; base-uri 'self'", []),
        ("default-src 'self'; script-src 'self' 'unsafe-inline'", ["script-src allows 'unsafe-inline'"]),
        (
            "default-src * 'unsafe-eval'",
            ["script-src allows 'unsafe-eval'", "script-src allows *", "object-src is not restricted"],
        ),
        ("script-src 'self' https:; default-src 'self'", ["script-src allows https:"]),
        ("script-src 'self'", ["object-src is not restricted"]),
        ("frame-ancestors 'none'", ["no script-src or default-src: scripts are not restricted"]),
        ("script-src 'sha256-abc='; object-src 'none'", ["no base-uri, which nonce- or hash-based scripts need"]),
    ],
)
def test_csp_weaknesses(policy: str, weak: list[str]) -> None:
    assert csp_weaknesses(policy) == weak


def test_jwks_keys_become_the_pem_a_server_keeps() -> None:
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048).public_key()
    numbers = key.public_numbers()

    def b64(n: int) -> str:
        return base64.urlsafe_b64encode(n.to_bytes((n.bit_length() + 7) // 8, "big")).rstrip(b"=").decode()

    pems = public_keys_pem({"keys": [{"kty": "RSA", "n": b64(numbers.n), "e": b64(numbers.e)}, {"kty": "oct"}]})
    assert pems[0] == key.public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
    assert pems[1].startswith(b"-----BEGIN RSA PUBLIC KEY-----") and len(pems) == 2


def test_flask_target_token_forgeries() -> None:
    app = DebuggedApplication(flask_target().create_app(secure=False), evalex=False)
    result = probe_app(app, {"JWT101", "JWT103", "JWT105", "JWT106", "JWT107", "JWT102"}, **TOKEN_OPTIONS)
    assert found(result) == {"JWT106", "JWT102"}, describe_run(result)
    confusion = next(f for f in result.findings if f.rule_id == "JWT106")
    assert "HS256 keyed with the public key" in confusion.message and "/.well-known/jwks.json" in confusion.message
    expired = next(f for f in result.findings if f.rule_id == "JWT102")
    assert "HS256 keyed with the public key" in expired.message


def test_flask_target_secure_refuses_every_forgery() -> None:
    result = probe_app(
        flask_target().create_app(secure=True), {"JWT101", "JWT103", "JWT106", "JWT107", "JWT102"}, **TOKEN_OPTIONS
    )
    assert not result.findings, describe_run(result)
    states = {log.name: (log.state, log.checked) for log in result.probes}
    assert states["JWT106"] == ("ran", True) and states["JWT107"] == ("ran", True), describe_run(result)


def test_session_probes_on_the_flask_target() -> None:
    """A signed cookie session: a logout that only clears it leaves a copy valid; the ids are not judged."""
    rules = {"CONF109", "CONF110", "RND101"}
    flawed = probe_app(flask_target().create_app(secure=False), rules, login="/login")
    assert found(flawed) == {"CONF110"}, describe_run(flawed)
    sound = probe_app(flask_target().create_app(secure=True), rules, login="/login")
    assert not sound.findings, describe_run(sound)
    states = {log.name: log.state for log in sound.probes}
    assert states == {**states, "CONF109": "ran", "CONF110": "ran", "RND101": "skipped"}
