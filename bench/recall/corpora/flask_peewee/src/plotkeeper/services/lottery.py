"""Allocation of vacant plots to people on the waiting list.

When several applicants joined on the same day the committee breaks the tie
by lot, as the constitution requires.
"""
import itertools
import random

from ..models import Application


def waiting_list(site):
    return list(
        Application.select()
        .where((Application.site == site) & (Application.status == "waiting"))
        .order_by(Application.created_at)
    )


def draw_order(applications, seed=None):
    rng = random.Random(seed)
    ordered = []
    for _, group in itertools.groupby(applications, key=lambda a: a.created_at.date()):
        same_day = list(group)
        rng.shuffle(same_day)
        ordered.extend(same_day)
    return ordered


def featured_plots(plots, count=3):
    plots = list(plots)
    return random.sample(plots, k=min(count, len(plots)))
