"""JSON API (v1).  Clients authenticate with a bearer token from /api/v1/token."""
import base64
import binascii
import hashlib
import hmac
import logging
import traceback

from pyramid.httpexceptions import HTTPBadRequest, HTTPException, HTTPForbidden, HTTPNotFound, HTTPUnauthorized
from pyramid.view import exception_view_config, view_config
from sqlalchemy import func, select

from ..models import AuditEntry, Page, Space, User
from ..ratelimit import rate_limited
from ..resources import PageResource
from ..services.pages import create_page, parse_tags, save_revision, visible_space_ids
from ..services.tokens import issue_api_token

log = logging.getLogger(__name__)


def _json_body(request):
    try:
        body = request.json_body
    except ValueError:
        raise HTTPBadRequest(json_body={"error": "request body must be JSON"})
    if not isinstance(body, dict):
        raise HTTPBadRequest(json_body={"error": "expected a JSON object"})
    return body


def _require_scope(request, scope):
    if scope not in getattr(request, "api_scopes", set()):
        raise HTTPForbidden(json_body={"error": f"token lacks the {scope!r} scope"})


def _page_json(request, page, space_key, include_body=False):
    data = {
        "space": space_key,
        "slug": page.slug,
        "title": page.title,
        "revision": page.current_revision,
        "updated_at": page.updated_at.isoformat() if page.updated_at else None,
        "url": request.route_url("page", space=space_key, slug=page.slug),
        "tags": [tag.name for tag in page.tags],
    }
    if include_body:
        data["body"] = page.body
    return data


@view_config(
    route_name="api_token",
    request_method="POST",
    renderer="json",
    decorator=rate_limited("5/minute", scope="api-token"),
)
def create_token(request):
    body = _json_body(request)
    username = str(body.get("username", "")).strip()
    password = str(body.get("password", ""))
    user = request.dbsession.scalars(
        select(User).where(func.lower(User.username) == username.lower())
    ).one_or_none()
    if user is None or not user.is_active or not user.check_password(password):
        raise HTTPUnauthorized(json_body={"error": "invalid credentials"})

    scopes = set(body.get("scopes") or ["read"])
    token = issue_api_token(request.registry.settings, user, scopes)
    log.info("issued API token for user id=%s scopes=%s", user.id, sorted(scopes))
    return {"access_token": token, "token_type": "Bearer"}


@view_config(route_name="api_pages", request_method="GET", renderer="json", permission="view")
def list_pages(request):
    _require_scope(request, "read")
    space_ids = visible_space_ids(request.dbsession, request.identity)
    stmt = (
        select(Page, Space.key)
        .join(Space, Page.space_id == Space.id)
        .where(Page.space_id.in_(space_ids), Page.is_deleted.is_(False))
        .order_by(Page.updated_at.desc())
        .limit(500)
    )
    if request.params.get("space"):
        stmt = stmt.where(Space.key == request.params["space"])
    return {"pages": [_page_json(request, page, key) for page, key in request.dbsession.execute(stmt)]}


@view_config(route_name="api_page", context=PageResource, request_method="GET", renderer="json", permission="view")
def get_page(context, request):
    _require_scope(request, "read")
    if context.page is None:
        raise HTTPNotFound(json_body={"error": "no such page"})
    return _page_json(request, context.page, context.space.key, include_body=True)


@view_config(route_name="api_page", context=PageResource, request_method="PUT", renderer="json", permission="edit")
def put_page(context, request):
    _require_scope(request, "write")
    body = _json_body(request)
    title = str(body.get("title", "")).strip()
    text = str(body.get("body", ""))
    if not title:
        raise HTTPBadRequest(json_body={"error": "title is required"})
    tags = parse_tags(",".join(body.get("tags") or []))

    if context.page is None:
        page = create_page(request.dbsession, context.space, context.slug, title, text, request.identity, tags=tags)
        request.response.status_int = 201
    else:
        expected = body.get("base_revision")
        if expected is not None and int(expected) != context.page.current_revision:
            request.response.status_int = 409
            return {"error": "revision conflict", "current_revision": context.page.current_revision}
        page = context.page
        save_revision(request.dbsession, page, title, text, request.identity,
                      comment=str(body.get("comment", "via API")), tags=tags)
    return _page_json(request, page, context.space.key, include_body=True)


# -- backup sync (HTTP basic auth, used by the nightly backup job) -----------

def _basic_credentials(request):
    scheme, _, encoded = request.headers.get("Authorization", "").partition(" ")
    if scheme.lower() != "basic":
        return None, None
    try:
        decoded = base64.b64decode(encoded.strip(), validate=True).decode("utf-8")
    except (binascii.Error, UnicodeDecodeError):
        return None, None
    username, _, password = decoded.partition(":")
    return username, password


def _require_sync_account(request):
    settings = request.registry.settings
    username, password = _basic_credentials(request)
    expected_password = settings.get("sync.password")
    if not expected_password or username != settings.get("sync.username") or password != expected_password:
        raise HTTPUnauthorized(headers={"WWW-Authenticate": 'Basic realm="pagebook-sync"'})


@view_config(
    route_name="api_sync",
    request_method="GET",
    renderer="json",
    decorator=rate_limited("30/minute", scope="api-sync"),
)
def sync_export(request):
    _require_sync_account(request)
    since = request.params.get("since_revision_id", "0")
    stmt = (
        select(Page, Space.key)
        .join(Space, Page.space_id == Space.id)
        .where(Page.id > int(since) if since.isdigit() else Page.id > 0)
        .order_by(Page.id)
        .limit(1000)
    )
    return {"pages": [_page_json(request, page, key, include_body=True) for page, key in request.dbsession.execute(stmt)]}


# -- inbound webhook from the docs repository --------------------------------

@view_config(route_name="webhook_git", request_method="POST", renderer="json", require_csrf=False)
def git_webhook(request):
    secret = request.registry.settings.get("webhook.git_secret")
    if not secret:
        raise HTTPNotFound()
    signature = request.headers.get("X-Hub-Signature-256", "")
    expected = "sha256=" + hmac.new(secret.encode("utf-8"), request.body, hashlib.sha256).hexdigest()
    if not hmac.compare_digest(signature, expected):
        raise HTTPForbidden()

    if request.headers.get("X-GitHub-Event") != "push":
        return {"status": "ignored"}
    payload = _json_body(request)
    AuditEntry.record(request, "webhook.git_push", f"{payload.get('ref', '')}@{payload.get('after', '')[:12]}")
    return {"status": "queued"}


# -- error handling for /api/ ------------------------------------------------

@exception_view_config(HTTPException, path_info=r"^/api/", renderer="json")
def api_http_error(exc, request):
    request.response.status_int = exc.status_int
    if "WWW-Authenticate" in exc.headers:
        request.response.headers["WWW-Authenticate"] = exc.headers["WWW-Authenticate"]
    if exc.content_type == "application/json" and exc.body:
        return exc.json_body
    return {"error": exc.title, "detail": exc.detail}


@exception_view_config(Exception, path_info=r"^/api/", renderer="json")
def api_error(exc, request):
    log.error("API error on %s %s", request.method, request.path, exc_info=exc)
    request.response.status_int = 500
    return {"error": exc.__class__.__name__, "detail": str(exc), "traceback": traceback.format_exception(exc)}
