"""Run the API locally with auto-reload: `python -m scripts.dev`."""

import uvicorn

from app.core.config import settings


def main() -> None:
    if settings.environment != "development":
        raise SystemExit("scripts/dev.py is for local development; use the Docker image elsewhere")
    uvicorn.run("app.main:app", host="127.0.0.1", port=8000, reload=True, log_level="debug")


if __name__ == "__main__":
    main()
