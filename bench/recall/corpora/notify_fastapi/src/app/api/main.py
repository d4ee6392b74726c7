from fastapi import APIRouter

from app.api.routes import clients, login, message_templates, notifications, users, webhooks

api_router = APIRouter()
api_router.include_router(login.router)
api_router.include_router(users.router)
api_router.include_router(clients.router)
api_router.include_router(webhooks.router)
api_router.include_router(message_templates.router)
api_router.include_router(notifications.router)
