import os

import uvicorn
from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware
from starlette.middleware.sessions import SessionMiddleware

from service.limits import limiter
from service.routers import api_router

app = FastAPI(debug=True)  # expect: CONF001  # audit: CSRF004
app.state.limiter = limiter
app.add_middleware(SessionMiddleware, secret_key=os.environ["SESSION_SECRET"])  # expect: CONF003
app.add_middleware(CORSMiddleware, allow_origins=["*"], allow_credentials=True)  # expect: CONF005
app.include_router(api_router, prefix="/api")

if __name__ == "__main__":
    uvicorn.run("service.main:app", host="0.0.0.0", reload=True)  # expect: CONF006
