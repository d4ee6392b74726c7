import random

PALETTE = [
    "#4f46e5",
    "#0ea5e9",
    "#10b981",
    "#f59e0b",
    "#ef4444",
    "#8b5cf6",
    "#ec4899",
    "#14b8a6",
    "#f97316",
    "#64748b",
]


def chart_color(series_key: str | int) -> str:
    """Stable colour for a chart series so it doesn't change between reloads."""
    rng = random.Random(str(series_key))
    return rng.choice(PALETTE)
