"""`secpat probe` against real servers on 127.0.0.1: the reference apps under uvicorn, the Flask
target under Werkzeug. Each server starts once per module on a free port and is always stopped;
each app is probed once (the secure apps rate-limit logins, so a second run would differ).
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest

pytest.importorskip("uvicorn")
pytest.importorskip("fastapi")
pytest.importorskip("flask")

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
ACCOUNT = ["--username", "alice@example.com", "--password", "correct-horse-battery-staple"]
# Every runtime rule but CONF106, which is judged on https answers only (the apps are served over http),
# and JWT106/JWT107, forgeries that prove something only where signatures are checked: the vulnerable app
# checks none (JWT103), so they are skipped there; the Flask target and the aiohttp app show them.
ALL_RUNTIME = {
    "RATE101",
    "RATE102",
    "RATE103",
    "CSRF101",
    "CONF101",
    "CONF103",
    "CONF104",
    "CONF105",
    "CONF107",
    "CONF108",
    "SECRET101",
    "JWT101",
    "JWT102",
    "JWT103",
    "JWT104",
    "JWT105",
    "XSS101",
    "SQL101",
    "SQL102",
    "SQL103",
    "LOG101",
    "CONF109",
    "CONF110",
    "CONF111",
    "RND101",
    "RATE104",
}
FLASK_FLAWS = {
    "RATE101",
    "CSRF101",
    "CONF101",
    "CONF103",
    "CONF104",
    "CONF107",
    "XSS101",
    "SQL101",
    "CONF110",
    "RATE104",
    "JWT106",
    "JWT102",
}
FLASK_OPTIONS = (
    "--login",
    "/login",
    "--form",
    "/notes",
    "--token-endpoint",
    "/api/token",
    "--api",
    "/api/notes",
    "--username-field",
    "email",
)
BOB = ["--username", "bob@example.com", "--password", "tulip-garden-lantern-42"]
#: What the held-out aiohttp app (examples/aiohttp_target) is built to show, and what its crawl alone reaches.
AIOHTTP_FLAWS = {
    "RATE101",
    "RATE102",
    "RATE104",
    "CONF107",
    "CONF110",
    "CONF111",
    "RND101",
    "JWT107",
    "JWT102",
    "SQL101",
    "XSS101",
    "LOG101",
}
AIOHTTP_CRAWL_ONLY = {"RATE101", "RATE102", "RATE104", "CONF107", "CONF110", "CONF111", "RND101"}


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def serve(args: list[str], log: Path, env: dict[str, str] | None = None) -> Iterator[str]:
    """Run a server on a free loopback port until the block ends; yield its base URL once it answers."""
    port = free_port()
    command = [arg.replace("{port}", str(port)) for arg in args]
    with log.open("wb") as out:
        process = subprocess.Popen(
            command, cwd=ROOT, stdout=out, stderr=subprocess.STDOUT, env={**os.environ, **(env or {})}
        )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            if process.poll() is not None:
                pytest.fail(f"{' '.join(command)} exited with {process.returncode}:\n{log.read_text()[-3000:]}")
            try:
                if httpx.get(url + "/", timeout=1).status_code < 500:
                    break
            except httpx.TransportError:
                pass
            if time.monotonic() > deadline:
                pytest.fail(f"{' '.join(command)} did not answer within 30s:\n{log.read_text()[-3000:]}")
            time.sleep(0.1)
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def uvicorn(app_dir: str, *extra: str) -> list[str]:
    return [
        sys.executable,
        "-m",
        "uvicorn",
        "app.main:app",
        "--app-dir",
        f"examples/{app_dir}",
        "--host",
        "127.0.0.1",
        "--port",
        "{port}",
        *extra,
    ]


def flask(*extra: str) -> list[str]:
    return [sys.executable, "examples/flask_target/app.py", "--port", "{port}", *extra]


def secpat(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "secpat", *args], cwd=ROOT, capture_output=True, text=True, timeout=300
    )


class Run:
    """One `secpat probe --format json` run and its parsed report."""

    def __init__(self, url: str, out: Path, *extra: str, account: list[str] = ACCOUNT) -> None:
        self.url = url
        self.process = secpat("probe", url, *account, *extra, "--format", "json", "--output", str(out))
        assert self.process.returncode in (0, 1), self.process.stderr
        self.doc = json.loads(out.read_text())

    @property
    def rules(self) -> set[str]:
        return {f["rule_id"] for f in self.doc["findings"]}

    def explain(self) -> str:
        lines = [f"{f['rule_id']} {f['path']}: {f['message']}" for f in self.doc["findings"]]
        for probe in self.doc["probe"]["probes"]:
            sent = "; ".join(f"{s['method']} {s['path']} ({s['note']}) -> {s['status']}" for s in probe["sent"])
            lines.append(f"{probe['name']} {probe['state']} {probe['reason'] or ''} {sent}")
        return "\n".join(lines)


@pytest.fixture(scope="module")
def vulnerable(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Run]]:
    tmp = tmp_path_factory.mktemp("vulnerable")
    with serve(uvicorn("vulnerable_app"), tmp / "server.log", {"DATABASE_PATH": str(tmp / "notes.sqlite3")}) as url:
        yield url, Run(url, tmp / "report.json")


@pytest.fixture(scope="module")
def secure(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Run]:
    tmp = tmp_path_factory.mktemp("secure")
    env = {"COOKIE_SECURE": "false", "DATABASE_PATH": str(tmp / "notes.sqlite3")}
    # No proxy in front: forwarding headers from loopback clients are not trusted (see its README).
    with serve(uvicorn("secure_app", "--no-proxy-headers"), tmp / "server.log", env) as url:
        yield Run(url, tmp / "report.json")


@pytest.fixture(scope="module")
def flask_flawed(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Run]:
    tmp = tmp_path_factory.mktemp("flask-flawed")
    with serve(flask(), tmp / "server.log") as url:
        yield Run(url, tmp / "report.json", *FLASK_OPTIONS)


@pytest.fixture(scope="module")
def flask_secure(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Run]:
    tmp = tmp_path_factory.mktemp("flask-secure")
    with serve(flask("--secure"), tmp / "server.log") as url:
        yield Run(url, tmp / "report.json", *FLASK_OPTIONS)


@pytest.fixture(scope="module")
def aiohttp_runs(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Run, Run]]:
    """The held-out aiohttp app, probed with its URL and account only, then with its API document named."""
    pytest.importorskip("aiohttp")
    tmp = tmp_path_factory.mktemp("aiohttp")
    with serve([sys.executable, "examples/aiohttp_target/app.py", "--port", "{port}"], tmp / "server.log") as url:
        crawl_only = Run(url, tmp / "crawl.json", account=BOB)
        yield crawl_only, Run(url, tmp / "all.json", "--openapi", "/api/v1/spec.json", account=BOB)


def test_vulnerable_app_shows_every_runtime_issue(vulnerable: tuple[str, Run]) -> None:
    _, run = vulnerable
    assert run.rules == ALL_RUNTIME, run.explain()
    assert run.process.returncode == 1
    states = {row["pattern"]: row["state"] for row in run.doc["checklist"]}
    assert all(states[p] == "failed" for p in (1, 3, 4, 5, 6, 7, 8, 9, 10))
    assert states[2] == "not checked"


def test_secure_app_shows_nothing(secure: Run) -> None:
    assert run_is_clean(secure)
    states = {row["pattern"]: row["state"] for row in secure.doc["checklist"]}
    assert all(states[p] == "passed" for p in (3, 4, 5, 6, 7, 8, 9, 10)), states
    rate = next(p for p in secure.doc["probe"]["probes"] if p["name"] == "RATE101")
    assert any("throttled" in note for note in rate["notes"]), secure.explain()


def test_flask_target_shows_its_flaws(flask_flawed: Run) -> None:
    assert flask_flawed.rules == FLASK_FLAWS, flask_flawed.explain()
    assert flask_flawed.process.returncode == 1


def test_flask_target_secure_mode_shows_nothing(flask_secure: Run) -> None:
    assert run_is_clean(flask_secure)


def test_held_out_aiohttp_app(aiohttp_runs: tuple[Run, Run]) -> None:
    crawl_only, everything = aiohttp_runs
    assert everything.rules == AIOHTTP_FLAWS, everything.explain()
    # Without the API document the crawl finds the pages, the login, the logout and the reset, not the API.
    assert crawl_only.rules == AIOHTTP_CRAWL_ONLY, crawl_only.explain()
    by_rule = {f["rule_id"]: f for f in everything.doc["findings"]}
    assert "UNION SELECT" in by_rule["JWT107"]["message"]
    assert "JSON field `term`" in next(f["message"] for f in everything.doc["findings"] if f["rule_id"] == "SQL101")
    assert by_rule["XSS101"]["path"] == "/api/v1/preview"


def run_is_clean(run: Run) -> bool:
    assert run.doc["findings"] == [], run.explain()
    assert run.process.returncode == 0, run.process.stderr
    return True


@pytest.mark.parametrize("name", ["vulnerable", "secure", "flask_flawed", "flask_secure"])
def test_every_probe_says_what_it_sent(name: str, request: pytest.FixtureRequest) -> None:
    run = request.getfixturevalue(name)
    run = run[1] if isinstance(run, tuple) else run
    record = run.doc["probe"]
    assert record["target"] == run.url
    assert 0 < record["requests"] <= 400 and record["seconds"] < 120
    assert sum(p["requests"] for p in record["probes"]) == record["requests"]
    for probe in record["probes"]:
        assert probe["requests"] == len(probe["sent"]) and probe["seconds"] >= 0
        assert probe["state"] in ("ran", "skipped", "stopped"), probe
    assert f"probe sent {record['requests']} requests" in run.process.stderr


def test_text_report_lists_requests_and_the_checklist(vulnerable: tuple[str, Run]) -> None:
    url, _ = vulnerable
    done = secpat("probe", url, *ACCOUNT, "--select", "XSS101,CONF104", "--no-color")
    assert done.returncode == 1, done.stderr
    assert "Requests sent (per probe: requests, seconds, what was sent)" in done.stdout
    assert "XSS101" in done.stdout and "GET /notes/search?q=secpat%3Csecpatxss%3E" in done.stdout
    assert "[ ]  5. XSS prevention" in done.stdout and "[-]  3. Secure JWT design" in done.stdout


def test_remote_targets_are_refused_before_any_request() -> None:
    done = secpat("probe", "http://192.0.2.10:8080")
    assert done.returncode == 2 and done.stdout == ""
    assert "not a loopback address" in done.stderr and "--allow-remote" in done.stderr
