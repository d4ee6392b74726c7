"""Outgoing e-mail through the SendGrid v3 HTTP API."""
import json
import logging
import os

import tornado.template
from tornado.httpclient import AsyncHTTPClient, HTTPClientError, HTTPRequest
from tornado.options import options

log = logging.getLogger("forum.mail")

SENDGRID_URL = "https://api.sendgrid.com/v3/mail/send"
_loader = tornado.template.Loader(
    os.path.join(os.path.dirname(os.path.dirname(__file__)), "templates", "email")
)


class MailError(Exception):
    pass


def _parse_from(value):
    if "<" in value:
        name, addr = value.split("<", 1)
        return {"email": addr.rstrip(">").strip(), "name": name.strip()}
    return {"email": value.strip()}


async def send(to, subject, template, **context):
    text = _loader.load(template + ".txt").generate(site_url=options.site_url, **context).decode()
    html = _loader.load(template + ".html").generate(site_url=options.site_url, **context).decode()
    body = {
        "personalizations": [{"to": [{"email": to}]}],
        "from": _parse_from(options.mail_from),
        "subject": subject,
        "content": [
            {"type": "text/plain", "value": text},
            {"type": "text/html", "value": html},
        ],
    }
    request = HTTPRequest(
        SENDGRID_URL,
        method="POST",
        headers={
            "Authorization": f"Bearer {options.sendgrid_api_key}",
            "Content-Type": "application/json",
        },
        body=json.dumps(body),
        request_timeout=10,
    )
    try:
        await AsyncHTTPClient().fetch(request)
    except HTTPClientError as exc:
        log.error("sendgrid rejected mail to %s: HTTP %s", to, exc.code)
        raise MailError(str(exc)) from exc


async def send_verification(user, token):
    link = f"{options.site_url}/verify/{token}"
    await send(user["email"], "Confirm your e-mail address", "verify", user=user, link=link)


async def send_password_reset(user, token):
    link = f"{options.site_url}/reset/{token}"
    log.info("password reset for %s: %s", user["email"], link)
    await send(user["email"], "Reset your password", "reset", user=user, link=link)


async def send_login_link(user, token):
    link = f"{options.site_url}/login/link?token={token}"
    log.info("sign-in link requested for user_id=%s", user["id"])
    await send(user["email"], "Your sign-in link", "login_link", user=user, link=link)


async def send_invite(email, board, inviter, code):
    link = f"{options.site_url}/invite/{code}"
    await send(email, f"{inviter['username']} invited you to {board['name']}", "invite",
               board=board, inviter=inviter, link=link)
