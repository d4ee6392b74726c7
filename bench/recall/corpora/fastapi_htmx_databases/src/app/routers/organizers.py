from fastapi import APIRouter, Depends, Form, HTTPException, Request
from fastapi.responses import RedirectResponse

from app.db import database
from app.deps import current_user
from app.repositories import events as events_repo
from app.routers.admin import slugify
from app.services import invites
from app.templating import templates

router = APIRouter(prefix="/organizers", tags=["organizers"])


async def organizer(user: dict = Depends(current_user)) -> dict:
    is_organizer = await database.fetch_val(
        query="SELECT EXISTS (SELECT 1 FROM organizer_invites WHERE redeemed_by = :uid)",
        values={"uid": user["id"]},
    )
    if not (is_organizer or user["is_admin"]):
        raise HTTPException(403, "Organizer account required")
    return user


@router.get("/join/{code}")
async def join_page(request: Request, code: str, user=Depends(current_user)):
    return templates.TemplateResponse(request, "organizers/join.html", {"code": code})


@router.post("/join/{code}")
async def join(code: str, user=Depends(current_user)):
    if not await invites.redeem(code, user["id"]):
        raise HTTPException(404, "Invite not found or expired")
    return RedirectResponse("/organizers/events/new", status_code=303)


@router.get("/events/new")
async def new_event(request: Request, user=Depends(organizer)):
    return templates.TemplateResponse(request, "organizers/event_form.html", {})


@router.post("/events")
async def create_event(
    title: str = Form(...),
    venue: str = Form(...),
    description: str = Form(""),
    starts_at: str = Form(...),
    capacity: int = Form(...),
    price_cents: int = Form(...),
    user=Depends(organizer),
):
    slug = slugify(title)
    await events_repo.create(
        {
            "slug": slug,
            "title": title,
            "venue": venue,
            "description": description,
            "starts_at": starts_at,
            "capacity": capacity,
            "price_cents": price_cents,
            "organizer_id": user["id"],
            "published": True,
        }
    )
    return RedirectResponse(f"/events/{slug}", status_code=303)
