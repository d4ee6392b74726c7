import random
from typing import Dict

TAG_PALETTE = [
    "#f4a261",
    "#e76f51",
    "#2a9d8f",
    "#264653",
    "#e9c46a",
    "#8ab17d",
    "#b56576",
    "#6d597a",
    "#457b9d",
    "#a8dadc",
]

_tag_colours: Dict[str, str] = {}


def tag_color(tag: str) -> str:
    """Colour for a tag chip. Only needs to be consistent within one process."""
    colour = _tag_colours.get(tag)
    if colour is None:
        colour = random.choice(TAG_PALETTE)
        _tag_colours[tag] = colour
    return colour
