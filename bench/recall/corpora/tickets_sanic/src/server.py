"""Production entrypoint (see Dockerfile).

    python server.py
"""
import logging
import os

from gatepass.app import create_app

logging.basicConfig(
    level=os.getenv("GATEPASS_LOG_LEVEL", "INFO"),
    format="%(asctime)s %(levelname)s %(name)s: %(message)s",
)

HOST = os.getenv("GATEPASS_HOST", "127.0.0.1")
PORT = int(os.getenv("GATEPASS_PORT", "8000"))
WORKERS = int(os.getenv("GATEPASS_WORKERS", "2"))

app = create_app()

if __name__ == "__main__":
    app.run(host=HOST, port=PORT, workers=WORKERS, debug=True, access_log=False)
