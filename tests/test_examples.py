"""The two reference apps under examples/: what `secpat check` says about them, and that they really run.

Nothing is imported from the apps: secpat reads them as files, and the smoke tests start each one
with uvicorn in a subprocess and talk to it over HTTP.
"""

from __future__ import annotations

import base64
import json
import os
import re
import secrets
import socket
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
VULNERABLE = EXAMPLES / "vulnerable_app"
SECURE = EXAMPLES / "secure_app"
PREFIXES = ("RND", "PWD", "JWT", "SQL", "XSS", "CSRF", "RATE", "LOG", "SECRET", "CONF")
DEMO_EMAIL = "alice@example.com"
DEMO_PASSWORD = "correct-horse-battery-staple"


def secpat(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NO_COLOR": "1", "COLUMNS": "120"}
    return subprocess.run(
        [sys.executable, "-m", "secpat", *args], capture_output=True, text=True, timeout=120, env=env, cwd=ROOT
    )


def checklist(text_report: str) -> list[str]:
    return text_report[text_report.index("Release checklist") :].splitlines()[1:11]


# -- what secpat says --------------------------------------------------------------------------------


def test_vulnerable_app_breaks_every_pattern() -> None:
    result = secpat("check", str(VULNERABLE), "--no-cache", "--format", "json")
    assert result.returncode == 1, result.stderr
    rules = {f["rule_id"] for f in json.loads(result.stdout)["findings"]}
    prefixes = {re.match(r"[A-Z]+", rule).group() for rule in rules}  # type: ignore[union-attr]
    for prefix in PREFIXES:
        assert prefix in prefixes, f"no {prefix} finding in {sorted(rules)}"
    # The bad examples it is built from, one or more per pattern.
    assert {
        "RND001",
        "PWD002",
        "PWD004",
        "JWT001",
        "JWT003",
        "SQL002",
        "XSS001",
        "XSS004",
        "CSRF004",
        "RATE001",
        "RATE002",
        "RATE003",
        "LOG001",
        "LOG003",
        "SECRET001",
        "SECRET002",
        "SECRET003",
        "CONF001",
        "CONF002",
        "CONF003",
        "CONF005",
        "CONF006",
    } <= rules


def test_vulnerable_app_fails_every_checklist_box() -> None:
    result = secpat("check", str(VULNERABLE), "--no-cache")
    assert result.returncode == 1, result.stderr
    boxes = checklist(result.stdout)
    assert len(boxes) == 10
    for number, line in enumerate(boxes, start=1):
        assert line.startswith("[ ]") and f"{number:>2}." in line and "failed" in line, line


def test_secure_app_reports_nothing() -> None:
    result = secpat("check", str(SECURE), "--no-cache", "--format", "json")
    found = [(f["rule_id"], f["path"], f["line"], f["message"]) for f in json.loads(result.stdout)["findings"]]
    assert found == []
    assert result.returncode == 0, result.stderr
    result = secpat("check", str(SECURE), "--no-cache")
    assert result.returncode == 0
    assert all(line.startswith("[x]") and "passed" in line for line in checklist(result.stdout))


# -- the apps, running ---------------------------------------------------------------------------------


@dataclass
class RunningApp:
    name: str
    url: str
    database: Path


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start(app_dir: Path, workdir: Path) -> tuple[subprocess.Popen[bytes], RunningApp, Path]:
    port = free_port()
    database = workdir / f"{app_dir.name}.sqlite3"
    log = workdir / f"{app_dir.name}.log"
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in ("SECRET_KEY", "DEBUG", "ALLOWED_HOSTS", "COOKIE_SECURE", "DATABASE_PATH")
    }
    # Plain http on loopback: the secure app's cookies must not be `Secure` for the client to send them back.
    env.update(DATABASE_PATH=str(database), COOKIE_SECURE="false")
    with log.open("wb") as out:
        process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "uvicorn",
                "app.main:app",
                "--app-dir",
                str(app_dir),
                "--host",
                "127.0.0.1",
                "--port",
                str(port),
            ],
            cwd=ROOT,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    return process, RunningApp(app_dir.name, f"http://127.0.0.1:{port}", database), log


def wait_until_ready(process: subprocess.Popen[bytes], app: RunningApp, log: Path, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"{app.name} exited with {process.returncode}:\n{log.read_text(errors='replace')}")
        try:
            if httpx.get(f"{app.url}/openapi.json", timeout=2).status_code == 200:
                return
        except httpx.TransportError:
            pass
        time.sleep(0.2)
    pytest.fail(f"{app.name} not ready after {timeout}s:\n{log.read_text(errors='replace')}")


def stop(process: subprocess.Popen[bytes]) -> None:
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=10)


@pytest.fixture(scope="module")
def apps(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, RunningApp]]:
    workdir = tmp_path_factory.mktemp("example-apps")
    started = [start(app_dir, workdir) for app_dir in (VULNERABLE, SECURE)]
    try:
        for process, app, log in started:
            wait_until_ready(process, app, log)
        yield {app.name: app for _, app, _ in started}
    finally:
        for process, _, _ in started:
            stop(process)


def client(app: RunningApp) -> httpx.Client:
    return httpx.Client(base_url=app.url, timeout=30)


