from datetime import datetime

from sqlmodel import Field, SQLModel


class Course(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    tenant_id: int = Field(foreign_key="tenant.id", index=True)
    instructor_id: int = Field(foreign_key="user.id")
    title: str
    slug: str = Field(index=True)
    summary: str = ""
    summary_html: str = ""
    published: bool = False
    created_at: datetime = Field(default_factory=datetime.utcnow)


class Lesson(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    course_id: int = Field(foreign_key="course.id", index=True)
    position: int
    title: str
    body_markdown: str = ""


class QuizQuestion(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    lesson_id: int = Field(foreign_key="lesson.id", index=True)
    prompt: str
    choices: str  # JSON-encoded list
    answer_index: int
