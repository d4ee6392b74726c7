from datetime import datetime

from sqlmodel import Field, SQLModel


class Enrolment(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    tenant_id: int = Field(foreign_key="tenant.id", index=True)
    user_id: int = Field(foreign_key="user.id", index=True)
    course_id: int = Field(foreign_key="course.id", index=True)
    status: str = "active"  # active | completed | withdrawn
    progress: int = 0
    source: str = "web"
    created_at: datetime = Field(default_factory=datetime.utcnow)
    completed_at: datetime | None = None


class Certificate(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    enrolment_id: int = Field(foreign_key="enrolment.id", unique=True)
    code: str = Field(index=True, unique=True)
    issued_at: datetime = Field(default_factory=datetime.utcnow)
