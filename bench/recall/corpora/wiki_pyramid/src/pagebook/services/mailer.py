"""Outgoing e-mail (password resets, page change notifications)."""
import logging
import random
import smtplib
import time
from email.message import EmailMessage
from email.utils import make_msgid

from jinja2 import Environment, PackageLoader
from pyramid.settings import asbool

log = logging.getLogger(__name__)

_templates = Environment(
    loader=PackageLoader("pagebook", "templates/email"),
    trim_blocks=True,
    lstrip_blocks=True,
)


def render(template_name, **context):
    return _templates.get_template(template_name).render(**context)


class Mailer:
    def __init__(self, settings):
        self.host = settings.get("mail.host", "localhost")
        self.port = int(settings.get("mail.port", 25))
        self.username = settings.get("mail.username")
        self.password = settings.get("mail.password")
        self.use_tls = asbool(settings.get("mail.use_tls", False))
        self.sender = settings.get("mail.sender", "pagebook <pagebook@localhost>")
        self.max_attempts = int(settings.get("mail.max_attempts", 3))

    def _deliver(self, message):
        with smtplib.SMTP(self.host, self.port, timeout=15) as smtp:
            if self.use_tls:
                smtp.starttls()
            if self.username:
                smtp.login(self.username, self.password or "")
            smtp.send_message(message)

    def send(self, to, subject, html):
        message = EmailMessage()
        message["From"] = self.sender
        message["To"] = to
        message["Subject"] = subject
        message["Message-ID"] = make_msgid(domain="pagebook")
        message.set_content("This message requires an HTML capable mail client.")
        message.add_alternative(html, subtype="html")

        for attempt in range(1, self.max_attempts + 1):
            try:
                self._deliver(message)
                return True
            except (smtplib.SMTPException, OSError) as exc:
                if attempt == self.max_attempts:
                    log.error("giving up on mail to %s after %d attempts: %s", to, attempt, exc)
                    return False
                # exponential backoff with a little jitter so workers don't retry in lockstep
                delay = min(30, 2 ** attempt) + random.uniform(0, 1)
                log.warning("mail to %s failed (%s), retrying in %.1fs", to, exc, delay)
                time.sleep(delay)
        return False


def send_reset_email(request, user, reset_url):
    html = render("reset_password.html", user=user, reset_url=reset_url)
    return Mailer(request.registry.settings).send(user.email, "Reset your pagebook password", html)


def send_page_changed(request, page, revision, recipients):
    if not recipients:
        return 0
    page_url = request.route_url("page", space=page.space.key, slug=page.slug)
    history_url = request.route_url("page_history", space=page.space.key, slug=page.slug)
    mailer = Mailer(request.registry.settings)
    sent = 0
    for user in recipients:
        html = render(
            "page_changed.html",
            user=user,
            page=page,
            revision=revision,
            page_url=page_url,
            history_url=history_url,
        )
        if mailer.send(user.email, f"[{page.space.name}] {page.title} was updated", html):
            sent += 1
    return sent
