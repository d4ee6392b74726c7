#!/usr/bin/env python3
"""`secpat probe` against the example apps: runtime problems expected, found, requests, wall time.

    python bench/probe_targets.py [--only NAME]

Each target is started on a free loopback port, probed once with only its URL and the test
account, then restarted (its limits and sessions start afresh) and probed with every option that
names what the crawl cannot find. The expected sets are the problems planted in each app.
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import subprocess
import sys
import tempfile
import time
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
ALICE = ("alice@example.com", "correct-horse-battery-staple")
BOB = ("bob@example.com", "tulip-garden-lantern-42")


@dataclass(frozen=True)
class Target:
    name: str
    command: tuple[str, ...]  # "{port}" is replaced
    account: tuple[str, str]
    expected: frozenset[str]
    options: tuple[str, ...] = ()  # what a user who knows the app adds
    env: tuple[tuple[str, str], ...] = ()


def _uvicorn(app: str, *extra: str) -> tuple[str, ...]:
    return (
        sys.executable,
        "-m",
        "uvicorn",
        "app.main:app",
        "--app-dir",
        f"examples/{app}",
        "--host",
        "127.0.0.1",
        "--port",
        "{port}",
        *extra,
    )


TARGETS = (
    Target(
        "vulnerable_app (FastAPI)",
        _uvicorn("vulnerable_app"),
        ALICE,
        frozenset(
            {
                "RATE101",
                "RATE102",
                "RATE103",
                "RATE104",
                "CSRF101",
                "CONF101",
                "CONF103",
                "CONF104",
                "CONF105",
                "CONF107",
                "CONF108",
                "CONF109",
                "CONF110",
                "CONF111",
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
                "RND101",
            }
        ),
    ),
    Target(
        "secure_app (FastAPI)",
        _uvicorn("secure_app", "--no-proxy-headers"),
        ALICE,
        frozenset(),
        env=(("COOKIE_SECURE", "false"),),
    ),
    Target(
        "flask_target",
        (sys.executable, "examples/flask_target/app.py", "--port", "{port}"),
        ALICE,
        frozenset(
            {
                "RATE101",
                "RATE104",
                "CSRF101",
                "CONF101",
                "CONF103",
                "CONF104",
                "CONF107",
                "CONF110",
                "XSS101",
                "SQL101",
                "JWT106",
                "JWT102",
            }
        ),
        options=(
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
        ),
    ),
    Target(
        "flask_target --secure",
        (sys.executable, "examples/flask_target/app.py", "--port", "{port}", "--secure"),
        ALICE,
        frozenset(),
        options=(
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
        ),
    ),
    Target(
        "aiohttp_target (held out)",
        (sys.executable, "examples/aiohttp_target/app.py", "--port", "{port}"),
        BOB,
        frozenset(
            {
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
        ),
        options=("--openapi", "/api/v1/spec.json"),
    ),
)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def serve(target: Target, tmp: Path):
    port = free_port()
    env = {**os.environ, "DATABASE_PATH": str(tmp / f"{port}.sqlite3"), **dict(target.env)}
    command = [part.replace("{port}", str(port)) for part in target.command]
    with (tmp / f"{port}.log").open("wb") as log:
        process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                httpx.get(url + "/", timeout=1)
                break
            except httpx.TransportError:
                time.sleep(0.1)
        yield url
    finally:
        process.terminate()
        process.wait(timeout=10)


def probe(url: str, target: Target, extra: tuple[str, ...], tmp: Path) -> tuple[set[str], int, float]:
    out = tmp / "report.json"
    started = time.monotonic()
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "secpat",
            "probe",
            url,
            "--username",
            target.account[0],
            "--password",
            target.account[1],
            *extra,
            "--format",
            "json",
            "-o",
            str(out),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    seconds = time.monotonic() - started
    if done.returncode not in (0, 1):
        raise SystemExit(f"{target.name}: secpat probe exited {done.returncode}: {done.stderr}")
    doc = json.loads(out.read_text())
    return {f["rule_id"] for f in doc["findings"]}, doc["probe"]["requests"], seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", help="probe only the targets whose name contains this")
    args = parser.parse_args()
    rows = []
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        for target in TARGETS:
            if args.only and args.only not in target.name:
                continue
            for label, extra in (("URL + account", ()), ("all options", target.options)):
                with serve(target, tmp) as url:
                    found, requests, seconds = probe(url, target, extra, tmp)
                hit = found & target.expected
                rows.append(
                    (
                        target.name,
                        label,
                        len(target.expected),
                        len(hit),
                        sorted(found - target.expected),
                        sorted(target.expected - found),
                        requests,
                        seconds,
                    )
                )
    print(f"{'target':<28} {'run':<14} {'expected':>8} {'found':>6} {'requests':>9} {'wall':>7}  missed / extra")
    for name, label, expected, hit, extra_found, missed, requests, seconds in rows:
        notes = "; ".join(
            part
            for part in (
                f"missed {', '.join(missed)}" if missed else "",
                f"extra {', '.join(extra_found)}" if extra_found else "",
            )
            if part
        )
        print(f"{name:<28} {label:<14} {expected:>8} {hit:>6} {requests:>9} {seconds:>6.1f}s  {notes}")


if __name__ == "__main__":
    main()
