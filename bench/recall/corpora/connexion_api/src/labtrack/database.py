"""Engine and session handling (SQLAlchemy 2.0 style)."""
from __future__ import annotations

from flask import Flask
from sqlalchemy import create_engine
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session, scoped_session, sessionmaker

SessionLocal = scoped_session(sessionmaker(autoflush=False, expire_on_commit=False))

_engine: Engine | None = None


def init_engine(url: str, echo: bool = False) -> Engine:
    global _engine
    _engine = create_engine(url, echo=echo, pool_pre_ping=True)
    SessionLocal.configure(bind=_engine)
    return _engine


def get_engine() -> Engine:
    if _engine is None:
        raise RuntimeError("database engine is not initialised")
    return _engine


def get_session() -> Session:
    return SessionLocal()


def init_app(flask_app: Flask) -> None:
    init_engine(flask_app.config["DATABASE_URL"], echo=flask_app.config.get("SQLALCHEMY_ECHO", False))

    @flask_app.teardown_appcontext
    def remove_session(exc: BaseException | None = None) -> None:
        if exc is not None:
            SessionLocal.rollback()
        SessionLocal.remove()
