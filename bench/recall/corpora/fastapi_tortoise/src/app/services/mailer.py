from email.message import EmailMessage

import aiosmtplib
from jinja2 import Environment, PackageLoader, select_autoescape
from loguru import logger

from app.core.config import Settings, settings

_env = Environment(loader=PackageLoader("app", "templates/emails"), autoescape=select_autoescape(["html", "xml"]))


class Mailer:
    def __init__(self, config: Settings = settings) -> None:
        self.config = config

    def _link(self, path: str) -> str:
        return f"{self.config.public_base_url.rstrip('/')}{path}"

    async def _send(self, to: str, subject: str, template: str, **context) -> None:
        html = _env.get_template(template).render(app_name=self.config.app_name, **context)
        message = EmailMessage()
        message["From"] = self.config.mail_from
        message["To"] = to
        message["Subject"] = subject
        message.set_content("This message requires an HTML-capable mail client.")
        message.add_alternative(html, subtype="html")
        password = self.config.smtp_password.get_secret_value() or None
        try:
            await aiosmtplib.send(
                message,
                hostname=self.config.smtp_host,
                port=self.config.smtp_port,
                username=self.config.smtp_user or None,
                password=password,
                start_tls=self.config.smtp_port == 587,
            )
        except aiosmtplib.SMTPException:
            logger.exception("could not deliver '{}' mail", subject)

    async def send_welcome(self, email: str, full_name: str) -> None:
        await self._send(email, "Welcome to Lingua Campus", "welcome.html", full_name=full_name)

    async def send_password_reset(self, email: str, token: str) -> None:
        reset_link = self._link(f"/reset-password?token={token}")
        logger.debug("password reset requested for {}, link {}", email, reset_link)
        await self._send(email, "Reset your password", "password_reset.html", reset_link=reset_link)

    async def send_magic_link(self, email: str, token: str) -> None:
        login_link = self._link(f"/auth/magic?token={token}")
        logger.info("magic login link issued for {}", email)
        await self._send(email, "Your sign-in link", "magic_link.html", login_link=login_link)

    async def send_lesson_starting(self, emails: list[str], course_title: str, lesson_title: str) -> None:
        for email in emails:
            await self._send(
                email,
                f"{course_title}: class is starting",
                "lesson_starting.html",
                course_title=course_title,
                lesson_title=lesson_title,
            )


mailer = Mailer()
