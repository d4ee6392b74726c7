"""`secpat probe` against hostile and broken servers on 127.0.0.1, each a real socket server
started by the test: it must end in time, in bounded memory, with exit 2 and one clear line.

The probe runs as a subprocess; its peak memory is its maximum resident set size (from
`os.wait4`, see `_LAUNCHER`), its wall time is measured around it.
"""

from __future__ import annotations

import json
import os
import socket
import socketserver
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
MAX_TIME = 20.0  # --max-time given to every run
SLACK = 10.0  # interpreter start-up and reporting, on a busy machine
MEMORY_LIMIT = 100 * 1024 * 1024


# -- the servers -------------------------------------------------------------------------------


class _Server(socketserver.ThreadingTCPServer):
    daemon_threads = True
    allow_reuse_address = True
    block_on_close = False


def _send_forever(sock: socket.socket, head: bytes, chunk: bytes, total: int | None = None, pause: float = 0.0) -> None:
    """Send `head`, then `chunk` again and again (up to `total` bytes) until the client hangs up."""
    sent = 0
    try:
        sock.sendall(head)
        while total is None or sent < total:
            sock.sendall(chunk)
            sent += len(chunk)
            if pause:
                time.sleep(pause)
    except OSError:
        pass  # the client closed the connection: what a bounded client does


def _read_request(sock: socket.socket) -> None:
    sock.settimeout(5)
    data = b""
    try:
        while b"\r\n\r\n" not in data and len(data) < 65536:
            piece = sock.recv(4096)
            if not piece:
                return
            data += piece
    except OSError:
        return


def silent(sock: socket.socket) -> None:
    """Accepts the connection, reads nothing, answers nothing; holds it open for a minute."""
    time.sleep(60)


def drip_body(sock: socket.socket) -> None:
    """Headers at once, then a body of a byte a second."""
    _read_request(sock)
    _send_forever(
        sock, b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 100000\r\n\r\n", b"<", pause=1.0
    )


def drip_headers(sock: socket.socket) -> None:
    """The whole response, status line included, a byte a second."""
    _read_request(sock)
    response = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 5\r\n\r\nhello"
    try:
        for byte in response:
            sock.sendall(bytes([byte]))
            time.sleep(1.0)
    except OSError:
        pass


def endless(sock: socket.socket) -> None:
    """An HTML body without a length that never ends."""
    _read_request(sock)
    _send_forever(
        sock, b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nConnection: close\r\n\r\n", b"<p>" + b"x" * 65533
    )


def huge(sock: socket.socket) -> None:
    """A 50 MB body with its Content-Length."""
    size = 50 * 1024 * 1024
    _read_request(sock)
    _send_forever(
        sock,
        b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n" + f"Content-Length: {size}\r\n\r\n".encode(),
        b"a" * 65536,
        total=size,
    )


