"""WSGI application and development entry point.

    python -m kiosk            # serve with the configured backend
    gunicorn kiosk.app:application
"""
import logging

import bottle
from bottle import Bottle, run

from kiosk import __version__, config, hooks, logging_setup
from kiosk.routes import account, admin, api, kiosk_api, pages, staff_api, webhooks

log = logging.getLogger(__name__)

MOUNTS = (
    ("/api/kiosk/", kiosk_api.app),
    ("/api/staff/", staff_api.app),
    ("/api/", api.app),
    ("/admin/", admin.app),
    ("/webhooks/", webhooks.app),
)


def create_app():
    logging_setup.configure()
    bottle.debug(config.DEBUG)
    bottle.BaseRequest.MEMFILE_MAX = 256 * 1024

    root = Bottle()
    hooks.install(root, root=True)
    root.merge(pages.app)
    root.merge(account.app)
    for prefix, sub_app in MOUNTS:
        hooks.install(sub_app)
        root.mount(prefix, sub_app)

    @root.get("/healthz")
    def healthz():
        return {"ok": True, "version": __version__}

    return root


application = create_app()


def main():
    log.info("kiosk %s starting on %s:%s (%s)", __version__, config.HOST, config.PORT, config.ENV)
    run(
        application,
        server=config.SERVER_BACKEND,
        host=config.HOST,
        port=config.PORT,
        debug=True,
        quiet=not config.DEBUG,
    )


if __name__ == "__main__":
    main()
