"""Severity and confidence: ordered levels that findings, rules and the secrets package share."""

from __future__ import annotations

import enum
from typing import TypeVar

_O = TypeVar("_O", bound="_Ordered")


class _Ordered(enum.Enum):
    """An enum whose members compare by declaration order."""

    @property
    def rank(self) -> int:
        return list(type(self)).index(self)

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, type(self)):
            return NotImplemented
        return self.rank < other.rank

    def __le__(self, other: object) -> bool:
        if not isinstance(other, type(self)):
            return NotImplemented
        return self.rank <= other.rank

    @classmethod
    def parse(cls: type[_O], text: str) -> _O:
        try:
            return cls[text.strip().upper()]
        except KeyError:
            names = ", ".join(m.name.lower() for m in cls)
            raise ValueError(f"unknown {cls.__name__.lower()} {text!r} (choose from {names})") from None


class Severity(_Ordered):
    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"


class Confidence(_Ordered):
    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"
