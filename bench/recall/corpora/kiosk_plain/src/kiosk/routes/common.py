"""Small helpers used by the route modules."""
import json

from bottle import HTTPResponse, request

from kiosk import templates
from kiosk.auth import current_user
from kiosk.csrf import csrf_token
from kiosk.sessions import get_session, save_session


def flash(message):
    session = get_session()
    session["flash"] = message
    save_session(session)


def pop_flash():
    session = get_session()
    message = session.get("flash")
    if message:
        del session["flash"]
        save_session(session)
    return message


def page(tpl, title, **context):
    return templates.render(
        tpl,
        title,
        user=current_user(),
        csrf_token=csrf_token(),
        flash=pop_flash(),
        **context
    )


def json_error(status, message, **extra):
    body = {"error": message}
    body.update(extra)
    return HTTPResponse(status=status, body=json.dumps(body), headers={"Content-Type": "application/json"})


def json_body():
    try:
        data = request.json
    except ValueError:
        data = None
    return data if isinstance(data, dict) else {}


def safe_next(url, default="/"):
    if not url or not url.startswith("/") or url.startswith("//"):
        return default
    return url
