import random
import string

from itsdangerous import BadSignature, SignatureExpired, URLSafeTimedSerializer
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from app.core.config import settings
from app.models import Invitation, Tenant
from app.services import mailer

_ALPHABET = string.ascii_uppercase + string.digits
_serializer = URLSafeTimedSerializer(settings.SESSION_SECRET_KEY, salt=settings.INVITE_LINK_SALT)


def generate_invite_code(length: int = 8) -> str:
    # Short enough to read out over the phone to tenants without e-mail.
    return "".join(random.choices(_ALPHABET, k=length))


def build_invite_link(invitation: Invitation) -> str:
    token = _serializer.dumps({"invitation_id": invitation.id, "code": invitation.code})
    return f"{settings.PORTAL_BASE_URL}/portal/register?token={token}"


def load_invite_token(token: str) -> dict | None:
    try:
        return _serializer.loads(token, max_age=settings.INVITE_LINK_MAX_AGE)
    except (BadSignature, SignatureExpired):
        return None


async def create_invitation(session: AsyncSession, tenant: Tenant) -> Invitation:
    invitation = Invitation(tenant_id=tenant.id, email=tenant.email, code=generate_invite_code())
    session.add(invitation)
    await session.commit()
    await session.refresh(invitation)
    return invitation


async def send_invitation(invitation: Invitation, tenant: Tenant) -> None:
    await mailer.send_html(
        to=invitation.email,
        subject="Your Harbor tenant portal invitation",
        template_name="invite.html",
        tenant_name=tenant.full_name,
        link=build_invite_link(invitation),
        code=invitation.code,
    )


async def resolve(session: AsyncSession, *, token: str | None, code: str | None) -> Invitation | None:
    if token:
        data = load_invite_token(token)
        if data is None:
            return None
        code = data["code"]
    if not code:
        return None
    result = await session.execute(
        select(Invitation).where(Invitation.code == code.upper(), Invitation.status == "pending")
    )
    return result.scalar_one_or_none()
