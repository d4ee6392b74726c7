import html

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse
from sqlmodel import update

from app.api.deps import PoolDep, SessionDep
from app.core.templating import templates
from app.models import User
from app.services import mailer, projects, rollups
from app.utils.timeutil import resolve_range

router = APIRouter(tags=["public"])

PAGE = """<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>{title} · Pulse</title>
<link rel="stylesheet" href="/static/app.css"></head>
<body class="plain"><main class="card">{body}</main></body>
</html>"""


def _page(title: str, body: str) -> str:
    return PAGE.format(title=title, body=body)


@router.get("/share/{share_slug}", response_class=HTMLResponse)
async def shared_dashboard(
    request: Request, share_slug: str, session: SessionDep, pool: PoolDep
):
    project = await projects.get_by_share_slug(session, share_slug)
    if project is None:
        body = (
            "<h1>Dashboard not found</h1>"
            f"<p>No shared dashboard called <code>{html.escape(share_slug)}</code>. "
            "The link may have been rotated by the owner.</p>"
        )
        return HTMLResponse(_page("Not found", body), status_code=404)

    start, end = resolve_range("7d", None, None)
    top = await rollups.top_events(pool, project.id, start, end, limit=8)
    return templates.TemplateResponse(
        request,
        "share/dashboard.html",
        {"project": project, "top_events": [dict(r) for r in top], "start": start, "end": end},
    )


@router.get("/email/unsubscribe", response_class=HTMLResponse)
async def unsubscribe(email: str, sig: str, session: SessionDep):
    if not mailer.verify_unsubscribe(email, sig):
        return HTMLResponse(
            _page(
                "Link expired",
                f"<h1>Link expired</h1><p>The unsubscribe link for {email} is no longer valid. "
                "You can change e-mail preferences from your account page.</p>",
            ),
            status_code=400,
        )
    await session.exec(
        update(User).where(User.email == email.lower()).values(email_reports=False)
    )
    await session.commit()
    return HTMLResponse(
        _page("Unsubscribed", "<h1>Done</h1><p>You will no longer receive weekly reports.</p>")
    )
