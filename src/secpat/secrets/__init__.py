"""Secret recognition shared by the SECRET rules and `secpat history`: known credential
formats, value-shape and entropy judgement, placeholders, and masking."""

from secpat.secrets.entropy import Judgement, is_placeholder, judge_literal, judge_value, shannon_entropy
from secpat.secrets.formats import FORMATS, Format, FormatMatch, scan_text
from secpat.secrets.masking import mask, mask_line

__all__ = [
    "FORMATS",
    "Format",
    "FormatMatch",
    "Judgement",
    "is_placeholder",
    "judge_literal",
    "judge_value",
    "mask",
    "mask_line",
    "scan_text",
    "shannon_entropy",
]
