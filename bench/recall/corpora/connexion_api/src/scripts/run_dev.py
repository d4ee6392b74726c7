"""Local development server with auto-reload.

    LABTRACK_ENV=development python scripts/run_dev.py
"""
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("LABTRACK_ENV", "development")

from labtrack.app import create_app  # noqa: E402

app = create_app("development")

if __name__ == "__main__":
    app.run(f"{Path(__file__).stem}:app", host="127.0.0.1", port=8080, reload=True)
