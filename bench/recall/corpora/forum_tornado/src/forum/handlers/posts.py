"""Editing, previewing and reporting individual posts."""
import tornado.web
from tornado.options import options

from forum.handlers.base import BaseHandler
from forum.models import posts, reports
from forum.services import render
from forum.services.ratelimit import rate_limited

REPORT_REASONS = {
    "spam": "Spam or advertising",
    "abuse": "Harassment or abuse",
    "offtopic": "Off-topic",
    "other": "Something else",
}


class EditPostHandler(BaseHandler):
    async def _load(self, post_id):
        post = await posts.get_post(self.db, int(post_id))
        if post is None:
            raise tornado.web.HTTPError(404)
        if post["author_id"] != self.current_user["id"] and not self.is_moderator():
            raise tornado.web.HTTPError(403)
        if post["locked"] and not self.is_moderator():
            raise tornado.web.HTTPError(403, "thread is locked")
        return post

    @tornado.web.authenticated
    async def get(self, post_id):
        post = await self._load(post_id)
        self.render("edit_post.html", post=post, error=None)

    @tornado.web.authenticated
    async def post(self, post_id):
        post = await self._load(post_id)
        body = self.get_argument("body", "").strip()
        if not body or len(body) > options.max_post_length:
            return self.render("edit_post.html", post=post, error="Posts can't be empty or longer than the limit.")
        await posts.edit_post(self.db, post["id"], body, render.render_markdown(body))
        self.redirect(f"/t/{post['thread_id']}#p{post['id']}")


class PreviewHandler(BaseHandler):
    """Live preview for the post editor; returns an HTML fragment."""

    @tornado.web.authenticated
    def post(self):
        body = self.get_argument("body", "")[: options.max_post_length]
        self.set_header("Content-Type", "text/html; charset=UTF-8")
        self.write(render.render_markdown(body))


class ReportPostHandler(BaseHandler):
    @tornado.web.authenticated
    async def get(self, post_id):
        post = await posts.get_post(self.db, int(post_id))
        if post is None:
            raise tornado.web.HTTPError(404)
        self.render("report.html", post=post, reasons=REPORT_REASONS)

    @tornado.web.authenticated
    @rate_limited("report", limit=20, period=3600, key=lambda h: h.current_user["id"])
    async def post(self, post_id):
        post = await posts.get_post(self.db, int(post_id))
        if post is None:
            raise tornado.web.HTTPError(404)
        reason = self.get_argument("reason", "other")
        if reason not in REPORT_REASONS:
            reason = "other"
        note = self.get_argument("note", "")[:1000]
        await reports.create_report(self.db, post["id"], self.current_user["id"], f"{reason}: {note}".strip())
        self.flash("Thanks, a moderator will take a look.")
        self.redirect(f"/t/{post['thread_id']}#p{post['id']}")
