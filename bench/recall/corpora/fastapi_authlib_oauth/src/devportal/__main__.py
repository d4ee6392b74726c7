"""Run the portal with ``python -m devportal``."""

import uvicorn

if __name__ == "__main__":
    uvicorn.run("devportal.main:app", host="0.0.0.0", port=8000, reload=True, proxy_headers=True)
