import pytest

from app.services.auth import AuthService
from app.utils import linebreaks, safe_next_url


@pytest.mark.asyncio
async def test_authenticate_accepts_the_right_password(users, member, member_password):
    user = await AuthService(users).authenticate(member["email"], member_password)
    assert user is member


@pytest.mark.asyncio
async def test_authenticate_rejects_a_wrong_password(users, member):
    assert await AuthService(users).authenticate(member["email"], "not the password") is None


@pytest.mark.asyncio
async def test_authenticate_rejects_unknown_email(users, member_password):
    assert await AuthService(users).authenticate("nobody@example.org", member_password) is None


@pytest.mark.asyncio
async def test_inactive_user_cannot_log_in(users, member, member_password):
    member["is_active"] = False
    assert await AuthService(users).authenticate(member["email"], member_password) is None


@pytest.mark.parametrize("target", ["https://evil.example", "//evil.example", "/\\evil.example", "javascript:alert(1)"])
def test_safe_next_url_rejects_offsite_targets(target):
    assert safe_next_url(target) == "/"


def test_linebreaks_escapes_markup():
    html = linebreaks("<script>alert(1)</script>\nsecond line")
    assert "<script>" not in html
    assert "&lt;script&gt;" in html
    assert "<br>" in html
