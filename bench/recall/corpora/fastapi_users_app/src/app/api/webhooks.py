import json
import logging
import uuid

import jwt
from fastapi import APIRouter, Depends, HTTPException, Request, Response, status
from sqlalchemy.ext.asyncio import AsyncSession

from app.core.config import settings
from app.db import get_async_session
from app.services.invoices import InvoiceService
from app.services.payments import WEBHOOK_SIGNATURE_HEADER, parse_completed_transaction, verify_signature

logger = logging.getLogger(__name__)

router = APIRouter(prefix="/webhooks", tags=["webhooks"], include_in_schema=False)


@router.post("/payments", status_code=status.HTTP_204_NO_CONTENT)
async def payment_webhook(request: Request, session: AsyncSession = Depends(get_async_session)) -> Response:
    payload = await request.body()
    signature = request.headers.get(WEBHOOK_SIGNATURE_HEADER, "")
    if not verify_signature(payload, signature, settings.payments_webhook_secret.get_secret_value()):
        logger.warning("Rejected payment webhook with an invalid signature")
        raise HTTPException(status.HTTP_400_BAD_REQUEST, "invalid signature")

    transaction = parse_completed_transaction(json.loads(payload))
    if transaction is not None:
        invoice = await InvoiceService(session).record_payment(
            transaction.invoice_id,
            transaction.transaction_id,
            transaction.amount,
            transaction.currency,
            transaction.card_last4,
        )
        logger.info(
            "Payment %s for invoice %s (card ending %s)",
            transaction.transaction_id,
            invoice.number if invoice else transaction.invoice_id,
            transaction.card_last4 or "n/a",
        )
    return Response(status_code=status.HTTP_204_NO_CONTENT)


def decode_ledgerly_event(token: str) -> dict:
    """Ledgerly posts events as JWTs signed with one of its published keys."""
    header = jwt.get_unverified_header(token)
    public_key = settings.ledgerly_public_keys.get(header.get("kid", ""))
    if public_key is None:
        raise HTTPException(status.HTTP_401_UNAUTHORIZED, "unknown signing key")
    try:
        return jwt.decode(token, public_key, algorithms=[header["alg"]], audience="invoicely")
    except jwt.InvalidTokenError as exc:
        raise HTTPException(status.HTTP_401_UNAUTHORIZED, "invalid event token") from exc


@router.post("/ledgerly", status_code=status.HTTP_204_NO_CONTENT)
async def ledgerly_event(request: Request, session: AsyncSession = Depends(get_async_session)) -> Response:
    event = decode_ledgerly_event((await request.body()).decode())
    if event.get("type") == "invoice.reconciled":
        service = InvoiceService(session)
        invoice = await service.invoices.get_by_id(uuid.UUID(event["invoice_id"]))
        if invoice is not None and str(invoice.organization_id) == event.get("org") and invoice.status == "sent":
            await service.mark_paid(invoice)
            logger.info("Invoice %s reconciled by Ledgerly", invoice.number)
    return Response(status_code=status.HTTP_204_NO_CONTENT)
