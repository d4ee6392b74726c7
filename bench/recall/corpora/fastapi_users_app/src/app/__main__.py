"""Local development entry point: ``python -m app``.

Production runs under gunicorn, see gunicorn.conf.py.
"""
import uvicorn

from app.core.config import settings

if __name__ == "__main__":
    uvicorn.run(
        "app.main:app",
        host="127.0.0.1",
        port=8000,
        reload=True,
        log_level=settings.log_level.lower(),
    )
