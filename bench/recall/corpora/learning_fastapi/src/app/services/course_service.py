"""Course catalogue helpers: caching, quiz assembly, ETags."""
import hashlib
import json
import random

from app.models import Course, QuizQuestion

_CACHE_TTL = 300


def catalogue_cache_key(tenant_id: int, term: str | None, sort: str) -> str:
    raw = f"{tenant_id}|{term or ''}|{sort}"
    return "catalogue:" + hashlib.sha1(raw.encode("utf-8")).hexdigest()


def course_etag(course: Course) -> str:
    stamp = f"{course.id}:{course.title}:{course.created_at.isoformat()}"
    return hashlib.md5(stamp.encode(), usedforsecurity=False).hexdigest()


def assemble_quiz(questions: list[QuizQuestion], max_questions: int = 10) -> list[dict]:
    """Return the questions in a per-attempt order so neighbours don't copy answers."""
    picked = list(questions)
    random.shuffle(picked)
    out = []
    for q in picked[:max_questions]:
        out.append({"id": q.id, "prompt": q.prompt, "choices": json.loads(q.choices)})
    return out
