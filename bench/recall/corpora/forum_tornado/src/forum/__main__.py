"""Entry point: ``python -m forum``."""
import asyncio
import logging

import tornado.httpserver
from tornado.options import options

from forum import config
from forum.app import make_app
from forum.db import create_pool
from forum.services import ratelimit

log = logging.getLogger("forum")


async def main():
    config.load()
    pool = await create_pool()
    await ratelimit.configure(options.redis_url)
    app = make_app(pool)
    server = tornado.httpserver.HTTPServer(app, xheaders=options.xheaders)
    server.listen(options.port, address=options.address)
    log.info("forum listening on %s:%d (env=%s)", options.address, options.port, options.env)
    await asyncio.Event().wait()


if __name__ == "__main__":
    asyncio.run(main())
