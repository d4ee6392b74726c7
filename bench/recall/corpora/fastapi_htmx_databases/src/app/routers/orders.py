from fastapi import APIRouter, BackgroundTasks, Depends, Form, HTTPException, Request
from fastapi.responses import RedirectResponse

from app.deps import current_user
from app.repositories import orders as orders_repo
from app.repositories import tickets as tickets_repo
from app.services import orders as order_service
from app.templating import templates

router = APIRouter(tags=["orders"])


@router.post("/events/{event_id}/checkout")
async def checkout(request: Request, event_id: int, quantity: int = Form(...), user=Depends(current_user)):
    try:
        order_id = await order_service.place_order(user, event_id, quantity)
    except order_service.SoldOut:
        return templates.TemplateResponse(
            request, "orders/checkout.html", {"error": "Sold out, sorry!"}, status_code=409
        )
    except (ValueError, LookupError):
        raise HTTPException(400, "Invalid order") from None
    order = await orders_repo.get_for_user(order_id, user["id"])
    return templates.TemplateResponse(request, "orders/checkout.html", {"order": order})


@router.get("/orders")
async def my_orders(request: Request, user=Depends(current_user)):
    orders = await orders_repo.list_for_user(user["id"])
    tickets = await tickets_repo.list_for_holder(user["id"])
    return templates.TemplateResponse(request, "orders/list.html", {"orders": orders, "tickets": tickets})


@router.post("/tickets/{code}/transfer")
async def transfer_ticket(
    request: Request,
    code: str,
    background: BackgroundTasks,
    to_email: str = Form(...),
    user=Depends(current_user),
):
    ticket = await tickets_repo.get_by_code(code)
    if ticket is None or ticket["holder_id"] != user["id"] or ticket["checked_in_at"]:
        raise HTTPException(404)
    background.add_task(order_service.offer_transfer, ticket, to_email, str(request.base_url))
    return templates.TemplateResponse(request, "partials/notice.html", {"message": f"We e-mailed {to_email} a link to claim the ticket."})


@router.get("/tickets/transfer/claim/{claim_code}")
async def claim_page(request: Request, claim_code: str, user=Depends(current_user)):
    return templates.TemplateResponse(request, "orders/claim.html", {"claim_code": claim_code})


@router.post("/tickets/transfer/claim/{claim_code}")
async def claim(claim_code: str, user=Depends(current_user)):
    if not await order_service.claim_transfer(claim_code, user):
        raise HTTPException(404, "This transfer link is no longer valid.")
    return RedirectResponse("/orders", status_code=303)
