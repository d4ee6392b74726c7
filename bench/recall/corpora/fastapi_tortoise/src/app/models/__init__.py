from app.models.courses import Comment, Course, Enrollment, Invite, Lesson, Payment, QuizQuestion
from app.models.users import PasswordReset, RefreshToken, Role, User

__models__ = [
    User,
    PasswordReset,
    RefreshToken,
    Course,
    Lesson,
    Enrollment,
    Comment,
    Invite,
    Payment,
    QuizQuestion,
]

__all__ = [
    "Comment",
    "Course",
    "Enrollment",
    "Invite",
    "Lesson",
    "PasswordReset",
    "Payment",
    "QuizQuestion",
    "RefreshToken",
    "Role",
    "User",
]
