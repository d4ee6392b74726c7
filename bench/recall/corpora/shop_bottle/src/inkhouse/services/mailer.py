"""Outgoing e-mail (order confirmations, password resets, staff alerts)."""
import logging
import smtplib
import ssl
from email.message import EmailMessage
from email.utils import make_msgid

from jinja2 import Environment, FileSystemLoader

from .. import settings
from ..helpers import format_money

log = logging.getLogger(__name__)

_env = Environment(
    loader=FileSystemLoader(str(settings.TEMPLATE_DIR)),
    trim_blocks=True,
    lstrip_blocks=True,
)
_env.filters["money"] = format_money

_config = {
    "host": "localhost",
    "port": 1025,
    "username": "",
    "use_tls": False,
    "sender": "Inkhouse Print Studio <hello@inkhouse.studio>",
}


def configure(config):
    _config.update({
        "host": config.get("mail.host", _config["host"]),
        "port": settings.as_int(config.get("mail.port"), _config["port"]),
        "username": config.get("mail.username", ""),
        "use_tls": settings.as_bool(config.get("mail.use_tls")),
        "sender": config.get("mail.sender", _config["sender"]),
    })
    _env.globals["site_url"] = config.get("app.base_url", "")
    _env.globals["support_email"] = config.get("app.support_email", "")


def render(template_name, **context):
    return _env.get_template(template_name).render(**context)


def send(to, subject, html_body, reply_to=None):
    message = EmailMessage()
    message["From"] = _config["sender"]
    message["To"] = to
    message["Subject"] = subject
    message["Message-ID"] = make_msgid(domain="inkhouse.studio")
    if reply_to:
        message["Reply-To"] = reply_to
    message.set_content("This message is best viewed in an HTML capable mail client.")
    message.add_alternative(html_body, subtype="html")

    try:
        with smtplib.SMTP(_config["host"], _config["port"], timeout=10) as smtp:
            if _config["use_tls"]:
                smtp.starttls(context=ssl.create_default_context())
            if _config["username"]:
                smtp.login(_config["username"], settings.SMTP_PASSWORD)
            smtp.send_message(message)
    except (OSError, smtplib.SMTPException):
        log.exception("Could not send %r", subject)
        return False
    return True


def send_template(to, subject, template_name, **context):
    return send(to, subject, render(template_name, **context))
