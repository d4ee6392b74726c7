"""Local development server with auto-reload."""
import os

import uvicorn

if __name__ == "__main__":
    os.environ.setdefault("TIX_ENV", "development")
    uvicorn.run("app.main:app", host="127.0.0.1", port=8000, reload=True, log_level="debug")
