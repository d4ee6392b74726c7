#!/usr/bin/env python3
"""Run the HTTP handlers on a laptop without deploying.

Translates plain HTTP requests into API Gateway HTTP API (v2.0) events and
dispatches them to the handler modules. There is no authorizer in front of
the handlers here, so pass ``--as-user`` to fake the authorizer context.

    python scripts/local_server.py --port 8080 --as-user u123:guest
"""
import argparse
import importlib
import os
import sys
import time
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qsl, urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "layer" / "python")]

os.environ.setdefault("STAGE", "local")
os.environ.setdefault("LOG_LEVEL", "DEBUG")
os.environ.setdefault("DYNAMODB_ENDPOINT", "http://localhost:8000")

ROUTES = [
    ("/auth/password-reset", "handlers.password_reset"),
    ("/auth/", "handlers.auth"),
    ("/me", "handlers.account"),
    ("/reservations", "handlers.reservations"),
    ("/join/", "handlers.reservations"),
    ("/restaurants", "handlers.restaurants"),
    ("/booking/", "handlers.pages"),
    ("/r/", "handlers.pages"),
    ("/receipts/", "handlers.receipts"),
    ("/reports/", "handlers.reports"),
    ("/staff/", "handlers.staff"),
    ("/admin/", "handlers.admin"),
    ("/webhooks/payments", "handlers.webhooks"),
]


class FakeContext:
    function_name = "local"
    memory_limit_in_mb = 512

    def __init__(self):
        self.aws_request_id = str(uuid.uuid4())
        self._deadline = time.time() + 29

    def get_remaining_time_in_millis(self):
        return int((self._deadline - time.time()) * 1000)


def make_handler(auth_context):
    class LambdaProxy(BaseHTTPRequestHandler):
        def _dispatch(self):
            url = urlsplit(self.path)
            module_name = next((mod for prefix, mod in ROUTES if url.path.startswith(prefix)), None)
            if module_name is None:
                self.send_error(404)
                return
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length).decode("utf-8") if length else ""
            event = {
                "version": "2.0",
                "rawPath": url.path,
                "rawQueryString": url.query,
                "queryStringParameters": dict(parse_qsl(url.query)) or None,
                "headers": {k.lower(): v for k, v in self.headers.items()},
                "cookies": [c.strip() for c in self.headers.get("Cookie", "").split(";") if c.strip()],
                "body": body,
                "isBase64Encoded": False,
                "requestContext": {
                    "http": {"method": self.command, "path": url.path, "sourceIp": self.client_address[0]},
                    "authorizer": {"lambda": auth_context} if auth_context else {},
                },
            }
            module = importlib.import_module(module_name)
            response = module.handler(event, FakeContext())
            self.send_response(response.get("statusCode", 200))
            for name, value in (response.get("headers") or {}).items():
                self.send_header(name, value)
            for cookie in response.get("cookies") or []:
                self.send_header("Set-Cookie", cookie)
            self.end_headers()
            self.wfile.write((response.get("body") or "").encode("utf-8"))

        do_GET = do_POST = do_PUT = do_DELETE = do_OPTIONS = _dispatch

    return LambdaProxy


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--host", default=os.environ.get("LOCAL_HOST", "127.0.0.1"))
    parser.add_argument("--port", type=int, default=8080)
    parser.add_argument("--as-user", help="fake authorizer context, e.g. u123:owner:r42")
    args = parser.parse_args()

    auth_context = None
    if args.as_user:
        sub, _, rest = args.as_user.partition(":")
        role, _, restaurant_id = rest.partition(":")
        auth_context = {"sub": sub, "role": role or "guest", "restaurant_id": restaurant_id}

    server = ThreadingHTTPServer((args.host, args.port), make_handler(auth_context))
    print(f"TableBook handlers on http://{args.host}:{args.port} (stage={os.environ['STAGE']})")
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    main()
