import datetime as dt
import io
from types import SimpleNamespace

import jwt
import pytest

from pagebook.services import passwords, rendering, search, storage, tokens


def test_password_roundtrip():
    hashed = passwords.hash_password("correct horse battery")
    assert hashed.startswith("$2b$")
    assert passwords.verify_password("correct horse battery", hashed)
    assert not passwords.verify_password("Correct horse battery", hashed)


def test_verify_password_handles_garbage():
    assert not passwords.verify_password("whatever", "not-a-bcrypt-hash")
    assert not passwords.verify_password("whatever", None)


@pytest.mark.parametrize("raw", ["short", "1234567890123", "alice-is-great-1"])
def test_password_policy(raw):
    with pytest.raises(passwords.PasswordPolicyError):
        passwords.validate_password(raw, username="alice")


def test_reset_token_shape():
    token = tokens.make_reset_token()
    assert len(token) == tokens.RESET_TOKEN_LENGTH
    assert tokens.hash_token(token) != token
    assert len(tokens.hash_token(token)) == 64


def test_api_token_roundtrip(settings):
    user = SimpleNamespace(id=7, username="alice")
    raw = tokens.issue_api_token(settings, user, {"read", "admin"})
    claims = tokens.decode_api_token(settings, raw)
    assert claims["sub"] == "7"
    assert claims["scope"] == "read"


def test_api_token_wrong_key(settings):
    user = SimpleNamespace(id=7, username="alice")
    raw = tokens.issue_api_token(dict(settings, **{"api.signing_key": "other-key-0123456789abcdef0123"}), user, {"read"})
    assert tokens.decode_api_token(settings, raw) is None


def test_download_link_expires(settings):
    token = tokens.sign_download_link(settings, 42)
    assert tokens.verify_download_link(settings, token) == 42

    past = dt.datetime.now(dt.timezone.utc) - dt.timedelta(hours=1)
    expired = jwt.encode(
        {"att": 42, "aud": tokens.DOWNLOAD_AUDIENCE, "exp": past},
        settings["attachments.link_key"],
        algorithm="HS256",
    )
    assert tokens.verify_download_link(settings, expired) is None


def test_wikilinks_are_expanded():
    html = rendering.render_page("See [[Release Process|the release docs]].", lambda slug: f"/s/eng/{slug}")
    assert '<a href="/s/eng/release-process">the release docs</a>' in html


def test_comment_rendering_strips_scripts():
    html = rendering.render_comment("hello <script>alert(1)</script> **world**")
    assert "<script>" not in html
    assert "<strong>world</strong>" in html


def test_slugify():
    assert rendering.slugify("  Über Release-Process 2024! ") == "uber-release-process-2024"


def test_parse_terms_limits_count():
    assert len(search.parse_terms(" ".join(["word"] * 50))) == search.MAX_TERMS


def test_snippet_highlights_terms():
    snippet = search.make_snippet("The deploy checklist lives here.", ["deploy"])
    assert "<mark>deploy</mark>" in snippet


def test_storage_roundtrip(tmp_path):
    store = storage.AttachmentStorage(tmp_path, max_size=1024)
    key, size, digest = store.save(io.BytesIO(b"hello"))
    assert size == 5
    assert store.path(key).read_bytes() == b"hello"
    assert digest == "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824"


def test_storage_rejects_large_files(tmp_path):
    store = storage.AttachmentStorage(tmp_path, max_size=4)
    with pytest.raises(storage.FileTooLarge):
        store.save(io.BytesIO(b"too large"))


def test_safe_filename():
    assert storage.safe_filename("../../etc/passwd") == "passwd"
    assert storage.safe_filename('C:\\temp\\"report".pdf') == "report.pdf"
