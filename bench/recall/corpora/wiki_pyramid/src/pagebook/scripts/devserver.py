"""Run the app with auto-reload for local development.

Quicker to start than ``pserve --reload`` and lets the frontend container
reach the app directly.

    pagebook-devserver development.ini
"""
import sys
from wsgiref.simple_server import make_server

import hupper
from pyramid.paster import get_app, setup_logging

PORT = 6543


def main(argv=sys.argv):
    config_uri = argv[1] if len(argv) > 1 else "development.ini"
    if "--no-reload" not in argv:
        reloader = hupper.start_reloader("pagebook.scripts.devserver.main")
        reloader.watch_files([config_uri])

    setup_logging(config_uri)
    app = get_app(config_uri, "main")
    server = make_server("0.0.0.0", PORT, app)
    print(f"serving on http://0.0.0.0:{PORT}")
    server.serve_forever()


if __name__ == "__main__":
    main()
