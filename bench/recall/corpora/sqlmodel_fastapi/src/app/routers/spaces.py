import hashlib

from fastapi import APIRouter, HTTPException, Query, Request, Response, status
from fastapi.responses import HTMLResponse

from app.db import SessionDep
from app.deps import HostUser
from app.models import Space
from app.repositories import spaces as spaces_repo
from app.schemas import SpaceCreate, SpaceRead
from app.services import space_service
from app.templating import templates

router = APIRouter(prefix="/spaces", tags=["spaces"])
public_router = APIRouter(tags=["public"])


@router.get("", response_model=list[SpaceRead])
async def search_spaces(
    session: SessionDep,
    city: str | None = None,
    min_capacity: int | None = Query(default=None, ge=1),
    amenity: str | None = None,
    limit: int = Query(default=20, le=100),
    offset: int = Query(default=0, ge=0),
) -> list[Space]:
    return await spaces_repo.search(
        session, city=city, min_capacity=min_capacity, amenity=amenity, limit=limit, offset=offset
    )


@router.get("/lookup", response_model=list[SpaceRead])
async def lookup(session: SessionDep, q: str = Query(min_length=2, max_length=60)) -> list[Space]:
    return await spaces_repo.find_by_name(session, q)


@router.get("/mine", response_model=list[SpaceRead])
async def my_spaces(host: HostUser, session: SessionDep, sort: str = "name") -> list[Space]:
    return await spaces_repo.list_for_host(session, host.id, sort=sort)


@router.post("", response_model=SpaceRead, status_code=status.HTTP_201_CREATED)
async def create_space(body: SpaceCreate, host: HostUser, session: SessionDep) -> Space:
    slug_base = "-".join(body.name.lower().split())[:120]
    space = Space(host_id=host.id, slug=slug_base, **body.model_dump())
    return await spaces_repo.add(session, space)


@public_router.get("/s/{slug}", response_class=HTMLResponse, include_in_schema=False)
async def public_space_page(slug: str, request: Request, session: SessionDep) -> Response:
    space = await spaces_repo.get_by_slug(session, slug)
    if space is None:
        raise HTTPException(status_code=404)
    nearby = await space_service.featured_nearby(session, space)
    response = templates.TemplateResponse(
        request, "space_public.html", space_service.page_context(space, nearby)
    )
    etag = hashlib.md5(response.body, usedforsecurity=False).hexdigest()
    response.headers["ETag"] = f'"{etag}"'
    response.headers["Cache-Control"] = "public, max-age=120"
    return response


@public_router.post("/preferences/theme", include_in_schema=False)
async def set_theme(theme: str = Query(pattern="^(light|dark|system)$")) -> Response:
    response = Response(status_code=status.HTTP_204_NO_CONTENT)
    response.set_cookie("cwk_theme", theme, max_age=365 * 24 * 3600)
    return response
