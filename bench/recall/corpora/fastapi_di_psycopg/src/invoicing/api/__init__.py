from fastapi import APIRouter

from invoicing.api import api_keys, auth, customers, invoices, webhooks

api_router = APIRouter(prefix="/api/v1")
api_router.include_router(auth.router)
api_router.include_router(customers.router)
api_router.include_router(invoices.router)
api_router.include_router(invoices.reports_router)
api_router.include_router(api_keys.router)
api_router.include_router(webhooks.router)
