from pathlib import Path

from fastapi_mail import ConnectionConfig, FastMail, MessageSchema, MessageType
from jinja2 import Environment, FileSystemLoader

from app.core.config import settings

TEMPLATE_DIR = Path(__file__).resolve().parent.parent / "templates" / "email"

_conf = ConnectionConfig(
    MAIL_USERNAME=settings.MAIL_USERNAME,
    MAIL_PASSWORD=settings.MAIL_PASSWORD,
    MAIL_FROM=settings.MAIL_FROM,
    MAIL_PORT=settings.MAIL_PORT,
    MAIL_SERVER=settings.MAIL_SERVER,
    MAIL_STARTTLS=True,
    MAIL_SSL_TLS=False,
    USE_CREDENTIALS=bool(settings.MAIL_USERNAME),
)

_mail = FastMail(_conf)
_env = Environment(loader=FileSystemLoader(TEMPLATE_DIR))


def render(template_name: str, **context) -> str:
    return _env.get_template(template_name).render(**context)


async def send_html(to: str, subject: str, template_name: str, **context) -> None:
    message = MessageSchema(
        subject=subject,
        recipients=[to],
        body=render(template_name, **context),
        subtype=MessageType.html,
    )
    await _mail.send_message(message)
