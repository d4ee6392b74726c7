import hashlib
import json
from typing import Any

from fastapi import Request, Response
from fastapi.responses import JSONResponse


def etag_for(payload: Any) -> str:
    body = json.dumps(payload, sort_keys=True, default=str).encode()
    return '"' + hashlib.md5(body, usedforsecurity=False).hexdigest() + '"'


def cached_json(request: Request, payload: Any, max_age: int = 30) -> Response:
    """JSON response with an ETag so the dashboard polling is cheap."""
    tag = etag_for(payload)
    headers = {"ETag": tag, "Cache-Control": f"private, max-age={max_age}"}
    if request.headers.get("if-none-match") == tag:
        return Response(status_code=304, headers=headers)
    return JSONResponse(payload, headers=headers)
