from fastapi import APIRouter, BackgroundTasks, Depends, Form, Request
from fastapi.responses import RedirectResponse, Response
from pydantic import EmailStr, TypeAdapter, ValidationError
from sqlalchemy.ext.asyncio import AsyncSession

from app.core.config import settings
from app.core.rate_limit import limiter
from app.db import get_async_session
from app.models import User
from app.services.email import invite_message, mailer
from app.services.team import ROLES, TeamService
from app.web.pages import page_user
from app.web.templating import render

router = APIRouter(prefix="/team", tags=["web"], include_in_schema=False)

_email_adapter = TypeAdapter(EmailStr)


@router.get("")
async def team_page(
    request: Request,
    user: User = Depends(page_user),
    session: AsyncSession = Depends(get_async_session),
) -> Response:
    service = TeamService(session)
    return render(
        request,
        "team/index.html",
        {
            "user": user,
            "members": await service.members(user.organization_id),
            "invites": await service.pending_invites(user.organization_id),
            "roles": ROLES,
        },
    )


@router.post("/invites")
@limiter.limit("20/hour")
async def invite_member(
    request: Request,
    background_tasks: BackgroundTasks,
    email: str = Form(...),
    role: str = Form("member"),
    user: User = Depends(page_user),
    session: AsyncSession = Depends(get_async_session),
) -> Response:
    service = TeamService(session)
    try:
        address = _email_adapter.validate_python(email)
    except ValidationError:
        return render(
            request,
            "team/index.html",
            {
                "user": user,
                "members": await service.members(user.organization_id),
                "invites": await service.pending_invites(user.organization_id),
                "roles": ROLES,
                "error": "Please enter a valid e-mail address.",
            },
            status_code=422,
        )

    invite = await service.invite(user, address, role)
    background_tasks.add_task(
        mailer.send,
        invite_message(
            invite.email,
            user.organization.name,
            user.full_name or user.email,
            f"{settings.base_url}/register?invite={invite.token}",
        ),
    )
    return RedirectResponse("/team", status_code=303)
