"""Run the app on the stdlib WSGI server for local hacking.

    STOCKROOM_ENV=development python -m stockroom

Production runs under gunicorn (see gunicorn.conf.py).
"""

import logging
import os
from wsgiref.simple_server import make_server

from stockroom.app import create_app


def main() -> None:
    port = int(os.environ.get("PORT", "8000"))
    app = create_app()
    with make_server("127.0.0.1", port, app) as httpd:
        logging.getLogger("stockroom").info("serving on http://127.0.0.1:%d", port)
        try:
            httpd.serve_forever()
        except KeyboardInterrupt:
            pass


if __name__ == "__main__":
    main()