def form_token(http: httpx.Client, page: str) -> dict[str, str]:
    """The hidden CSRF field of the form on `page`, if the app puts one there."""
    response = http.get(page)
    assert response.status_code == 200, response.text
    match = re.search(r'name="csrf_token" value="([^"]+)"', response.text)
    return {"csrf_token": match.group(1)} if match else {}


def new_email() -> str:
    return f"user-{secrets.token_hex(6)}@example.com"


def register_and_login(http: httpx.Client, email: str, password: str) -> None:
    response = http.post("/register", data={"email": email, "password": password, **form_token(http, "/register")})
    assert response.status_code == 303 and response.headers["location"] == "/login", response.text
    response = http.post("/login", data={"email": email, "password": password, **form_token(http, "/login")})
    assert response.status_code == 303 and response.headers["location"] == "/notes", response.text
    assert "session_id" in http.cookies


APPS = ("vulnerable_app", "secure_app")


def test_both_apps_serve_the_same_endpoints(apps: dict[str, RunningApp]) -> None:
    def operations(app: RunningApp) -> set[tuple[str, str]]:
        paths = httpx.get(f"{app.url}/openapi.json").json()["paths"]
        return {(method.upper(), path) for path, methods in paths.items() for method in methods}

    vulnerable, secure = (operations(apps[name]) for name in APPS)
    assert vulnerable == secure
    assert {
        ("POST", "/login"),
        ("GET", "/notes/search"),
        ("POST", "/password-reset/confirm"),
        ("POST", "/api/token"),
        ("GET", "/api/notes"),
        ("POST", "/api/notes"),
    } <= vulnerable


@pytest.mark.parametrize("name", APPS)
def test_register_login_notes_and_search(apps: dict[str, RunningApp], name: str) -> None:
    with client(apps[name]) as http:
        register_and_login(http, new_email(), "a-long-enough-password")
        response = http.post(
            "/notes", data={"title": "Groceries", "body": "milk and eggs", **form_token(http, "/notes")}
        )
        assert response.status_code == 303, response.text
        assert "milk and eggs" in http.get("/notes").text
        response = http.get("/notes/search", params={"q": "eggs"})
        assert response.status_code == 200 and "Groceries" in response.text
        assert "Groceries" not in http.get("/notes/search", params={"q": "no-such-note"}).text
        response = http.post("/logout", data=form_token(http, "/notes"))
        assert response.status_code == 303
        assert http.get("/notes").status_code == 303  # back to the login page


@pytest.mark.parametrize("name", APPS)
def test_password_reset_through_the_outbox(apps: dict[str, RunningApp], name: str) -> None:
    app = apps[name]
    email = new_email()
    with client(app) as http:
        register_and_login(http, email, "the-first-password")
        response = http.post("/password-reset", data={"email": email, **form_token(http, "/password-reset")})
        assert response.status_code == 200, response.text
    with sqlite3.connect(app.database) as db:
        (mail,) = db.execute("SELECT body FROM outbox WHERE recipient = ? ORDER BY id DESC", (email,)).fetchone()
    token = re.search(r"[?&]token=([\w-]+)", mail).group(1)  # type: ignore[union-attr]
    with client(app) as http:
        fields = form_token(http, f"/password-reset/confirm?token={token}")
        response = http.post(
            "/password-reset/confirm", data={"token": token, "new_password": "the-second-password", **fields}
        )
        assert response.status_code == 200 and "Password changed" in response.text
        fields = form_token(http, "/login")
        response = http.post("/login", data={"email": email, "password": "the-second-password", **fields})
        assert response.status_code == 303, response.text


@pytest.mark.parametrize("name", APPS)
def test_api_token_and_notes(apps: dict[str, RunningApp], name: str) -> None:
    with client(apps[name]) as http:
        response = http.post("/api/token", json={"email": DEMO_EMAIL, "password": DEMO_PASSWORD})
        assert response.status_code == 200, response.text
        headers = {"Authorization": f"Bearer {response.json()['access_token']}"}
        response = http.post("/api/notes", json={"title": "From the API", "body": "hello"}, headers=headers)
        assert response.status_code == 201 and response.json()["title"] == "From the API"
        response = http.get("/api/notes", headers=headers)
        assert response.status_code == 200
        assert "From the API" in [note["title"] for note in response.json()]
        assert http.get("/api/notes").status_code in (401, 403)


def unsigned_token(claims: dict[str, object]) -> str:
    def part(data: dict[str, object]) -> str:
        return base64.urlsafe_b64encode(json.dumps(data).encode()).rstrip(b"=").decode()

    return f"{part({'alg': 'none', 'typ': 'JWT'})}.{part(claims)}."


def test_secure_app_refuses_what_the_vulnerable_app_accepts(apps: dict[str, RunningApp]) -> None:
    marker = "<script>secpat-marker</script>"
    forged = {"Authorization": f"Bearer {unsigned_token({'sub': '1'})}"}
    seen = {}
    for name in APPS:
        with client(apps[name]) as http:
            register_and_login(http, new_email(), "a-long-enough-password")
            search = http.get("/notes/search", params={"q": marker}).text
            no_token = http.post("/notes", data={"title": "forged", "body": "no CSRF token"}).status_code
            seen[name] = (marker in search, no_token, http.get("/api/notes", headers=forged).status_code)
    assert seen["vulnerable_app"] == (True, 303, 200)
    assert seen["secure_app"] == (False, 403, 401)
