"""Attachments service.

Three kinds of callers:
  * the helpdesk app, server to server, with a service bearer token (/api/...)
  * agents in the browser after a hand-off from the helpdesk (/ui/..., cookie session)
  * anyone holding a download or share link (/d/..., /s/...)
"""
import contextlib
import html
import logging
import os
import sqlite3
import traceback

import jwt
import uvicorn
from itsdangerous import BadSignature
from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.middleware.cors import CORSMiddleware
from starlette.responses import FileResponse, HTMLResponse, JSONResponse, RedirectResponse
from starlette.routing import Mount, Route
from starlette.templating import Jinja2Templates

from . import config, db, security, storage

logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
log = logging.getLogger("attachments")

templates = Jinja2Templates(directory=os.path.join(os.path.dirname(__file__), "templates"))


def _serialize(row):
    return {
        "id": row["id"],
        "ticket_id": row["ticket_id"],
        "filename": row["filename"],
        "content_type": row["content_type"],
        "size": row["size"],
        "created_at": row["created_at"],
        "download_url": f"{config.PUBLIC_URL}/d/{security.make_download_token(row['id'])}",
    }


def _require_service(request):
    auth = request.headers.get("authorization", "")
    if not auth.lower().startswith("bearer "):
        raise HTTPException(status_code=401)
    try:
        return security.verify_service_token(auth[7:])
    except jwt.PyJWTError:
        raise HTTPException(status_code=401)


def _session(request):
    return security.load_session(request.cookies.get(config.SESSION_COOKIE))


def _login_redirect():
    return RedirectResponse(config.HELPDESK_URL + "/tickets", status_code=303)


async def health(request):
    return JSONResponse({"ok": True})


# --- service API -------------------------------------------------------------

async def list_attachments(request):
    _require_service(request)
    rows = db.for_ticket(request.path_params["ticket_id"])
    return JSONResponse({"attachments": [_serialize(r) for r in rows]})


async def upload(request):
    claims = _require_service(request)
    form = await request.form()
    upload_file = form.get("file")
    if upload_file is None or not getattr(upload_file, "filename", None):
        return JSONResponse({"error": "file is required"}, status_code=400)
    data = await upload_file.read()
    if len(data) > config.MAX_UPLOAD_BYTES:
        return JSONResponse({"error": "file too large"}, status_code=413)
    stored_name, etag, size = storage.save(data)
    att_id = db.insert(
        ticket_id=request.path_params["ticket_id"],
        filename=storage.clean_filename(upload_file.filename),
        content_type=upload_file.content_type or "application/octet-stream",
        stored_name=stored_name,
        size=size,
        etag=etag,
        uploaded_by=int(claims["sub"]),
    )
    log.info("stored attachment %s for ticket %s (%d bytes)", att_id, request.path_params["ticket_id"], size)
    return JSONResponse(_serialize(db.get(att_id)), status_code=201)


async def create_share(request):
    claims = _require_service(request)
    att = db.get(request.path_params["att_id"])
    if att is None:
        return JSONResponse({"error": "not found"}, status_code=404)
    payload = await request.json()
    password = payload.get("password") or None
    days = min(int(payload.get("days", config.SHARE_DEFAULT_DAYS)), 30)
    token = security.new_share_token()
    expires_at = db.create_share(
        token,
        att["id"],
        security.hash_share_password(password) if password else None,
        int(claims["sub"]),
        days,
    )
    return JSONResponse({"url": f"{config.PUBLIC_URL}/s/{token}", "expires_at": expires_at}, status_code=201)


# --- browser UI --------------------------------------------------------------

async def start_session(request):
    try:
        data = security.read_handoff(request.query_params["t"])
    except (KeyError, BadSignature):
        return HTMLResponse("<h1>This link has expired.</h1><p>Go back to the helpdesk and try again.</p>", status_code=403)
    next_path = request.query_params.get("next", "/ui/")
    if not next_path.startswith("/ui/"):
        next_path = "/ui/"
    response = RedirectResponse(config.ROOT_PATH + next_path, status_code=303)
    response.set_cookie(config.SESSION_COOKIE, security.dump_session(data), max_age=config.SESSION_MAX_AGE, path="/")
    return response


