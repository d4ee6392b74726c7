from datetime import timedelta

import pytest
from jose import JWTError

from app.core.security import (
    ACCESS_TOKEN_TYPE,
    REFRESH_TOKEN_TYPE,
    create_access_token,
    create_refresh_token,
    decode_token,
    get_password_hash,
    verify_password,
)
from app.services.recipes import render_instructions
from app.utils.strings import slugify
from app.web.templating import highlight


def test_password_round_trip():
    hashed = get_password_hash("s3cret-pass")
    assert hashed != "s3cret-pass"
    assert verify_password("s3cret-pass", hashed)
    assert not verify_password("wrong", hashed)


def test_verify_password_without_hash():
    assert verify_password("anything", None) is False


def test_access_token_round_trip():
    token = create_access_token("abc123")
    payload = decode_token(token, ACCESS_TOKEN_TYPE)
    assert payload["sub"] == "abc123"
    assert "exp" in payload


def test_expired_access_token_rejected():
    token = create_access_token("abc123", expires_delta=timedelta(seconds=-5))
    with pytest.raises(JWTError):
        decode_token(token, ACCESS_TOKEN_TYPE)


def test_token_type_is_checked():
    token = create_refresh_token("abc123")
    with pytest.raises(JWTError):
        decode_token(token, ACCESS_TOKEN_TYPE)
    assert decode_token(token, REFRESH_TOKEN_TYPE)["sub"] == "abc123"


def test_instructions_are_sanitised():
    html = render_instructions("1. Boil water\n\n<script>alert(1)</script>")
    assert "<script>" not in html
    assert "<ol>" in html


def test_highlight_escapes_input():
    out = highlight("<b>Pancakes</b>", "cake")
    assert "&lt;b&gt;" in out
    assert "<mark>cake</mark>" in out


@pytest.mark.parametrize(
    "title,slug",
    [("Crème brûlée", "creme-brulee"), ("  Mum's  Lasagne!! ", "mums-lasagne"), ("???", "recipe")],
)
def test_slugify(title, slug):
    assert slugify(title) == slug
