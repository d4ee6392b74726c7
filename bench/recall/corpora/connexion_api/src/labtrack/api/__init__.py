"""Handlers for the operations declared in openapi/labtrack.yaml, plus shared helpers."""
from __future__ import annotations

from connexion.problem import problem

PAGE_SIZE_MAX = 200


def forbidden(detail: str = "You do not have access to this resource."):
    return problem(403, "Forbidden", detail)


def not_found(what: str = "Resource"):
    return problem(404, "Not Found", f"{what} not found.")


def site_scope(token_info: dict) -> str | None:
    """Partners only ever see their own site; staff and admins see all sites."""
    if token_info.get("role") in {"staff", "admin", "reception"}:
        return None
    return token_info.get("site") or "__none__"


def require_scope(token_info: dict, scope: str) -> bool:
    return scope in token_info.get("scope", [])
