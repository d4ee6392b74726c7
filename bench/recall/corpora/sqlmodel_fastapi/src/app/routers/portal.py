"""Server-rendered member portal. Partners embed it in an iframe, so it uses a session cookie."""
from typing import Annotated

from fastapi import APIRouter, Depends, Form, HTTPException, Request, status
from fastapi.responses import HTMLResponse, RedirectResponse

from app.csrf import verify_csrf
from app.db import SessionDep
from app.models import User
from app.repositories import bookings as bookings_repo
from app.repositories import users as users_repo
from app.services import auth_service
from app.templating import templates

router = APIRouter(prefix="/portal", include_in_schema=False)


async def portal_user(request: Request, session: SessionDep) -> User:
    user_id = request.session.get("user_id")
    user = await users_repo.get_by_id(session, user_id) if user_id else None
    if user is None or not user.is_active:
        raise HTTPException(status_code=status.HTTP_303_SEE_OTHER, headers={"Location": "/portal/login"})
    return user


PortalUser = Annotated[User, Depends(portal_user)]


@router.get("/login", response_class=HTMLResponse)
async def login_form(request: Request):
    return templates.TemplateResponse(request, "portal/login.html", {"error": None})


@router.post("/login", response_class=HTMLResponse)
async def login_submit(
    request: Request,
    session: SessionDep,
    email: Annotated[str, Form()],
    password: Annotated[str, Form()],
    csrf_token: Annotated[str, Form()] = "",
):
    verify_csrf(request, csrf_token)
    user = await auth_service.authenticate(session, email, password)
    if user is None:
        return templates.TemplateResponse(
            request, "portal/login.html", {"error": "Wrong email or password", "email": email}, status_code=400
        )
    request.session.clear()
    request.session["user_id"] = user.id
    return RedirectResponse("/portal/bookings", status_code=status.HTTP_303_SEE_OTHER)


@router.post("/logout")
async def logout(request: Request, csrf_token: Annotated[str, Form()] = ""):
    verify_csrf(request, csrf_token)
    request.session.clear()
    return RedirectResponse("/portal/login", status_code=status.HTTP_303_SEE_OTHER)


@router.get("/profile", response_class=HTMLResponse)
async def profile(request: Request, user: PortalUser):
    return templates.TemplateResponse(request, "portal/profile.html", {"user": user, "saved": False})


@router.post("/profile", response_class=HTMLResponse)
async def update_profile(
    request: Request,
    user: PortalUser,
    session: SessionDep,
    full_name: Annotated[str, Form(max_length=120)],
    csrf_token: Annotated[str, Form()] = "",
):
    verify_csrf(request, csrf_token)
    user.full_name = full_name
    session.add(user)
    await session.commit()
    return templates.TemplateResponse(request, "portal/profile.html", {"user": user, "saved": True})


@router.get("/bookings", response_class=HTMLResponse)
async def bookings(request: Request, user: PortalUser, session: SessionDep):
    rows = await bookings_repo.list_for_user(session, user.id, sort="start")
    return templates.TemplateResponse(request, "portal/bookings.html", {"user": user, "bookings": rows})


@router.post("/bookings/{booking_id}/cancel")
async def cancel(booking_id: int, user: PortalUser, session: SessionDep):
    booking = await bookings_repo.get_for_user(session, booking_id, user.id)
    if booking is None:
        raise HTTPException(status_code=404)
    await bookings_repo.cancel(session, booking)
    return RedirectResponse("/portal/bookings", status_code=status.HTTP_303_SEE_OTHER)
