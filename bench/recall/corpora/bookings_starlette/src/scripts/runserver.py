#!/usr/bin/env python
"""Start the app with auto-reload for local work.

    python -m scripts.runserver [--port 8000]
"""
import argparse

import uvicorn


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, default=8000)
    args = parser.parse_args()
    # 0.0.0.0 so the phone on the office wifi can reach it when testing the app
    uvicorn.run("bookings.app:app", host="0.0.0.0", port=args.port, reload=True, log_level="debug")


if __name__ == "__main__":
    main()
