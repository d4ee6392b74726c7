"""`python -m billing` starts a local server; production runs under gunicorn."""
import uvicorn

from billing.config import get_settings


def main() -> None:
    settings = get_settings()
    is_dev = settings.environment == "development"
    uvicorn.run(
        "billing.main:app",
        host="127.0.0.1",
        port=8000,
        reload=is_dev,
        proxy_headers=True,
    )


if __name__ == "__main__":
    main()
