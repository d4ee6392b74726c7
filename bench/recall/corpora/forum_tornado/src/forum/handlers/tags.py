"""Thread listing by tag."""
from forum.handlers.base import BaseHandler
from forum.models import threads


class TagHandler(BaseHandler):
    async def get(self):
        tag = self.get_argument("name", "").strip().lower()
        found = await threads.by_tag(self.db, tag) if tag else []
        if not found:
            self.set_status(404)
            self.write(
                "<!doctype html><title>No threads</title>"
                "<p>No threads tagged <b>%s</b> yet. <a href='/'>Back to the forum</a></p>" % tag
            )
            return
        self.render("tag.html", tag=tag, threads=found)
