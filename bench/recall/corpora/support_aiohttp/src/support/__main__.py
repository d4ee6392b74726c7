import logging

from aiohttp import web

from . import settings
from .app import create_app


def main() -> None:
    logging.basicConfig(level=logging.DEBUG if settings.DEBUG else logging.INFO)
    web.run_app(create_app(), host=settings.HOST, port=settings.PORT)


if __name__ == "__main__":
    main()
