"""Public unsubscribe pages linked from the footer of every email."""
import html

from fastapi import APIRouter, Query
from fastapi.responses import HTMLResponse

from app import crud
from app.api.deps import DbSession
from app.core import security

router = APIRouter(tags=["unsubscribe"], include_in_schema=False)

INVALID_LINK = "<html><body><p>This link is invalid. Please use the link from your latest email.</p></body></html>"


@router.get("/unsubscribe", response_class=HTMLResponse)
async def unsubscribe(session: DbSession, token: str, topic: str = Query("all")) -> HTMLResponse:
    data = security.read_unsubscribe_token(token)
    if data is None:
        return HTMLResponse(INVALID_LINK, status_code=400)
    await crud.opt_out(session, int(data["sub"]), data.get("topic", topic))
    page = (
        "<html><head><title>Unsubscribed</title></head><body>"
        "<h2>You're unsubscribed</h2>"
        "<p>You will no longer receive <strong>" + topic + "</strong> notifications from us.</p>"
        "</body></html>"
    )
    return HTMLResponse(page)


@router.get("/unsubscribe/undo", response_class=HTMLResponse)
async def undo_unsubscribe(session: DbSession, token: str, topic: str = Query("all")) -> HTMLResponse:
    data = security.read_unsubscribe_token(token)
    if data is None:
        return HTMLResponse(INVALID_LINK, status_code=400)
    await crud.opt_in(session, int(data["sub"]), data.get("topic", topic))
    topic_label = html.escape(topic)
    return HTMLResponse(f"<html><body><p>Welcome back! <b>{topic_label}</b> notifications are on again.</p></body></html>")
