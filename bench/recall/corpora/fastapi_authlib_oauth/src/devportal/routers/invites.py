"""Inviting people to an organisation and accepting invitations."""

from typing import Annotated

from fastapi import APIRouter, Depends, Form, HTTPException, status
from fastapi.responses import RedirectResponse, Response
from pydantic import EmailStr

from devportal.deps import CurrentUser, SessionDep
from devportal.security.csrf import csrf_protect
from devportal.services import invites as invites_service

router = APIRouter(dependencies=[Depends(csrf_protect)], include_in_schema=False)


@router.post("/orgs/{slug}/invites")
async def send_invite(
    slug: str,
    user: CurrentUser,
    session: SessionDep,
    email: Annotated[EmailStr, Form()],
    note: Annotated[str, Form(max_length=1000)] = "",
) -> Response:
    membership = next((m for m in user.memberships if m.org.slug == slug), None)
    if membership is None or membership.role != "owner":
        raise HTTPException(status.HTTP_403_FORBIDDEN, "Only organisation owners can invite people.")
    await invites_service.create_invite(session, membership.org, user, str(email), note)
    return RedirectResponse("/dashboard?invited=1", status_code=303)


@router.post("/invites/{code}/accept")
async def accept_invite(code: str, user: CurrentUser, session: SessionDep) -> Response:
    org = await invites_service.accept(session, user, code)
    if org is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, "This invitation has expired or was already used.")
    return RedirectResponse("/dashboard", status_code=303)
