from collections.abc import AsyncGenerator

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker, create_async_engine
from sqlalchemy.orm import DeclarativeBase

from app.core.config import settings


class Base(DeclarativeBase):
    pass


engine = create_async_engine(
    settings.database_url,
    pool_pre_ping=True,
    echo=settings.debug,
)
async_session_maker = async_sessionmaker(engine, expire_on_commit=False)


async def get_async_session() -> AsyncGenerator[AsyncSession, None]:
    async with async_session_maker() as session:
        yield session


async def apply_statement_timeout(session: AsyncSession, timeout_ms: int | None = None) -> None:
    """Cap long-running report queries for the current transaction."""
    timeout_ms = timeout_ms or settings.statement_timeout_ms
    # SET does not accept bind parameters in PostgreSQL.
    await session.execute(text(f"SET LOCAL statement_timeout = {int(timeout_ms)}"))
