import logging
from typing import Annotated

from fastapi import APIRouter, BackgroundTasks, Depends, HTTPException, status
from pydantic import BaseModel, Field
from sqlmodel import select

from app.api.deps import CurrentUser, SessionDep, project_access
from app.models import ApiKey, Project, Role
from app.models.project import ApiKeyRead, ProjectCreate, ProjectRead, ProjectUpdate
from app.schemas.auth import InviteCreate
from app.services import api_keys, invites, mailer, projects

logger = logging.getLogger(__name__)

router = APIRouter(prefix="/api/projects", tags=["projects"])

AdminProject = Annotated[Project, Depends(project_access(Role.admin))]


class ApiKeyCreate(BaseModel):
    name: str = Field(min_length=1, max_length=80)


class ApiKeyCreated(ApiKeyRead):
    key: str


@router.get("", response_model=list[ProjectRead])
async def list_projects(user: CurrentUser, session: SessionDep):
    return await projects.projects_for_user(session, user)


@router.post("", response_model=ProjectRead, status_code=status.HTTP_201_CREATED)
async def create_project(data: ProjectCreate, user: CurrentUser, session: SessionDep):
    return await projects.create_project(session, data, user)


@router.patch("/{project_id}", response_model=ProjectRead)
async def update_project(data: ProjectUpdate, project: AdminProject, session: SessionDep):
    return await projects.update_project(session, project, data)


@router.get("/{project_id}/keys", response_model=list[ApiKeyRead])
async def list_keys(project: AdminProject, session: SessionDep):
    return await api_keys.list_keys(session, project.id)


@router.post(
    "/{project_id}/keys", response_model=ApiKeyCreated, status_code=status.HTTP_201_CREATED
)
async def create_key(
    body: ApiKeyCreate, project: AdminProject, user: CurrentUser, session: SessionDep
):
    key, raw = await api_keys.create_api_key(session, project.id, body.name, user.id)
    return ApiKeyCreated(**key.model_dump(), key=raw)


@router.delete("/{project_id}/keys/{key_id}", status_code=status.HTTP_204_NO_CONTENT)
async def revoke_key(key_id: int, project: AdminProject, session: SessionDep) -> None:
    key = (
        await session.exec(
            select(ApiKey).where(ApiKey.id == key_id, ApiKey.project_id == project.id)
        )
    ).first()
    if key is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, "Key not found")
    await api_keys.revoke(session, key)


@router.post("/{project_id}/invites", status_code=status.HTTP_201_CREATED)
async def invite_member(
    body: InviteCreate,
    project: AdminProject,
    user: CurrentUser,
    session: SessionDep,
    background_tasks: BackgroundTasks,
) -> dict[str, str]:
    invite = await invites.create_invite(session, project, body.email, Role(body.role), user)
    background_tasks.add_task(
        mailer.send_invite,
        invite.email,
        project.name,
        user.full_name or user.email,
        invites.invite_url(invite),
    )
    return {"status": "invited", "email": invite.email}

