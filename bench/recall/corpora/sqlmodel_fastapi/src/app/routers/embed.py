"""Booking widget that partner sites drop into their pages."""
import html

from fastapi import APIRouter, HTTPException
from fastapi.responses import HTMLResponse

from app.core.config import settings
from app.db import SessionDep
from app.repositories import spaces as spaces_repo

router = APIRouter(prefix="/embed", tags=["embed"], include_in_schema=False)

WIDGET_CSS = (
    ".cwk-widget{font-family:system-ui;padding:12px;border-radius:8px;border:1px solid #ddd}"
    ".cwk-widget a{color:var(--accent);font-weight:600;text-decoration:none}"
)


def _widget_html(space_name: str, url: str, accent: str, label: str) -> str:
    return (
        f"<style>{WIDGET_CSS}</style>"
        f'<div class="cwk-widget" style="--accent:{accent}">'
        f"<strong>{html.escape(space_name)}</strong><br>"
        f'<a href="{url}" target="_blank" rel="noopener">{label}</a>'
        "</div>"
    )


@router.get("/{slug}", response_class=HTMLResponse)
async def widget(slug: str, session: SessionDep, accent: str = "#0f766e", label: str = "Book a desk"):
    space = await spaces_repo.get_by_slug(session, slug)
    if space is None:
        raise HTTPException(status_code=404)
    url = f"{settings.PUBLIC_BASE_URL}/s/{space.slug}?utm_source=widget"
    return HTMLResponse(_widget_html(space.name, url, accent, label))


@router.get("/{slug}/badge", response_class=HTMLResponse)
async def badge(slug: str, ref: str = "") -> HTMLResponse:
    safe_slug = html.escape(slug, quote=True)
    safe_ref = html.escape(ref, quote=True)
    return HTMLResponse(
        f'<a class="cwk-badge" href="{settings.PUBLIC_BASE_URL}/s/{safe_slug}?ref={safe_ref}">'
        "Bookable on Coworkly</a>"
    )
