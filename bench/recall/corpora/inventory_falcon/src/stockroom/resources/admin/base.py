"""Shared plumbing for the server-rendered stockroom admin."""

import falcon

from stockroom import templating


class AdminResource:
    """Base class for admin pages: login enforced by SessionMiddleware, CSRF by CSRFMiddleware."""

    login_required = True
    nav_section: str | None = None

    def render(self, req, resp, template: str, *, status=None, **context) -> None:
        session = req.context.session
        context.setdefault("current_user", req.context.get("user"))
        context.setdefault("nav", self.nav_section)
        context["csrf_token"] = lambda: session.csrf_token
        templating.render(resp, f"admin/{template}", status=status, **context)

    @staticmethod
    def form(req) -> dict:
        media = req.get_media(default_when_empty={})
        return media if isinstance(media, dict) else {}

    @staticmethod
    def form_list(form: dict, key: str) -> list[str]:
        value = form.get(key)
        if value is None:
            return []
        return value if isinstance(value, list) else [value]

    @staticmethod
    def redirect(location: str):
        raise falcon.HTTPSeeOther(location)
