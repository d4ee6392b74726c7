"""``python -m inkwell`` – run the API with uvicorn."""
from __future__ import annotations

import os

import uvicorn


def main() -> None:
    port = int(os.getenv("PORT", "8000"))
    uvicorn.run("inkwell.main:app", host="0.0.0.0", port=port, reload=True, proxy_headers=True)


if __name__ == "__main__":
    main()
