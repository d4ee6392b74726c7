"""96-well plate layout for analyser runs.

Samples are placed in a randomised order so that position effects (edge
evaporation, carry-over) do not line up with site or collection time.  The
layout must be reproducible from the batch id so a run can be re-plated.
"""
from __future__ import annotations

import random
from dataclasses import dataclass

ROWS = "ABCDEFGH"
COLUMNS = range(1, 13)
CONTROL_WELLS = ("A1", "H12")


@dataclass(frozen=True)
class Placement:
    well: str
    barcode: str | None
    control: bool = False


def all_wells() -> list[str]:
    return [f"{row}{col}" for row in ROWS for col in COLUMNS]


def layout(batch_id: int, barcodes: list[str]) -> list[Placement]:
    free = [well for well in all_wells() if well not in CONTROL_WELLS]
    if len(barcodes) > len(free):
        raise ValueError(f"a plate holds at most {len(free)} samples, got {len(barcodes)}")

    rng = random.Random(batch_id)
    order = list(barcodes)
    rng.shuffle(order)

    placements = [Placement(well=w, barcode=None, control=True) for w in CONTROL_WELLS]
    placements.extend(Placement(well=w, barcode=b) for w, b in zip(free, order))
    return sorted(placements, key=lambda p: (p.well[0], int(p.well[1:])))
