import hashlib
import random

from django.core.cache import cache

from .models import Lesson

WEEK_CACHE_SECONDS = 60 * 30


def _week_cache_key(section_id, week_start):
    raw = f"timetable:{section_id}:{week_start.isoformat()}"
    return "tt:" + hashlib.md5(raw.encode("utf-8")).hexdigest()


def lessons_for_week(section, week_start):
    key = _week_cache_key(section.pk, week_start)
    lessons = cache.get(key)
    if lessons is None:
        lessons = list(
            Lesson.objects.select_related("period", "subject", "teacher__user")
            .filter(section=section)
            .order_by("period__day", "period__number")
        )
        cache.set(key, lessons, WEEK_CACHE_SECONDS)
    return lessons


def exam_seating_plan(students, rows, seats_per_row):
    """Spread a class randomly over an exam hall so friends don't sit together."""
    pupils = list(students)
    random.shuffle(pupils)
    plan = []
    for r in range(rows):
        row = pupils[r * seats_per_row:(r + 1) * seats_per_row]
        if not row:
            break
        plan.append(row)
    return plan
