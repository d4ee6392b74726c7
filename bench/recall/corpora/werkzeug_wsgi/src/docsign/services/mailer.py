import logging
import smtplib
from email.message import EmailMessage

from jinja2 import Environment, PackageLoader

log = logging.getLogger(__name__)


class Mailer:
    def __init__(self, config):
        self.config = config
        self.env = Environment(
            loader=PackageLoader("docsign", "templates/email"),
            trim_blocks=True,
            lstrip_blocks=True,
        )

    def render(self, template_name, **context):
        context.setdefault("app_name", self.config.APP_NAME)
        return self.env.get_template(template_name).render(**context)

    def send(self, to, subject, template_name, **context):
        html = self.render(template_name, **context)
        message = EmailMessage()
        message["From"] = self.config.MAIL_FROM
        message["To"] = to
        message["Subject"] = subject
        message.set_content("This message requires an HTML-capable mail client.")
        message.add_alternative(html, subtype="html")

        if self.config.TESTING:
            self.outbox.append(message)
            return
        with smtplib.SMTP(self.config.SMTP_HOST, self.config.SMTP_PORT, timeout=10) as smtp:
            if self.config.SMTP_STARTTLS:
                smtp.starttls()
            if self.config.SMTP_USER:
                smtp.login(self.config.SMTP_USER, self.config.SMTP_PASSWORD)
            smtp.send_message(message)
        log.info("sent %r to %s", subject, to)

    @property
    def outbox(self):
        if not hasattr(self, "_outbox"):
            self._outbox = []
        return self._outbox
