import json
import logging

from dependency_injector.wiring import Provide, inject
from fastapi import APIRouter, Depends, Header, HTTPException, Request, status

from invoicing.api.deps import Principal, require_scope
from invoicing.api.schemas import WebhookEndpointCreated, WebhookEndpointIn
from invoicing.config import Settings
from invoicing.containers import Container
from invoicing.services.payments import (
    PROVIDER_SIGNATURE_HEADER,
    InvalidSignature,
    PaymentService,
    verify_provider_signature,
)
from invoicing.services.webhooks import WebhookDispatcher

logger = logging.getLogger(__name__)

router = APIRouter(prefix="/webhooks", tags=["webhooks"])


@router.post("/endpoints", response_model=WebhookEndpointCreated, status_code=status.HTTP_201_CREATED)
@inject
async def register_endpoint(
    body: WebhookEndpointIn,
    principal: Principal = Depends(require_scope("admin")),
    dispatcher: WebhookDispatcher = Depends(Provide[Container.webhook_dispatcher]),
) -> dict:
    try:
        return await dispatcher.register(principal.tenant_id, str(body.url), body.events)
    except ValueError as exc:
        raise HTTPException(status_code=status.HTTP_422_UNPROCESSABLE_ENTITY, detail=str(exc)) from exc


@router.post("/paylane", status_code=status.HTTP_204_NO_CONTENT, include_in_schema=False)
@inject
async def paylane_callback(
    request: Request,
    signature: str = Header(alias=PROVIDER_SIGNATURE_HEADER),
    settings: Settings = Depends(Provide[Container.config]),
    payments: PaymentService = Depends(Provide[Container.payment_service]),
) -> None:
    if settings.payment_webhook_secret is None:
        raise HTTPException(status_code=status.HTTP_503_SERVICE_UNAVAILABLE, detail="Payments not configured")
    body = await request.body()
    try:
        verify_provider_signature(settings.payment_webhook_secret.get_secret_value(), body, signature)
    except InvalidSignature:
        logger.warning("Rejected Paylane callback with invalid signature")
        raise HTTPException(status_code=status.HTTP_400_BAD_REQUEST, detail="Invalid signature") from None
    await payments.handle_event(json.loads(body))
