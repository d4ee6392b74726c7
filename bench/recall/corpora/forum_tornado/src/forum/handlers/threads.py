"""Thread pages, new threads, replies and votes."""
import json

import tornado.web
from tornado.options import options

from forum.handlers.base import BaseHandler
from forum.models import boards, posts, threads
from forum.services import notifications, render
from forum.services.ratelimit import rate_limited


async def _load_thread(handler, thread_id):
    thread = await threads.get_thread(handler.db, int(thread_id))
    if thread is None:
        raise tornado.web.HTTPError(404)
    board = await boards.get_by_slug(handler.db, thread["board_slug"])
    if not await boards.has_access(handler.db, board, handler.current_user):
        raise tornado.web.HTTPError(403)
    return thread, board


class ThreadHandler(BaseHandler):
    async def get(self, thread_id):
        thread, board = await _load_thread(self, thread_id)
        page = self.page_arg()
        order = self.get_argument("order", "oldest")
        post_list = await posts.list_posts(self.db, thread["id"], order=order, page=page,
                                           per_page=options.posts_per_page)
        total = await posts.count_posts(self.db, thread["id"])
        page_data = {"threadId": thread["id"], "page": page, "canVote": self.current_user is not None}
        self.render(
            "thread.html",
            thread=thread,
            board=board,
            posts=post_list,
            page=page,
            total=total,
            per_page=options.posts_per_page,
            order=order,
            page_data=page_data,
        )

    @tornado.web.authenticated
    async def post(self, thread_id):
        thread, _ = await _load_thread(self, thread_id)
        if thread["locked"] and not self.is_moderator():
            raise tornado.web.HTTPError(403, "thread is locked")
        body = self.get_argument("body", "").strip()
        if not body or len(body) > options.max_post_length:
            raise tornado.web.HTTPError(400, "empty or oversized post")
        post_id = await posts.add_post(self.db, thread["id"], self.current_user["id"], body,
                                       render.render_markdown(body))
        await notifications.notify_post(self.db, thread, post_id, self.current_user, body)
        last_page = max(1, -(-thread["reply_count"] // options.posts_per_page))
        self.redirect(f"/t/{thread['id']}?page={last_page}#p{post_id}")


class NewThreadHandler(BaseHandler):
    @tornado.web.authenticated
    async def get(self, slug):
        board = await boards.get_by_slug(self.db, slug)
        if board is None:
            raise tornado.web.HTTPError(404)
        self.render("new_thread.html", board=board, error=None, form={})

    @tornado.web.authenticated
    async def post(self, slug):
        board = await boards.get_by_slug(self.db, slug)
        if board is None or not await boards.has_access(self.db, board, self.current_user):
            raise tornado.web.HTTPError(404)
        form = {
            "title": self.get_argument("title", "").strip(),
            "body": self.get_argument("body", "").strip(),
            "tags": self.get_argument("tags", ""),
        }
        tags = [t.strip().lower() for t in form["tags"].split(",") if t.strip()][:5]
        if not 5 <= len(form["title"]) <= 150 or not form["body"]:
            return self.render("new_thread.html", board=board, form=form,
                               error="A thread needs a title (5-150 characters) and a first post.")
        thread_id = await threads.create_thread(
            self.db,
            board["id"],
            self.current_user["id"],
            form["title"],
            render.slugify(form["title"]),
            form["body"],
            render.render_markdown(form["body"]),
            tags=tags,
        )
        self.redirect(self.reverse_url("thread", thread_id))


class VoteHandler(BaseHandler):
    """Up/down votes, posted by forum.js with fetch()."""

    def check_xsrf_cookie(self):
        # the _xsrf cookie is httponly so fetch() can't echo it back
        pass

    @tornado.web.authenticated
    async def post(self, thread_id):
        try:
            value = int(json.loads(self.request.body or b"{}").get("value", 0))
        except (ValueError, AttributeError):
            raise tornado.web.HTTPError(400)
        if value not in (-1, 0, 1):
            raise tornado.web.HTTPError(400)
        thread, _ = await _load_thread(self, thread_id)
        score = await threads.vote(self.db, thread["id"], self.current_user["id"], value)
        self.write({"score": score})


class BoardUnlockHandler(BaseHandler):
    @tornado.web.authenticated
    async def get(self, slug):
        board = await boards.get_by_slug(self.db, slug)
        if board is None:
            raise tornado.web.HTTPError(404)
        self.render("board_password.html", board=board, error=None)

    @tornado.web.authenticated
    @rate_limited("board-unlock", limit=10, period=600)
    async def post(self, slug):
        board = await boards.get_by_slug(self.db, slug)
        if board is None:
            raise tornado.web.HTTPError(404)
        if await boards.check_access_password(self.db, board["id"], self.get_argument("password", "")):
            await boards.grant_access(self.db, board["id"], self.current_user["id"])
            return self.redirect(self.reverse_url("board", slug))
        self.set_status(403)
        self.render("board_password.html", board=board, error="That is not the board password.")