async def ticket_page(request):
    sess = _session(request)
    if sess is None:
        return _login_redirect()
    ticket_id = request.path_params["ticket_id"]
    rows = db.for_ticket(ticket_id)
    return templates.TemplateResponse(
        request,
        "ticket.html",
        {
            "ticket_id": ticket_id,
            "attachments": [_serialize(r) for r in rows],
            "user": sess,
            "root": config.ROOT_PATH,
            "helpdesk_url": config.HELPDESK_URL,
        },
    )


async def delete_attachment(request):
    sess = _session(request)
    if sess is None:
        return _login_redirect()
    att = db.get(request.path_params["att_id"])
    if att is None:
        raise HTTPException(status_code=404)
    if not sess.get("admin") and att["uploaded_by"] != sess.get("uid"):
        raise HTTPException(status_code=403)
    db.mark_deleted(att["id"])
    storage.delete(att["stored_name"])
    log.info("attachment %s deleted by %s", att["id"], sess.get("name"))
    return RedirectResponse(f"{config.ROOT_PATH}/ui/tickets/{att['ticket_id']}", status_code=303)


# --- public links ------------------------------------------------------------

def _file_response(att):
    return FileResponse(
        storage.path_for(att["stored_name"]),
        filename=att["filename"],
        media_type=att["content_type"],
        headers={"ETag": f'"{att["etag"]}"', "X-Content-Type-Options": "nosniff"},
        content_disposition_type="attachment",
    )


async def download(request):
    try:
        att_id = security.read_download_token(request.path_params["token"])
    except (jwt.PyJWTError, KeyError, ValueError):
        return HTMLResponse("<h1>Invalid download link</h1>", status_code=403)
    att = db.get(att_id)
    if att is None:
        return HTMLResponse("<h1>This file was removed</h1>", status_code=404)
    return _file_response(att)


async def share_page(request):
    share = db.get_share(request.path_params["token"])
    att = db.get(share["attachment_id"]) if share else None
    if att is None:
        return HTMLResponse("<h1>This link has expired</h1>", status_code=404)
    if not share["password_hash"]:
        return _file_response(att)

    error = ""
    if request.method == "POST":
        form = await request.form()
        if security.check_share_password(str(form.get("password", "")), share["password_hash"]):
            return _file_response(att)
        error = '<p class="error">Wrong password.</p>'
    return HTMLResponse(
        "<!doctype html><title>Shared file</title>"
        f"<h1>{html.escape(att['filename'])}</h1>"
        f"{error}"
        '<form method="post"><label>Password <input type="password" name="password" autofocus></label>'
        "<button>Download</button></form>",
        status_code=401 if error else 200,
    )


async def storage_error(request, exc):
    log.exception("storage error on %s", request.url.path)
    detail = {"error": type(exc).__name__, "detail": str(exc), "trace": traceback.format_exc().splitlines()}
    return JSONResponse(detail, status_code=500)


@contextlib.asynccontextmanager
async def lifespan(app):
    db.init()
    os.makedirs(config.STORAGE_DIR, exist_ok=True)
    yield


routes = [
    Route("/health", health),
    Mount(
        "/api",
        routes=[
            Route("/tickets/{ticket_id}/attachments", list_attachments, methods=["GET"]),
            Route("/tickets/{ticket_id:int}/attachments", upload, methods=["POST"]),
            Route("/attachments/{att_id:int}/share", create_share, methods=["POST"]),
        ],
    ),
    Mount(
        "/ui",
        routes=[
            Route("/session", start_session),
            Route("/tickets/{ticket_id}", ticket_page),
            Route("/attachments/{att_id:int}/delete", delete_attachment, methods=["GET", "POST"]),
        ],
    ),
    Route("/d/{token}", download),
    Route("/s/{token}", share_page, methods=["GET", "POST"]),
]

middleware = [
    # the helpdesk pages load attachment lists with fetch()
    Middleware(CORSMiddleware, allow_origins=["*"], allow_credentials=True, allow_methods=["GET", "POST"], allow_headers=["*"]),
]

app = Starlette(debug=True, routes=routes, middleware=middleware,
                exception_handlers={sqlite3.Error: storage_error, OSError: storage_error}, lifespan=lifespan)


if __name__ == "__main__":
    uvicorn.run(app, host=config.HOST, port=config.PORT, proxy_headers=True)
