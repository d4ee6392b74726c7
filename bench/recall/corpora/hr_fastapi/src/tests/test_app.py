from __future__ import annotations

from datetime import date

import pytest
from markupsafe import Markup
from pydantic import ValidationError

from app.models import LeaveType
from app.routers.ui import _safe_next
from app.schemas import LeaveRequestCreate
from app.security import csrf_exempt
from app.services.leave import working_days_between
from app.templating import highlight, nl2br


def test_working_days_skips_weekends():
    # Fri 7 June 2024 to Mon 10 June 2024
    assert working_days_between(date(2024, 6, 7), date(2024, 6, 10)) == 2


def test_working_days_skips_holidays():
    assert working_days_between(date(2024, 12, 23), date(2024, 12, 27), {date(2024, 12, 25), date(2024, 12, 26)}) == 3


def test_end_before_start_rejected():
    with pytest.raises(ValidationError):
        LeaveRequestCreate(leave_type=LeaveType.ANNUAL, start_date=date(2024, 6, 10), end_date=date(2024, 6, 7))


def test_nl2br_escapes_html():
    rendered = nl2br("line one\n<script>alert(1)</script>")
    assert isinstance(rendered, Markup)
    assert "<script>" not in rendered
    assert "<br>" in rendered


def test_highlight_marks_matches():
    rendered = highlight("Annabel Anderson", "an")
    assert rendered.count("<mark>") == 2
    assert highlight("Annabel", "") == "Annabel"


def test_safe_next_rejects_external_urls():
    assert _safe_next("https://evil.example/") == "/ui/dashboard"
    assert _safe_next("//evil.example/") == "/ui/dashboard"
    assert _safe_next("/ui/team/calendar") == "/ui/team/calendar"


def test_csrf_exempt_marks_function():
    @csrf_exempt
    def endpoint():
        return None

    assert endpoint._csrf_exempt is True


def test_healthz(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json()["status"] == "ok"


def test_ui_post_without_csrf_token_is_rejected(client):
    client.get("/ui/login")  # establishes the session cookie
    response = client.post("/ui/login", data={"email": "x@acme-corp.com", "password": "nope"})
    assert response.status_code == 403
