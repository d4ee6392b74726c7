"""Public certificate pages (linked from e-mails and LinkedIn)."""
from pathlib import Path

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates
from markupsafe import escape

from app.api.deps import SessionDep, TenantDep
from app.services.certificate_service import certificate_context
from app.utils.html import badge_snippet

router = APIRouter(prefix="/certificates", tags=["certificates"])
templates = Jinja2Templates(directory=str(Path(__file__).resolve().parents[2] / "templates"))


@router.get("/badge", response_class=HTMLResponse)
def badge_preview(name: str = Query(...), course: str = Query(...)):
    """Embeddable badge preview used by the share dialog."""
    html = badge_snippet(name, course)
    return HTMLResponse(content=html)


@router.get("/{code}", response_class=HTMLResponse)
def show_certificate(code: str, request: Request, session: SessionDep, tenant: TenantDep):
    context = certificate_context(session, tenant, code)
    if context is None:
        body = f"<h1>Certificate not found</h1><p>No certificate matches <code>{escape(code)}</code>.</p>"
        return HTMLResponse(body, status_code=404)
    return templates.TemplateResponse(request, "certificate.html", context)
