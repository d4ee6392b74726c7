from fastapi import APIRouter

from service.routers import auth, items

api_router = APIRouter()
api_router.include_router(auth.router, prefix="/auth")
api_router.include_router(items.router)