def redirect_loop(sock: socket.socket) -> None:
    """Every path redirects to /a, which redirects to /b, which redirects to /a."""
    _read_request(sock)
    try:
        sock.sendall(b"HTTP/1.1 302 Found\r\nLocation: /b\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
    except OSError:
        pass


def garbage(sock: socket.socket) -> None:
    """A megabyte of random bytes instead of HTTP."""
    _read_request(sock)
    try:
        sock.sendall(os.urandom(1024 * 1024))
    except OSError:
        pass


@contextmanager
def raw_server(behaviour: Callable[[socket.socket], None]) -> Iterator[int]:
    class Handler(socketserver.BaseRequestHandler):
        def handle(self) -> None:
            behaviour(self.request)

    server = _Server(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield server.server_address[1]
    finally:
        server.shutdown()
        server.server_close()


class _PlainPage(BaseHTTPRequestHandler):
    def do_GET(self) -> None:  # noqa: N802 - http.server's naming
        body = b"<!doctype html><p>plain http</p>"
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@contextmanager
def plain_http_server() -> Iterator[int]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _PlainPage)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield server.server_address[1]
    finally:
        server.shutdown()
        server.server_close()


# -- running the probe and measuring it --------------------------------------------------------


@dataclass
class Measured:
    code: int
    seconds: float
    peak_bytes: int
    stdout: str
    stderr: str


# Runs one command in a small interpreter of its own and writes its exit code and peak memory.
# Linux carries a process's high-water mark across fork and exec, so a probe started straight
# from the test process would report the test process's size; started from this small launcher,
# its peak is its own (plus the launcher's few MiB at the fork: an upper bound).
_LAUNCHER = """
import json, os, subprocess, sys, time
report, limit, command = sys.argv[1], float(sys.argv[2]), sys.argv[3:]
with open(report + ".out", "wb") as out, open(report + ".err", "wb") as err:
    child = subprocess.Popen(command, stdout=out, stderr=err)
started = time.monotonic()
while True:
    pid, status, usage = os.wait4(child.pid, os.WNOHANG)
    if pid:
        break
    if time.monotonic() - started > limit:
        child.kill()
        pid, status, usage = os.wait4(child.pid, 0)
        break
    time.sleep(0.01)
with open(report, "w") as f:
    json.dump({"code": os.waitstatus_to_exitcode(status), "maxrss": usage.ru_maxrss,
               "seconds": time.monotonic() - started}, f)
"""


def measured_probe(url: str, *args: str, tmp: Path, limit: float = MAX_TIME + SLACK + 30) -> Measured:
    """Run `secpat probe URL ARGS` and return its exit code, wall time and peak resident memory."""
    report = tmp / "measured.json"
    command = [sys.executable, "-m", "secpat", "probe", url, "--max-time", str(MAX_TIME), "--no-color", *args]
    subprocess.run(
        [sys.executable, "-c", _LAUNCHER, str(report), str(limit), *command],
        cwd=ROOT,
        env={**os.environ, "SECPAT_DEBUG": ""},
        check=True,
        timeout=limit + 30,
    )
    figures = json.loads(report.read_text())
    if figures["seconds"] > limit:
        pytest.fail(f"secpat probe {url} still ran after {limit:.0f}s")
    scale = 1 if sys.platform == "darwin" else 1024  # ru_maxrss is in KiB on Linux, bytes on macOS
    result = Measured(
        figures["code"],
        figures["seconds"],
        figures["maxrss"] * scale,
        Path(f"{report}.out").read_text(),
        Path(f"{report}.err").read_text(),
    )
    # The figures, for `pytest -s`.
    print(f"\n[hostile] {result.stderr.strip()}")
    print(
        f"[hostile] {url} {' '.join(args)}: exit {result.code}, {result.seconds:.2f}s, "
        f"peak {result.peak_bytes / 1024 / 1024:.1f} MiB"
    )
    return result


def assert_clear_failure(run: Measured, says: str) -> None:
    assert run.code == 2, (run.stdout[-2000:], run.stderr)
    assert run.stdout == ""
    lines = run.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("secpat: error: "), run.stderr
    assert says in lines[0], run.stderr
    assert "Traceback" not in run.stderr


def assert_bounded(run: Measured, seconds: float = MAX_TIME + SLACK) -> None:
    assert run.seconds < seconds, run
    assert run.peak_bytes < MEMORY_LIMIT, f"peak {run.peak_bytes / 1024 / 1024:.1f} MiB"


HOSTILE = {
    "silent": (silent, "answered nothing usable (2 requests in a row; the last: GET / (page) -> no answer within 2s)"),
    "drip-body": (drip_body, "the body was not complete within 2s"),
    "drip-headers": (drip_headers, "no answer within 2s"),
    "endless-body": (endless, "over the 2 MiB size cap"),
    "huge-body": (huge, "over the 2 MiB size cap"),
    "redirect-loop": (redirect_loop, "answered every request with a redirect"),
    "garbage": (garbage, "did not answer in HTTP"),
}


@pytest.mark.parametrize("name", list(HOSTILE))
def test_hostile_server_ends_in_time_and_memory_with_a_clear_error(name: str, tmp_path: Path) -> None:
    behaviour, says = HOSTILE[name]
    with raw_server(behaviour) as port:
        run = measured_probe(f"http://127.0.0.1:{port}", "--timeout", "2", tmp=tmp_path)
    assert_clear_failure(run, says)
    assert_bounded(run)


def test_tls_to_a_plain_http_port_says_so(tmp_path: Path) -> None:
    with plain_http_server() as port:
        run = measured_probe(f"https://127.0.0.1:{port}", "--timeout", "2", tmp=tmp_path)
    assert_clear_failure(run, f"the TLS handshake with https://127.0.0.1:{port} failed")
    assert f"probe http://127.0.0.1:{port}" in run.stderr
    assert_bounded(run)


def test_max_time_caps_a_request_whose_timeout_is_longer(tmp_path: Path) -> None:
    """--timeout 60 against a silent server: the run still ends by --max-time."""
    with raw_server(silent) as port:
        run = measured_probe(f"http://127.0.0.1:{port}", "--timeout", "60", "--max-time", "3", tmp=tmp_path)
    assert_clear_failure(run, "no answer within 3s")
    assert_bounded(run, 3 + SLACK)


def test_a_smaller_size_cap_cuts_sooner(tmp_path: Path) -> None:
    with raw_server(huge) as port:
        run = measured_probe(f"http://127.0.0.1:{port}", "--max-response-size", "64K", tmp=tmp_path)
    assert_clear_failure(run, "over the 64 KiB size cap")
    assert_bounded(run)


def test_nothing_listening_is_a_clear_error(tmp_path: Path) -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]  # bound, not listening: connections are refused
        run = measured_probe(f"http://127.0.0.1:{port}", tmp=tmp_path)
    assert_clear_failure(run, f"nothing answers at http://127.0.0.1:{port}")
