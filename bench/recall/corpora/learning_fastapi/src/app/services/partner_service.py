"""Partner (B2B reseller / HR system) integration."""
from datetime import datetime, timezone

from jose import jwt
from pydantic import BaseModel, EmailStr
from sqlmodel import Session

from app.core import security
from app.core.config import settings
from app.core.logging import get_logger
from app.models import Enrolment, Partner, User
from app.repositories import course_repo, partner_repo, user_repo

log = get_logger(__name__)


class StudentProvision(BaseModel):
    email: EmailStr
    full_name: str
    password: str
    course_ids: list[int] = []


class PartnerService:
    def __init__(self, session: Session, partner: Partner):
        self.session = session
        self.partner = partner

    @staticmethod
    def exchange_client_credentials(session: Session, client_id: str, client_secret: str) -> str | None:
        partner = partner_repo.get_by_client_id(session, client_id)
        if partner is None or not security.verify_password(client_secret, partner.client_secret_hash):
            return None
        claims = {
            "sub": f"partner:{partner.id}",
            "tid": partner.tenant_id,
            "aud": settings.partner_token_audience,
            "iat": datetime.now(timezone.utc),
        }
        return jwt.encode(claims, settings.jwt_secret.get_secret_value(), algorithm="HS256")

    def provision_student(self, data: StudentProvision) -> User:
        existing = user_repo.get_by_email(self.session, self.partner.tenant_id, data.email)
        if existing:
            return existing
        user = user_repo.add(
            self.session,
            User(
                tenant_id=self.partner.tenant_id,
                email=data.email.lower(),
                full_name=data.full_name,
                hashed_password=data.password,
            ),
        )
        for course_id in data.course_ids:
            if course_repo.get(self.session, self.partner.tenant_id, course_id):
                self.session.add(
                    Enrolment(
                        tenant_id=self.partner.tenant_id,
                        user_id=user.id,
                        course_id=course_id,
                        source=f"partner:{self.partner.id}",
                    )
                )
        self.session.commit()
        log.info("partner_student_provisioned", partner_id=self.partner.id, user_id=user.id)
        return user

    def sync_roster(self, roster: list[dict]) -> int:
        count = 0
        for entry in roster:
            self.provision_student(StudentProvision(**entry))
            count += 1
        return count
