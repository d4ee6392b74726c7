"""Tornado application for the legacy back-office."""
from __future__ import annotations

from pathlib import Path

import tornado.ioloop
import tornado.web

from ..config import get_settings
from . import handlers

TEMPLATE_PATH = Path(__file__).resolve().parent.parent.parent / "templates" / "legacy"


def make_app() -> tornado.web.Application:
    settings = get_settings()
    return tornado.web.Application(
        [
            (r"/login", handlers.LoginHandler),
            (r"/stock", handlers.StockSearchHandler),
            (r"/stock/adjust", handlers.StockAdjustHandler),
            (r"/hooks/payments", handlers.PaymentWebhookHandler),
            (r"/partners/orders", handlers.PartnerOrdersHandler),
        ],
        template_path=str(TEMPLATE_PATH),
        cookie_secret=settings.session_secret,
        login_url="/login",
        xsrf_cookies=False,
        debug=True,
    )


def main() -> None:
    app = make_app()
    app.listen(8082, address="127.0.0.1")
    tornado.ioloop.IOLoop.current().start()


if __name__ == "__main__":
    main()
