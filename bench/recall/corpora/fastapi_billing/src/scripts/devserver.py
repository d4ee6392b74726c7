#!/usr/bin/env python3
"""Start the API with auto-reload so the team can hit it from the VM / phones on the LAN."""
import os
import sys

import uvicorn

sys.path.insert(0, os.path.join(os.path.dirname(__file__), ".."))

if __name__ == "__main__":
    port = int(os.environ.get("PORT", "8000"))
    uvicorn.run("billing.main:app", host="0.0.0.0", port=port, reload=True, log_level="debug")
