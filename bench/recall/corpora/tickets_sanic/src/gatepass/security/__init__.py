"""Authentication, sessions and abuse prevention."""
from __future__ import annotations

from typing import Any, Iterable

from sanic import Request


def request_from_args(args: Iterable[Any]) -> Request:
    """Find the request among handler args (plain functions and HTTPMethodView methods)."""
    for arg in args:
        if isinstance(arg, Request):
            return arg
    raise RuntimeError("handler called without a request argument")


def client_ip(request: Request) -> str:
    # remote_addr honours PROXIES_COUNT / REAL_IP_HEADER; fall back to the socket peer
    return request.remote_addr or request.ip
