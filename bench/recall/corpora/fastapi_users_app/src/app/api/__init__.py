from fastapi import APIRouter

from app.api import integrations, invoices, ledger, reports, webhooks

api_router = APIRouter()
api_router.include_router(invoices.router)
api_router.include_router(reports.router)
api_router.include_router(reports.metrics_router)
api_router.include_router(integrations.router)
api_router.include_router(ledger.router)
api_router.include_router(webhooks.router)
