from app.models.course import Course, Lesson, QuizQuestion
from app.models.enrolment import Certificate, Enrolment
from app.models.partner import Partner, WebhookEndpoint
from app.models.tenant import Tenant
from app.models.user import PasswordResetToken, User

__all__ = [
    "Certificate",
    "Course",
    "Enrolment",
    "Lesson",
    "Partner",
    "PasswordResetToken",
    "QuizQuestion",
    "Tenant",
    "User",
    "WebhookEndpoint",
]
