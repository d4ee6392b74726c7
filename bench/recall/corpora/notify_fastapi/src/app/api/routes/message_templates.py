from fastapi import APIRouter, HTTPException
from sqlalchemy import select

from app.api.deps import ApiClientDep, DbSession
from app.models import MessageTemplate
from app.schemas import RenderRequest, TemplateCreate, TemplatePublic, TemplateUpdate
from app.services import rendering

router = APIRouter(prefix="/templates", tags=["templates"])


async def _get_template(session: DbSession, client: ApiClientDep, template_id: int) -> MessageTemplate:
    tpl = await session.get(MessageTemplate, template_id)
    if tpl is None or tpl.client_id != client.id:
        raise HTTPException(status_code=404, detail="Template not found")
    return tpl


@router.get("/", response_model=list[TemplatePublic])
async def list_templates(session: DbSession, client: ApiClientDep) -> list[MessageTemplate]:
    stmt = select(MessageTemplate).where(MessageTemplate.client_id == client.id).order_by(MessageTemplate.name)
    return list((await session.scalars(stmt)).all())


@router.post("/", response_model=TemplatePublic, status_code=201)
async def create_template(session: DbSession, client: ApiClientDep, body: TemplateCreate) -> MessageTemplate:
    tpl = MessageTemplate(client_id=client.id, **body.model_dump())
    session.add(tpl)
    await session.commit()
    await session.refresh(tpl)
    return tpl


@router.patch("/{template_id}", response_model=TemplatePublic)
async def update_template(
    session: DbSession, client: ApiClientDep, template_id: int, body: TemplateUpdate
) -> MessageTemplate:
    tpl = await _get_template(session, client, template_id)
    for field, value in body.model_dump(exclude_unset=True).items():
        setattr(tpl, field, value)
    await session.commit()
    await session.refresh(tpl)
    return tpl


@router.post("/{template_id}/render")
async def render_template(
    session: DbSession, client: ApiClientDep, template_id: int, body: RenderRequest
) -> rendering.RenderedMessage:
    tpl = await _get_template(session, client, template_id)
    try:
        return rendering.render_message(tpl, body.data)
    except rendering.RenderError as exc:
        raise HTTPException(status_code=422, detail=str(exc))
