import random

PALETTE = [
    "#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f",
    "#edc948", "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac",
]


def warehouse_colour(warehouse_id):
    """Stable colour per warehouse so charts look the same on every page."""
    rng = random.Random(warehouse_id)
    return rng.choice(PALETTE)


def series_colours(n):
    colours = PALETTE[:]
    if n > len(colours):
        colours = colours * (n // len(colours) + 1)
    return colours[:n]


def chart_dataset(rows, label_key, value_key):
    labels = [r[label_key] for r in rows]
    values = [float(r[value_key] or 0) for r in rows]
    return {
        "labels": labels,
        "datasets": [{"data": values, "backgroundColor": series_colours(len(values))}],
    }
