#!/usr/bin/env python
"""Local development server with auto-reload. Not used in containers."""
from __future__ import annotations

import os

import uvicorn

if __name__ == "__main__":
    os.environ.setdefault("ENVIRONMENT", "development")
    uvicorn.run("app.main:app", host="127.0.0.1", port=int(os.getenv("PORT", "8000")), reload=True, reload_dirs=["app"])
