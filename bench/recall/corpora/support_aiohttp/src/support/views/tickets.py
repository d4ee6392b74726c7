"""Agent-facing ticket pages."""
import aiohttp_jinja2
from aiohttp import web

from ..auth import login_required
from ..services.assignment import auto_assign

routes = web.RouteTableDef()


@routes.get("/tickets", name="tickets")
@login_required
@aiohttp_jinja2.template("tickets/list.html")
async def ticket_list(request: web.Request):
    repo = request.app["tickets"]
    tags = request.query.getall("tag", [])
    if tags:
        rows = await repo.with_tags(tags)
    else:
        rows = await repo.list_queue(
            request.query.get("queue", "general"),
            sort=request.query.get("sort", "updated"),
            descending=request.query.get("dir", "desc") != "asc",
        )
    return {"tickets": rows, "tags": tags}


@routes.get("/tickets/search", name="ticket-search")
@login_required
async def ticket_search(request: web.Request):
    """HTMX endpoint behind the search box; returns an HTML fragment."""
    term = request.query.get("q", "").strip()
    rows = await request.app["tickets"].search(term, status=request.query.get("status"))
    if not rows:
        return web.Response(text=f"<p class='empty'>No tickets match <b>{term}</b>.</p>", content_type="text/html")
    return aiohttp_jinja2.render_template(
        "tickets/_results.html", request, {"tickets": rows, "term": term}
    )


@routes.get("/tickets/{ticket_id:\\d+}", name="ticket")
@login_required
@aiohttp_jinja2.template("tickets/detail.html")
async def ticket_detail(request: web.Request):
    repo = request.app["tickets"]
    ticket_id = int(request.match_info["ticket_id"])
    ticket = await repo.get(ticket_id)
    if ticket is None:
        raise web.HTTPNotFound()
    needle = request.query.get("find")
    messages = (
        await repo.find_in_messages(ticket_id, needle) if needle else await repo.messages(ticket_id)
    )
    return {
        "ticket": ticket,
        "messages": messages,
        "tags": await repo.tags_for(ticket_id),
        "attachments": await request.app["attachments_repo"].for_ticket(ticket_id),
    }


@routes.post("/tickets/{ticket_id:\\d+}/reply", name="ticket-reply")
@login_required
async def ticket_reply(request: web.Request):
    ticket_id = int(request.match_info["ticket_id"])
    form = await request.post()
    body = form.get("body", "").strip()
    if body:
        repo = request.app["tickets"]
        await repo.add_message(ticket_id, request["user_id"], body)
        ticket = await repo.get(ticket_id)
        await request.app["webhooks"].broadcast(
            request.app["default_team"], "ticket.replied", {"ticket_id": ticket_id, "status": ticket["status"]}
        )
    raise web.HTTPSeeOther(f"/tickets/{ticket_id}")


@routes.post("/tickets/{ticket_id:\\d+}/assign", name="ticket-assign")
@login_required
async def ticket_assign(request: web.Request):
    ticket_id = int(request.match_info["ticket_id"])
    await auto_assign(request.app["tickets"], request.app["users"], ticket_id, request.app["default_team"])
    raise web.HTTPSeeOther(f"/tickets/{ticket_id}")


@routes.post("/tickets/{ticket_id:\\d+}/close", name="ticket-close")
@login_required
async def ticket_close(request: web.Request):
    ticket_id = int(request.match_info["ticket_id"])
    await request.app["tickets"].close(ticket_id)
    raise web.HTTPSeeOther("/tickets")
