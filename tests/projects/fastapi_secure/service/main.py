import os

import uvicorn
from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware
from slowapi.middleware import SlowAPIMiddleware
from starlette.middleware.sessions import SessionMiddleware
from starlette_csrf import CSRFMiddleware

from service.limits import limiter
from service.routers import api_router

app = FastAPI(debug=os.getenv("DEBUG") == "1")
app.state.limiter = limiter
app.add_middleware(SlowAPIMiddleware)
app.add_middleware(CSRFMiddleware, secret=os.environ["CSRF_SECRET"])
app.add_middleware(SessionMiddleware, secret_key=os.environ["SESSION_SECRET"], https_only=True)
app.add_middleware(CORSMiddleware, allow_origins=["https://app.example.com"], allow_credentials=True)
app.include_router(api_router, prefix="/api")

if __name__ == "__main__":
    uvicorn.run("service.main:app", host="127.0.0.1", reload=True)
