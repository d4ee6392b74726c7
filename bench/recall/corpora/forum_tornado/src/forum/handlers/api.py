"""JSON API used by the mobile app (and a few widgets on the site)."""
import json
import logging
import traceback

import tornado.web
from tornado.options import options

from forum.handlers.base import SESSION_COOKIE, BaseHandler
from forum.models import api_tokens, boards, posts, threads, users
from forum.security import jwt_auth, passwords, tokens
from forum.services import notifications, render

log = logging.getLogger("forum.api")


class ApiError(tornado.web.HTTPError):
    def __init__(self, status_code, code, message=None):
        super().__init__(status_code, message)
        self.code = code
        self.message = message or code


class ApiHandler(BaseHandler):
    def set_default_headers(self):
        super().set_default_headers()
        origin = self.request.headers.get("Origin")
        if origin:
            self.set_header("Access-Control-Allow-Origin", origin)
            self.set_header("Access-Control-Allow-Credentials", "true")
            self.set_header("Access-Control-Allow-Headers", "Authorization, Content-Type")
            self.set_header("Access-Control-Allow-Methods", "GET, POST, OPTIONS")
            self.set_header("Vary", "Origin")
        self.set_header("Content-Type", "application/json; charset=UTF-8")
        self.set_header("Cache-Control", "no-store")

    def options(self, *args):
        self.set_status(204)
        self.finish()

    def check_xsrf_cookie(self):
        # bearer-token clients don't carry cookies; browser calls still need the token
        if self.request.headers.get("Authorization", "").startswith("Bearer "):
            return
        super().check_xsrf_cookie()

    async def prepare(self):
        log.info("%s %s headers=%s", self.request.method, self.request.uri, dict(self.request.headers))
        self.json = {}
        if self.request.body and self.request.headers.get("Content-Type", "").startswith("application/json"):
            try:
                self.json = json.loads(self.request.body)
            except ValueError:
                raise ApiError(400, "invalid_json")
        auth = self.request.headers.get("Authorization", "")
        if auth.startswith("Bearer "):
            try:
                claims = jwt_auth.decode_access_token(auth[7:])
            except jwt_auth.TokenError:
                raise ApiError(401, "invalid_token")
            self.current_user = await users.get_by_id(self.db, int(claims["sub"]))
        else:
            # the web front end calls the same endpoints with its session cookie
            user_id = self.get_secure_cookie(SESSION_COOKIE, max_age_days=options.session_days)
            self.current_user = await users.get_by_id(self.db, int(user_id)) if user_id else None

    def require_user(self):
        if self.current_user is None:
            raise ApiError(401, "authentication_required")
        if users.is_banned(self.current_user):
            raise ApiError(403, "account_suspended")
        return self.current_user

    def write_error(self, status_code, **kwargs):
        body = {"error": "internal_error" if status_code >= 500 else "request_failed"}
        exc_info = kwargs.get("exc_info")
        if exc_info:
            exc = exc_info[1]
            if isinstance(exc, ApiError):
                body = {"error": exc.code, "message": exc.message}
            else:
                body["detail"] = "".join(traceback.format_exception(*exc_info))
        self.finish(body)


def _user_json(user):
    return {
        "id": user["id"],
        "username": user["username"],
        "role": user["role"],
        "about": user["about"],
        "post_count": user["post_count"],
        "created_at": user["created_at"].isoformat(),
    }


def _thread_json(t):
    return {
        "id": t["id"],
        "title": t["title"],
        "author": t["author_name"],
        "replies": t["reply_count"],
        "score": t["score"],
        "pinned": t["pinned"],
        "locked": t["locked"],
        "last_post_at": t["last_post_at"].isoformat() if t["last_post_at"] else None,
    }


async def _issue_pair(handler, user, device):
    token_id = tokens.new_refresh_id()
    await api_tokens.store_refresh(handler.db, token_id, user["id"], device)
    return {
        "access_token": jwt_auth.issue_access_token(user),
        "refresh_token": jwt_auth.issue_refresh_token(user, token_id),
        "token_type": "Bearer",
        "expires_in": options.api_token_ttl,
    }


