import csv
import io
import re

import sqlalchemy as sa
from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import RedirectResponse, StreamingResponse

from app.db import database
from app.deps import admin_user
from app.repositories import events as events_repo
from app.repositories import orders as orders_repo
from app.services import invites
from app.templating import templates

router = APIRouter(prefix="/admin", tags=["admin"], dependencies=[Depends(admin_user)])

_SLUG_RE = re.compile(r"[^a-z0-9]+")


def slugify(title: str) -> str:
    return _SLUG_RE.sub("-", title.lower()).strip("-")[:140]


@router.get("/events/new")
async def new_event_form(request: Request):
    return templates.TemplateResponse(request, "admin/event_form.html", {})


@router.post("/events")
async def create_event(
    request: Request,
    title: str = Form(...),
    venue: str = Form(...),
    description: str = Form(""),
    starts_at: str = Form(...),
    capacity: int = Form(...),
    price_cents: int = Form(...),
    admin=Depends(admin_user),
):
    await events_repo.create(
        {
            "slug": slugify(title),
            "title": title,
            "venue": venue,
            "description": description,
            "starts_at": starts_at,
            "capacity": capacity,
            "price_cents": price_cents,
            "organizer_id": admin["id"],
        }
    )
    return RedirectResponse("/admin/orders", status_code=303)


@router.get("/orders")
async def orders_page(
    request: Request,
    event_id: int | None = None,
    sort: str = "o.created_at",
    direction: str = "desc",
):
    rows = await orders_repo.list_for_admin(event_id, sort, direction)
    return templates.TemplateResponse(
        request, "admin/orders.html", {"orders": rows, "sort": sort, "direction": direction}
    )


@router.post("/orders/export")
async def export_orders(request: Request):
    form = await request.form()
    status = form.get("status", "paid")
    event_id = int(form.get("event_id", 0))
    stmt = sa.text(
        "SELECT o.id, u.email, o.quantity, o.total_cents, o.created_at "
        "FROM orders o JOIN users u ON u.id = o.user_id "
        f"WHERE o.event_id = :event_id AND o.status = '{status}' ORDER BY o.id"
    ).bindparams(event_id=event_id)
    rows = await database.fetch_all(stmt)

    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(["order", "email", "qty", "total_cents", "created_at"])
    for row in rows:
        writer.writerow(list(row))
    buffer.seek(0)
    return StreamingResponse(
        iter([buffer.getvalue()]),
        media_type="text/csv",
        headers={"Content-Disposition": f'attachment; filename="orders-{event_id}.csv"'},
    )


@router.post("/invites")
async def send_invite(request: Request, email: str = Form(...), admin=Depends(admin_user)):
    await invites.create_invite(email.strip(), admin["id"], str(request.base_url))
    return templates.TemplateResponse(request, "partials/notice.html", {"message": f"Invitation sent to {email}."})
