"""Litestar admin dashboard: workload reports and agent management."""
import os
import random
from pathlib import Path

import asyncpg
from litestar import Litestar, Request, get, post
from litestar.config.csrf import CSRFConfig
from litestar.contrib.jinja import JinjaTemplateEngine
from litestar.exceptions import NotAuthorizedException
from litestar.middleware.session.client_side import CookieBackendConfig
from litestar.response import Redirect, Template
from litestar.template.config import TemplateConfig

from . import config, queries


def require_admin(request: Request) -> str:
    email = (request.headers.get(config.IDENTITY_HEADER) or "").lower()
    if email not in config.ADMIN_EMAILS:
        raise NotAuthorizedException("admins only")
    return email


@get("/")
async def dashboard(request: Request, team: str | None = None, since: str | None = None) -> Template:
    require_admin(request)
    workload = await queries.agent_workload(team=team, since=since)
    closed = await queries.qa_sample()
    sample = random.sample(closed, k=min(10, len(closed)))
    return Template(
        template_name="dashboard.html",
        context={
            "numbers": await queries.headline_numbers(),
            "workload": workload,
            "slowest": await queries.slowest_tickets(),
            "qa_sample": sample,
            "team": team,
            "flash": request.session.pop("flash", None),
        },
    )


@post("/agents/{agent_id:int}/deactivate")
async def deactivate_agent(request: Request, agent_id: int) -> Redirect:
    actor = require_admin(request)
    conn = await asyncpg.connect(os.environ["DATABASE_URL"])
    try:
        await conn.execute(
            "UPDATE users SET is_active = false, deactivated_by = $2 WHERE id = $1 AND role = 'agent'",
            agent_id,
            actor,
        )
    finally:
        await conn.close()
    request.session["flash"] = f"Agent {agent_id} deactivated"
    return Redirect(path="/")


session_config = CookieBackendConfig(
    secret=config.SESSION_SECRET,
    key="helpdesk_admin",
    secure=True,
    httponly=True,
    samesite="strict",
)

app = Litestar(
    route_handlers=[dashboard, deactivate_agent],
    middleware=[session_config.middleware],
    csrf_config=CSRFConfig(secret=config.CSRF_SECRET, cookie_secure=True, cookie_samesite="strict"),
    template_config=TemplateConfig(
        directory=Path(__file__).parent / "templates", engine=JinjaTemplateEngine
    ),
    debug=config.DEBUG,
)
