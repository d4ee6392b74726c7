"""Moderation console, served on its own port behind the VPN.

Run with ``python -m forum.admin_app``.
"""
import asyncio
import logging
import os

import tornado.web
from tornado.options import options

from forum import config
from forum.db import create_pool
from forum.handlers import admin

HERE = os.path.dirname(os.path.abspath(__file__))
log = logging.getLogger("forum.admin")


def make_admin_app(db):
    settings = dict(
        template_path=os.path.join(HERE, "templates"),
        static_path=os.path.join(HERE, "static"),
        cookie_secret=options.cookie_secret,
        login_url=options.site_url + "/login",
        debug=options.debug,
    )
    app = tornado.web.Application(
        [
            (r"/admin/?", admin.DashboardHandler),
            (r"/admin/reports", admin.ReportsHandler),
            (r"/admin/reports/(\d+)", admin.ResolveReportHandler),
            (r"/admin/users/([A-Za-z0-9_]+)", admin.UserHandler),
            (r"/admin/audit", admin.AuditLogHandler),
        ],
        **settings,
    )
    app.db = db
    return app


async def main():
    config.load()
    pool = await create_pool()
    app = make_admin_app(pool)
    app.listen(options.admin_port, address=options.admin_address)
    log.info("admin console on %s:%d", options.admin_address, options.admin_port)
    await asyncio.Event().wait()


if __name__ == "__main__":
    asyncio.run(main())
