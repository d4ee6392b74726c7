"""Field sampling helpers: visit order and plot selection."""
import random


def visit_order(sites):
    """Return the sites in a random visiting order.

    Teams visit sites in a different order every round so that time of day
    does not line up with site and bias detection rates.
    """
    ordered = list(sites)
    random.shuffle(ordered)
    return ordered


def draw_plots(survey, plots, k):
    """Draw ``k`` plots for a survey round.

    The generator is seeded from the survey so that the published methods
    section can state the seed and anyone can reproduce the selection.
    """
    rng = random.Random(survey.sampling_seed)
    candidates = sorted(plots, key=lambda plot: plot.code)
    return rng.sample(candidates, min(k, len(candidates)))
