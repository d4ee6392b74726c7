from sqlalchemy import func, select

from ..extensions import db
from ..models import ApiClient, Invite, User


class UserRepository:
    def get(self, user_id: int) -> User | None:
        return db.session.get(User, user_id)

    def by_email(self, email: str) -> User | None:
        stmt = select(User).where(func.lower(User.email) == email.strip().lower())
        return db.session.execute(stmt).scalar_one_or_none()

    def by_badge(self, badge_number: str) -> User | None:
        stmt = select(User).where(User.badge_number == badge_number)
        return db.session.execute(stmt).scalar_one_or_none()

    def technicians_for_depot(self, depot_id: int) -> list[User]:
        stmt = (
            select(User)
            .where(User.depot_id == depot_id, User.role == "technician", User.is_enabled.is_(True))
            .order_by(User.full_name)
        )
        return list(db.session.execute(stmt).scalars())

    def invite_by_code(self, code: str) -> Invite | None:
        stmt = select(Invite).where(Invite.code == code, Invite.used_at.is_(None))
        return db.session.execute(stmt).scalar_one_or_none()

    def client_by_client_id(self, client_id: str) -> ApiClient | None:
        stmt = select(ApiClient).where(ApiClient.client_id == client_id)
        return db.session.execute(stmt).scalar_one_or_none()

    def add(self, obj) -> None:
        db.session.add(obj)
