"""Functions scheduled through FastAPI ``BackgroundTasks``."""
from app.core.config import settings
from app.core.logging import get_logger
from app.db.session import engine
from app.services import webhook_service
from app.services.mailer import mailer
from sqlmodel import Session

log = get_logger(__name__)


def send_password_reset_email(email: str, token: str) -> None:
    link = f"{settings.public_base_url}reset-password?token={token}"
    mailer.send(
        to=email,
        subject="Reset your LearnHub password",
        html=f'<p>Use <a href="{link}">this link</a> within two hours to choose a new password.</p>',
    )


def send_invite_email(invite: dict) -> None:
    mailer.send(
        to=invite["email"],
        subject="You're invited to teach on LearnHub",
        html=f'<p><a href="{invite["link"]}">Accept your invitation</a></p>',
    )


def dispatch_webhooks(tenant_id: int, event: str, data: dict) -> None:
    with Session(engine) as session:
        webhook_service.fan_out(session, tenant_id, event, data)