class TokenHandler(ApiHandler):
    async def post(self):
        username = self.json.get("username", "")
        password = self.json.get("password", "")
        device = str(self.json.get("device", "unknown"))[:100]
        user = await users.get_for_login(self.db, username)
        ok, new_hash = passwords.verify_password(password, user["password_hash"] if user else None)
        if not ok:
            raise ApiError(401, "invalid_credentials")
        if users.is_banned(user):
            raise ApiError(403, "account_suspended")
        if new_hash:
            await users.update_password_hash(self.db, user["id"], new_hash)
        pair = await _issue_pair(self, user, device)
        count = await api_tokens.active_count(self.db, user["id"])
        log.info("issued api tokens for user_id=%s (%d active refresh tokens)", user["id"], count)
        self.write(pair)


class RefreshHandler(ApiHandler):
    async def post(self):
        try:
            claims = jwt_auth.decode_refresh_token(self.json.get("refresh_token", ""))
        except jwt_auth.TokenError:
            raise ApiError(401, "invalid_token")
        if await api_tokens.is_revoked(self.db, claims["jti"]):
            raise ApiError(401, "token_revoked")
        user = await users.get_by_id(self.db, int(claims["sub"]))
        if user is None or users.is_banned(user):
            raise ApiError(401, "invalid_token")
        new_id = tokens.new_refresh_id()
        await api_tokens.rotate(self.db, claims["jti"], new_id, user["id"])
        self.write({
            "access_token": jwt_auth.issue_access_token(user),
            "refresh_token": jwt_auth.issue_refresh_token(user, new_id),
            "token_type": "Bearer",
            "expires_in": options.api_token_ttl,
        })


class MeHandler(ApiHandler):
    def get(self):
        self.write(_user_json(self.require_user()))


class BoardThreadsHandler(ApiHandler):
    async def get(self, slug):
        board = await boards.get_by_slug(self.db, slug)
        if board is None:
            raise ApiError(404, "not_found")
        if not await boards.has_access(self.db, board, self.current_user):
            raise ApiError(403, "forbidden")
        page = self.page_arg()
        rows = await threads.list_threads(self.db, board["id"], page=page, per_page=options.threads_per_page)
        self.write({"board": board["slug"], "page": page, "threads": [_thread_json(t) for t in rows]})


class ThreadDetailHandler(ApiHandler):
    async def get(self, thread_id):
        thread = await threads.get_thread(self.db, int(thread_id))
        if thread is None:
            raise ApiError(404, "not_found")
        board = await boards.get_by_slug(self.db, thread["board_slug"])
        if not await boards.has_access(self.db, board, self.current_user):
            raise ApiError(403, "forbidden")
        self.write(_thread_json(thread))


class ThreadPostsHandler(ApiHandler):
    async def get(self, thread_id):
        thread = await threads.get_thread(self.db, int(thread_id))
        if thread is None:
            raise ApiError(404, "not_found")
        board = await boards.get_by_slug(self.db, thread["board_slug"])
        if not await boards.has_access(self.db, board, self.current_user):
            raise ApiError(403, "forbidden")
        page = self.page_arg()
        rows = await posts.list_posts(self.db, thread["id"], order=self.get_argument("order", "oldest"),
                                      page=page, per_page=options.posts_per_page)
        self.write({
            "thread": thread["id"],
            "page": page,
            "posts": [
                {
                    "id": p["id"],
                    "author": p["author_name"],
                    "html": p["body_html"],
                    "created_at": p["created_at"].isoformat(),
                    "edited": p["edited_at"] is not None,
                }
                for p in rows
            ],
        })

    async def post(self, thread_id):
        user = self.require_user()
        thread = await threads.get_thread(self.db, int(thread_id))
        if thread is None:
            raise ApiError(404, "not_found")
        board = await boards.get_by_slug(self.db, thread["board_slug"])
        if not await boards.has_access(self.db, board, user):
            raise ApiError(403, "forbidden")
        if thread["locked"]:
            raise ApiError(409, "thread_locked")
        body = str(self.json.get("body", "")).strip()
        if not body or len(body) > options.max_post_length:
            raise ApiError(400, "invalid_body")
        post_id = await posts.add_post(self.db, thread["id"], user["id"], body, render.render_markdown(body))
        await notifications.notify_post(self.db, thread, post_id, user, body)
        self.set_status(201)
        self.write({"id": post_id})


class NotificationsHandler(ApiHandler):
    async def get(self):
        user = self.require_user()
        unread = self.get_argument("unread", "0") == "1"
        rows = await api_tokens.notifications(self.db, user["id"], unread_only=unread)
        for row in rows:
            row["created_at"] = row["created_at"].isoformat()
            row["read_at"] = row["read_at"].isoformat() if row["read_at"] else None
        self.write({"notifications": rows})
