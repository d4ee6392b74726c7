import random
import string
from datetime import datetime, timedelta, timezone

from tortoise.expressions import F
from tortoise.transactions import in_transaction

from app.core.errors import DomainError
from app.models import Course, Enrollment, Invite, User

INVITE_ALPHABET = string.ascii_uppercase + string.digits
INVITE_LENGTH = 8


def _generate_code(length: int = INVITE_LENGTH) -> str:
    return "".join(random.choices(INVITE_ALPHABET, k=length))


async def create_invite(course: Course, created_by: User, *, max_uses: int = 30, days_valid: int = 14) -> Invite:
    code = _generate_code()
    while await Invite.filter(code=code).exists():
        code = _generate_code()
    return await Invite.create(
        course=course,
        created_by=created_by,
        code=code,
        max_uses=max_uses,
        expires_at=datetime.now(timezone.utc) + timedelta(days=days_valid),
    )


async def redeem_invite(code: str, student: User) -> Enrollment:
    async with in_transaction():
        invite = await Invite.select_for_update().get_or_none(code=code.strip().upper())
        if invite is None or invite.expires_at < datetime.now(timezone.utc) or invite.uses >= invite.max_uses:
            raise DomainError("This invite code is not valid")
        enrollment, created = await Enrollment.get_or_create(student=student, course_id=invite.course_id)
        if created:
            await Invite.filter(id=invite.id).update(uses=F("uses") + 1)
        return enrollment
