import os

import uvicorn

if __name__ == "__main__":
    uvicorn.run(
        "admin.app:app",
        host=os.environ.get("ADMIN_HOST", "127.0.0.1"),
        port=int(os.environ.get("ADMIN_PORT", "8090")),
        proxy_headers=True,
    )
