"""The route table: what secpat believes each test project serves, and `secpat routes` in text and JSON."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from secpat.cli.routes import collect
from secpat.config import load_config
from secpat.frameworks.routes import classify

PROJECTS = Path(__file__).parent / "projects"


def table(name: str) -> dict[tuple[str, str], dict]:
    project = PROJECTS / name
    model = collect([project], load_config(project))
    return {("/".join(r.methods), r.path): r.to_dict() for r in model.routes}


def secpat(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NO_COLOR": "1", "COLUMNS": "200"}
    return subprocess.run(
        [sys.executable, "-m", "secpat", *args], cwd=cwd, capture_output=True, text=True, timeout=120, env=env
    )


def test_django_routes_follow_include_routers_and_class_views() -> None:
    routes = table("django_vulnerable")
    login = routes[("*", "/accounts/login/")]
    assert (login["view"], login["kind"], login["rate_limit"]) == ("accounts.views.login_view", "login", None)
    assert routes[("POST", "/accounts/signup/")]["kind"] == "register"  # CreateView, by its name
    assert routes[("GET", "/accounts/signup/")]["kind"] == "read"
    assert routes[("POST", "/accounts/password-reset/")]["kind"] == "reset"  # Django's PasswordResetView
    assert routes[("POST", "/accounts/profile/")]["csrf"] == "exempt"  # method_decorator(csrf_exempt)
    assert routes[("POST", "/api/orders/{pk}/cancel/")]["view"] == "api.views.OrderViewSet.cancel"  # @action
    assert routes[("DELETE", "/api/orders/{pk}/")]["csrf"] == "off (enforce_csrf disabled)"
    assert routes[("POST", "/api/token/")]["kind"] == "login"  # ObtainAuthToken
    assert routes[("*", "/cart/add/")]["csrf"] == "exempt"  # csrf_exempt(view) in urls.py


def test_django_secure_limits_come_from_every_place_they_can_be_written() -> None:
    routes = table("django_secure")
    assert routes[("*", "/accounts/login/")]["rate_limit"] == "django-axes lockout"
    assert routes[("POST", "/accounts/signup/")]["rate_limit"].startswith("@ratelimit")  # method_decorator
    assert routes[("POST", "/password-reset/")]["rate_limit"].startswith("ratelimit(")  # wrapper in urls.py
    assert routes[("POST", "/api/token/")]["rate_limit"] == "throttle_classes ScopedRateThrottle"
    assert routes[("POST", "/api/orders/")]["rate_limit"].startswith("DRF DEFAULT_THROTTLE_CLASSES")
    assert routes[("POST", "/accounts/profile/")]["csrf"] == "CsrfViewMiddleware"


def test_flask_blueprint_prefixes_and_limiter_defaults() -> None:
    vulnerable = table("flask_vulnerable")
    assert set(vulnerable) >= {("GET/POST", "/auth/login"), ("POST", "/shop/cart"), ("GET", "/shop/products")}
    assert vulnerable[("POST", "/shop/checkout")]["rate_limit"] == "@limiter.limit('10/minute')"
    secure = table("flask_secure")
    assert secure[("POST", "/auth/register")]["rate_limit"] == "flask-limiter default_limits"
    assert secure[("GET", "/auth/health")]["rate_limit"] is None  # @limiter.exempt
    assert secure[("PUT", "/api/items/<int:item_id>")]["view"] == "app.api.ItemAPI.put"  # MethodView
    assert secure[("GET/POST", "/auth/login")]["rate_limit"] == "@limiter.limit('5 per minute')"
    assert all(r["csrf"] in ("CSRFProtect", "n/a (read-only)") for r in secure.values())


def test_fastapi_nested_routers_and_slowapi() -> None:
    vulnerable = table("fastapi_vulnerable")
    assert set(vulnerable) == {
        ("POST", "/api/auth/token"),
        ("POST", "/api/auth/users"),
        ("POST", "/api/auth/password-reset"),
        ("GET", "/api/items/"),
        ("POST", "/api/items/"),
    }
    assert vulnerable[("POST", "/api/auth/token")]["rate_limit"] is None  # the limit sits above the route
    assert vulnerable[("GET", "/api/items/")]["rate_limit"] == "@limiter.limit('10/minute')"
    secure = table("fastapi_secure")
    assert secure[("POST", "/api/items/")]["rate_limit"] == "slowapi default_limits"  # with SlowAPIMiddleware
    assert secure[("POST", "/api/auth/users")]["rate_limit"] == "fastapi_limiter.depends.RateLimiter"
    assert secure[("POST", "/api/items/")]["csrf"] == "CSRFMiddleware"


@pytest.mark.parametrize(
    ("path", "view", "methods", "fields", "sends", "kind"),
    [
        ("/login", "login", {"POST"}, set(), False, "login"),
        ("/login", "login_page", {"GET"}, set(), False, "read"),
        ("/session", "create_session", {"POST"}, {"email", "password"}, False, "login"),
        ("/account/password", "change_password", {"POST"}, {"old_password", "new_password"}, False, "write"),
        ("/users", "create_user", {"POST"}, {"email", "password"}, False, "register"),
        ("/signup", "signup", {"POST"}, set(), False, "register"),
        ("/password/forgot", "forgot", {"POST"}, {"email"}, False, "reset"),
        ("/reset/<token>/confirm", "reset_confirm", {"POST"}, {"new_password1"}, False, "write"),
        ("/contact", "contact", {"POST"}, {"message"}, True, "mail"),
        ("/token/refresh", "refresh", {"POST"}, set(), False, "write"),
        ("/items", "add_item", {"POST"}, {"name"}, False, "write"),
    ],
)
def test_classification(path, view, methods, fields, sends, kind) -> None:
    assert classify(path, view, methods, fields, sends)[0] == kind


def test_routes_command_text() -> None:
    result = secpat("routes", cwd=PROJECTS / "fastapi_vulnerable")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["METHOD", "PATH", "VIEW", "DEFINED", "AT", "KIND", "RATE", "LIMIT", "CSRF"]
    token = next(line for line in lines if "/api/auth/token" in line)
    assert token.split() == [
        "POST",
        "/api/auth/token",
        "service.routers.auth.token",
        "service/routers/auth.py:22",
        "login",
        "-",
        "none",
    ]
    assert "5 route(s)" in result.stdout
    assert "fastapi app service.main.app (service/main.py:11): csrf none, cookie session yes" in result.stdout


def test_routes_command_json() -> None:
    result = secpat("routes", "--format", "json", ".", cwd=PROJECTS / "django_secure")
    assert result.returncode == 0, result.stderr
    doc = json.loads(result.stdout)
    paths = {(tuple(r["methods"]), r["path"]) for r in doc["routes"]}
    assert (("POST",), "/webhooks/stripe/") in paths
    settings = {s["name"]: s for s in doc["settings"]}
    assert settings["shop.settings.production"]["production"] is True
    assert settings["shop.settings.production"]["values"]["DEBUG"] == "False"
    assert "shop.settings.development" not in settings  # development-only


def test_routes_command_on_a_project_without_routes(tmp_path: Path) -> None:
    (tmp_path / "tool.py").write_text("print('hello')\n")
    result = secpat("routes", str(tmp_path), cwd=tmp_path)
    assert result.returncode == 0 and result.stdout == "No routes found.\n"
    missing = secpat("routes", "nowhere", cwd=tmp_path)
    assert missing.returncode == 2 and "no such file" in missing.stderr


@pytest.mark.parametrize(
    ("path", "view", "fields", "sends", "acts", "kind", "evidence"),
    [
        ("/login", "login", set(), False, set(), "login", False),  # the name alone
        ("/login", "login", {"email", "pwd"}, False, set(), "login", True),
        ("/session", "start", set(), False, {"authenticates"}, "login", True),
        ("/settings/mail", "mail_setup", {"smtp_password"}, False, set(), "write", True),  # another service's password
        ("/checkin/<int:event>/reset", "checkin_reset", set(), False, set(), "reset", False),
        ("/password/forgot", "forgot", {"email"}, True, set(), "reset", True),
        ("/accounts", "create", {"email"}, False, {"creates-user"}, "register", True),
        ("/invite/<str:token>", "accept", {"password"}, False, {"creates-user"}, "register", False),
        ("/subscribe", "subscribe", {"email"}, False, set(), "mail", False),
    ],
)
def test_classification_by_behaviour(path, view, fields, sends, acts, kind, evidence) -> None:
    assert classify(path, view, {"POST"}, fields, sends, "", acts)[::2] == (kind, evidence)


def test_library_url_confs_are_the_including_sites_routes() -> None:
    """`include("django.contrib.auth.urls")`: Django's sign-in views, at the include line, with their real kinds."""
    fixtures = Path(__file__).parent / "fixtures" / "ratelimit"
    model = collect([fixtures / "django_included_auth_urls"], load_config(fixtures / "django_included_auth_urls"))
    routes = {("/".join(r.methods), r.path): r.to_dict() for r in model.routes}
    login = routes[("POST", "/staff/login/")]  # `include(auth_urls)`, the module imported
    assert (login["view"], login["kind"], login["rate_limit"]) == ("django.contrib.auth.views.LoginView", "login", None)
    assert login["registered"] == "portal/urls.py:12"
    reset = routes[("POST", "/accounts/password_reset/")]
    assert (reset["kind"], reset["registered"]) == ("reset", "portal/urls.py:11")
    assert routes[("GET", "/accounts/reset/<uidb64>/<token>/")]["kind"] == "read"
    # The site's own pattern for accounts/login/ comes first: Django never reaches the included one.
    answering = {(r.view, r.registered) for r in model.routes if r.path == "/accounts/login/"}
    assert answering == {("portal.views.SignIn", "portal/accounts_urls.py:5")}
    assert routes[("POST", "/api-auth/login/")]["kind"] == "login"  # the browsable API's sign-in
    assert ("POST", "/api-auth/password_reset/") not in routes
    locked = collect(
        [fixtures / "django_included_auth_urls_axes"], load_config(fixtures / "django_included_auth_urls_axes")
    )
    routes = {("/".join(r.methods), r.path): r.to_dict() for r in locked.routes}
    assert routes[("POST", "/accounts/login/")]["rate_limit"] == "django-axes lockout"
    # No CsrfViewMiddleware: the views that decorate themselves with csrf_protect are still checked.
    assert routes[("POST", "/accounts/login/")]["csrf"] == "csrf_protect (library view)"
    assert routes[("POST", "/accounts/reset/<uidb64>/<token>/")]["csrf"] == "none (no CsrfViewMiddleware)"
