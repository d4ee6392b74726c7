from decimal import Decimal

from .models import Grade

LETTER_BOUNDARIES = [
    (Decimal("85"), "A"),
    (Decimal("70"), "B"),
    (Decimal("55"), "C"),
    (Decimal("40"), "D"),
]


def letter_for(score, max_score):
    pct = Decimal(score) * 100 / Decimal(max_score)
    for boundary, letter in LETTER_BOUNDARIES:
        if pct >= boundary:
            return letter
    return "E"


def record_grade(*, student, assessment, score, teacher, comment=""):
    grade, _ = Grade.objects.update_or_create(
        student=student,
        assessment=assessment,
        defaults={
            "section": student.section,
            "score": score,
            "letter": letter_for(score, assessment.max_score),
            "comment": comment,
            "recorded_by": teacher,
        },
    )
    return grade
