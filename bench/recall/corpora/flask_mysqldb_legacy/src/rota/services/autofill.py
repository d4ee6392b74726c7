"""Suggest staff for open shifts, spreading hours fairly."""
import random

from ..repositories import shifts as shift_repo
from ..repositories import staff as staff_repo

MAX_WEEKLY_HOURS = 48


def suggest(clinic_id, role, week_start, limit=5):
    candidates = staff_repo.by_role(clinic_id, role)
    hours = staff_repo.hours_this_week([c["id"] for c in candidates], week_start)
    eligible = [c for c in candidates if hours.get(c["id"], 0) < MAX_WEEKLY_HOURS]
    # Shuffle first so ties on hours don't always favour the same people.
    random.shuffle(eligible)
    eligible.sort(key=lambda c: hours.get(c["id"], 0))
    return eligible[:limit]


def autofill_week(clinic_id, week_start):
    filled = 0
    for shift in shift_repo.open_shifts(clinic_id):
        picks = suggest(clinic_id, shift["role"], week_start, limit=1)
        if picks:
            shift_repo.assign(shift["id"], picks[0]["id"])
            filled += 1
    return filled
