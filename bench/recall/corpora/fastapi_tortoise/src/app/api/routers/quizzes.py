import random

from fastapi import APIRouter, Depends

from app.api.deps import get_current_user
from app.core.errors import NotFound
from app.models import Lesson, QuizQuestion, User
from app.repositories.courses import CourseRepository
from app.schemas.courses import QuizAnswerIn

router = APIRouter(prefix="/lessons", tags=["quizzes"])


async def _lesson_for_student(lesson_id: int, user: User) -> Lesson:
    lesson = await Lesson.get_or_none(id=lesson_id)
    if lesson is None or not await CourseRepository().is_enrolled(user.id, lesson.course_id):
        raise NotFound("Lesson not found")
    return lesson


@router.get("/{lesson_id}/quiz")
async def get_quiz(lesson_id: int, user: User = Depends(get_current_user)):
    await _lesson_for_student(lesson_id, user)
    questions = await QuizQuestion.filter(lesson_id=lesson_id).values("id", "prompt", "options")
    random.shuffle(questions)
    return {"lesson_id": lesson_id, "questions": questions}


@router.post("/{lesson_id}/quiz")
async def submit_quiz(lesson_id: int, body: QuizAnswerIn, user: User = Depends(get_current_user)):
    await _lesson_for_student(lesson_id, user)
    questions = await QuizQuestion.filter(lesson_id=lesson_id)
    correct = sum(1 for q in questions if body.answers.get(q.id) == q.answer_index)
    return {"score": correct, "total": len(questions)}
