"""Walk-in sales at the venue, run on the box-office tablets."""
from fastapi import Depends, FastAPI, Form, HTTPException, Request, status
from fastapi.responses import RedirectResponse

from app.deps import SESSION_USER_KEY
from app.repositories import events as events_repo
from app.repositories import users as users_repo
from app.services import orders as order_service
from app.templating import templates

app = FastAPI(title="Box office", docs_url=None, redoc_url=None, openapi_url=None)


async def box_office_staff(request: Request) -> dict:
    user_id = request.session.get(SESSION_USER_KEY)
    user = await users_repo.get_by_id(user_id) if user_id else None
    if user is None or not (user["is_staff"] or user["is_admin"]):
        raise HTTPException(status.HTTP_403_FORBIDDEN, "Box office staff only")
    return user


@app.get("/")
async def sell_page(request: Request, staff=Depends(box_office_staff)):
    upcoming = await events_repo.list_published(sort="date", page_size=10)
    return templates.TemplateResponse(request, "box_office/sell.html", {"events": upcoming})


@app.post("/sell")
async def sell(
    request: Request,
    event_id: int = Form(...),
    quantity: int = Form(...),
    staff=Depends(box_office_staff),
):
    order_id = await order_service.place_order(staff, event_id, quantity)
    await order_service.fulfil(order_id, payment_ref=f"box-office:{staff['id']}")
    return RedirectResponse(request.url_for("sell_page"), status_code=303)
