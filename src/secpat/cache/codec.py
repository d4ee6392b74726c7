"""Plain-data encoding of analysis results for the cache: JSON values in, secpat values out.

Only secpat's own dataclasses and enums can come back out (from secpat's own
modules, by dotted name), plus lists, tuples, dicts, sets and scalars. Nothing
in a cache file can name a function to call or code to run; anything unexpected
raises `CodecError` and the whole file is discarded.

Tagged forms (a JSON object with one key): `t` tuple, `s` set, `f` frozenset,
`d` dict as pairs, `e` enum member, `r` rule by id, `c` dataclass instance
(class name and its init fields in order). Lists are JSON arrays.
"""

from __future__ import annotations

import dataclasses
import enum
import importlib
import re
from typing import Any

__all__ = ["CodecError", "decode", "encode"]


class CodecError(ValueError):
    """A cache value that is not something secpat wrote."""


_SCALARS = (str, int, float, bool, type(None))
_FIELDS: dict[type, tuple[str, ...]] = {}


def _init_fields(cls: type) -> tuple[str, ...]:
    names = _FIELDS.get(cls)
    if names is None:
        names = _FIELDS[cls] = tuple(f.name for f in dataclasses.fields(cls) if f.init)
    return names


def _class_name(cls: type) -> str:
    return f"{cls.__module__}:{cls.__qualname__}"


def encode(value: Any) -> Any:
    """`value` as JSON-compatible data. Raises CodecError for anything that is not secpat data."""
    if type(value) in _SCALARS:
        return value
    if isinstance(value, enum.Enum):  # before str and int: `class Kind(str, Enum)` must come back an enum
        return {"e": [_class_name(type(value)), value.value]}
    if isinstance(value, list):
        return [encode(v) for v in value]
    if isinstance(value, tuple):
        return {"t": [encode(v) for v in value]}
    if isinstance(value, dict):
        return {"d": [[encode(k), encode(v)] for k, v in value.items()]}
    if isinstance(value, frozenset):
        return {"f": [encode(v) for v in value]}
    if isinstance(value, set):
        return {"s": [encode(v) for v in value]}
    if isinstance(value, _SCALARS):  # str or int subclasses: kept as their plain value
        return value
    cls = type(value)
    if cls.__name__ == "Rule" and cls.__module__ == "secpat.rules.registry":
        return {"r": value.id}
    if dataclasses.is_dataclass(value) and cls.__module__.startswith("secpat."):
        return {"c": [_class_name(cls), [encode(getattr(value, n)) for n in _init_fields(cls)]]}
    raise CodecError(f"cannot cache a {cls.__module__}.{cls.__qualname__}")


_CLASSES: dict[str, type] = {}
_MODULE_NAME = re.compile(r"secpat(?:\.[a-z_][a-z0-9_]*)*")


def _resolve(name: object) -> type:
    """A secpat data class or enum by name; anything else is refused."""
    known = _CLASSES.get(name) if isinstance(name, str) else None
    if known is not None:
        return known
    if not isinstance(name, str) or ":" not in name:
        raise CodecError(f"bad class name {name!r}")
    module_name, _, qualname = name.partition(":")
    if not _MODULE_NAME.fullmatch(module_name):
        raise CodecError(f"class outside secpat: {name!r}")
    try:
        obj: object = importlib.import_module(module_name)  # secpat's own code, never the scanned tree's
    except ImportError:
        raise CodecError(f"no such secpat module: {module_name!r}") from None
    for part in qualname.split("."):
        if not part.isidentifier() or part.startswith("_"):
            raise CodecError(f"bad class name {name!r}")
        obj = getattr(obj, part, None)
    if isinstance(obj, type) and (dataclasses.is_dataclass(obj) or issubclass(obj, enum.Enum)):
        _CLASSES[name] = obj
        return obj
    raise CodecError(f"not a secpat data class: {name!r}")


def decode(data: Any) -> Any:
    """The value `encode` turned into `data`. Raises CodecError on anything else."""
    try:
        return _decode(data)
    except TypeError as exc:  # an unhashable set member or dict key
        raise CodecError(f"malformed cache value: {exc}") from None


def _decode(data: Any) -> Any:
    if type(data) in _SCALARS:
        return data
    if type(data) is list:
        return [v if type(v) in _SCALARS else _decode(v) for v in data]
    if type(data) is not dict or len(data) != 1:
        raise CodecError("malformed cache value")
    ((tag, body),) = data.items()
    if tag == "t" and type(body) is list:
        return tuple([v if type(v) in _SCALARS else _decode(v) for v in body])
    if tag == "d" and isinstance(body, list):
        out = {}
        for pair in body:
            if not isinstance(pair, list) or len(pair) != 2:
                raise CodecError("malformed dict entry")
            out[_decode(pair[0])] = _decode(pair[1])
        return out
    if tag == "f" and isinstance(body, list):
        return frozenset(_decode(v) for v in body)
    if tag == "s" and isinstance(body, list):
        return {_decode(v) for v in body}
    if tag == "r" and isinstance(body, str):
        from secpat.rules import registry

        rule = registry.get(body)
        if rule is None:
            raise CodecError(f"unknown rule {body!r}")
        return rule
    if tag == "e" and isinstance(body, list) and len(body) == 2:
        cls = _resolve(body[0])
        if not issubclass(cls, enum.Enum):
            raise CodecError(f"not an enum: {body[0]!r}")
        try:
            return cls(body[1])
        except ValueError:
            raise CodecError(f"bad member of {body[0]!r}") from None
    if tag == "c" and isinstance(body, list) and len(body) == 2 and isinstance(body[1], list):
        cls = _resolve(body[0])
        if not dataclasses.is_dataclass(cls):
            raise CodecError(f"not a data class: {body[0]!r}")
        names = _init_fields(cls)
        if len(names) != len(body[1]):
            raise CodecError(f"wrong fields for {body[0]!r}")
        # Rebuilt field by field, as stored: `__post_init__` already ran (masking, validation) when
        # the value was first made, and running it again on every warm run would cost more than the scan.
        obj = object.__new__(cls)
        for name, value in zip(names, body[1]):
            object.__setattr__(obj, name, value if type(value) in _SCALARS else _decode(value))
        return obj
    raise CodecError(f"unknown cache tag {tag!r}")
