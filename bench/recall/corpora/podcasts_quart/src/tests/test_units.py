import hashlib
from datetime import timedelta

import jwt
import pytest

from podhaus.security import generate_api_key, hash_api_key, hash_password, password_needs_rehash, verify_password
from podhaus.services.feeds import _feed_env
from podhaus.templating import badge, duration, highlight, render_markdown, render_show_notes
from podhaus.tokens import TokenError, decode_access_token, decode_refresh_token, issue_access_token, issue_refresh_token

USER = {"id": 7, "role": "podcaster"}


def test_argon2_roundtrip():
    stored = hash_password("correct horse battery staple")
    assert stored.startswith("$argon2id$")
    assert verify_password(stored, "correct horse battery staple")
    assert not verify_password(stored, "Tr0ub4dor&3")


def test_legacy_hash_verifies_and_needs_rehash():
    digest = hashlib.sha256(b"abc:hunter2hunter2").hexdigest()
    stored = f"sha256$abc${digest}"
    assert verify_password(stored, "hunter2hunter2")
    assert password_needs_rehash(stored)


def test_missing_hash_never_verifies():
    assert not verify_password(None, "anything")


def test_api_keys_are_hashed_for_lookup():
    plaintext, lookup = generate_api_key()
    assert plaintext.startswith("phk_")
    assert hash_api_key(plaintext) == lookup


def test_highlight_escapes_before_marking():
    out = highlight("<script>alert(1)</script> rust", "rust")
    assert "<script>" not in out
    assert "<mark>rust</mark>" in out


def test_highlight_escapes_query():
    out = highlight("a < b", "<")
    assert out == "a <mark>&lt;</mark> b"


def test_markdown_strips_scripts():
    html = render_markdown("hello <script>alert(1)</script>")
    assert "<script>" not in html


def test_show_notes_timestamps():
    html = render_show_notes("Intro at 01:30")
    assert 'data-seek="90"' in html


def test_badge_escapes_label():
    assert "&lt;b&gt;" in badge("role", "<b>")


def test_duration_formats():
    assert duration(59) == "0:59"
    assert duration(3725) == "1:02:05"


def test_feed_template_escapes_titles():
    template = _feed_env.from_string("<title>{{ title }}</title>")
    assert template.render(title="Tom & Jerry <live>") == "<title>Tom &amp; Jerry &lt;live&gt;</title>"


@pytest.mark.asyncio
async def test_access_token_roundtrip(app_ctx):
    token = issue_access_token(USER, ["shows:read"])
    claims = decode_access_token(token)
    assert claims["sub"] == "7"
    assert claims["scope"] == "shows:read"


@pytest.mark.asyncio
async def test_refresh_token_is_not_access_token(app_ctx):
    refresh = issue_refresh_token(USER)
    with pytest.raises(TokenError):
        decode_access_token(refresh)


@pytest.mark.asyncio
async def test_expired_refresh_token_rejected(app_ctx):
    app_ctx.config["JWT_REFRESH_TOKEN_TTL"] = timedelta(seconds=-1)
    with pytest.raises(TokenError):
        decode_refresh_token(issue_refresh_token(USER))


@pytest.mark.asyncio
async def test_tampered_token_rejected(app_ctx):
    token = issue_access_token(USER, ["shows:read"])
    forged = jwt.encode({"sub": "1", "typ": "access"}, "wrong-key-wrong-key-wrong-key-00", algorithm="HS256")
    with pytest.raises(TokenError):
        decode_access_token(forged)
    assert decode_access_token(token)
