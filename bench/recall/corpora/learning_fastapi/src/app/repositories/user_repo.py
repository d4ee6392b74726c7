from sqlmodel import Session, select

from app.models import PasswordResetToken, User


def get_by_email(session: Session, tenant_id: int, email: str) -> User | None:
    stmt = select(User).where(User.tenant_id == tenant_id, User.email == email.lower())
    return session.exec(stmt).first()


def get(session: Session, user_id: int) -> User | None:
    return session.get(User, user_id)


def add(session: Session, user: User) -> User:
    session.add(user)
    session.commit()
    session.refresh(user)
    return user


def save_reset_token(session: Session, token: PasswordResetToken) -> None:
    session.add(token)
    session.commit()
