"""Tornado UI modules used from the templates with ``{% module ... %}``."""
import math

import tornado.web

from forum.services import avatars


class Post(tornado.web.UIModule):
    def render(self, post, thread, can_edit=False):
        return self.render_string(
            "modules/post.html",
            post=post,
            thread=thread,
            can_edit=can_edit,
            avatar_url=avatars.gravatar_url(post.get("author_email"), size=64),
            fallback_colour=avatars.colour_for(post["author_name"]),
        )


class Pagination(tornado.web.UIModule):
    def render(self, page, total, per_page, base_url):
        pages = max(1, math.ceil(total / per_page))
        return self.render_string(
            "modules/pagination.html",
            page=page,
            pages=pages,
            base_url=base_url,
        )


class Avatar(tornado.web.UIModule):
    def render(self, user, size=48):
        return self.render_string(
            "modules/avatar.html",
            user=user,
            size=size,
            url=avatars.gravatar_url(user.get("email"), size=size),
            colour=avatars.colour_for(user["username"]),
        )
