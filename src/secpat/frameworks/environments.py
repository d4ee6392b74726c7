"""Which environment a settings name, a file or an `if` branch is for: development, production or test."""

from __future__ import annotations

import ast

from secpat import names
from secpat.frameworks.facts import (
    DEV_WORDS,
    PROD_WORDS,
)
from secpat.model.module import Module, literal_value


def environment_of_name(name: str) -> str:
    """`settings/development.py`, `TestingConfig` → dev; `production.py`, `ProdConfig` → prod."""
    words = set(names.words(name))
    if words & DEV_WORDS:
        return "dev"
    if words & PROD_WORDS:
        return "prod"
    return ""


def file_environment(path: str) -> str:
    stem = path.rsplit("/", 1)[-1].rsplit(".", 1)[0]
    if stem == "__init__" and "/" in path:
        stem = path.rsplit("/", 2)[-2]
    found = environment_of_name(stem)
    if not found and "/" in path:
        # `testutils/settings.py`: a settings module kept with the test helpers runs the tests.
        folder = path.rsplit("/", 2)[-2]
        if any(w in DEV_WORDS or w.startswith("test") for w in names.words(folder)):
            return "dev"
    return found


def _string_environment(value: str) -> str:
    word = value.strip().lower()
    if word in DEV_WORDS or word in {"runserver", "pytest", "test"}:
        return "dev"
    if word in PROD_WORDS:
        return "prod"
    return ""


#: Words a switch's name may add to the environment it names (`is_development`, `DEV_MODE`, `IS_PROD`).
_SWITCH_WORDS = frozenset({"is", "mode", "env", "environment", "enabled", "on", "running", "in"})


def _switch_environment(name: str) -> str:
    """`DEBUG`, `settings.is_development`, `config.DEV_MODE`, `IS_PRODUCTION`: the environment a switch names."""
    words = set(names.words(name)) - _SWITCH_WORDS
    if words and words <= DEV_WORDS:
        return "dev"
    if words and words <= PROD_WORDS:
        return "prod"
    return "other"


def _opposite(kind: str) -> str:
    return {"dev": "prod", "prod": "dev"}.get(kind, "other")


def _test_environment(test: ast.expr) -> str:
    """The environment the body of `if test:` runs in: dev, prod, or other."""
    if isinstance(test, ast.UnaryOp) and isinstance(test.op, ast.Not):
        inner = _test_environment(test.operand)
        return _opposite(inner) if inner in ("dev", "prod") else "other"
    if isinstance(test, (ast.Name, ast.Attribute)):
        return _switch_environment(test.id if isinstance(test, ast.Name) else test.attr)
    if isinstance(test, ast.Call):
        key = test.args[0] if test.args else None
        if isinstance(key, ast.Constant) and isinstance(key.value, str) and key.value.upper() in ("DEBUG", "TESTING"):
            return "dev"
        if not test.args and not test.keywords and isinstance(test.func, (ast.Name, ast.Attribute)):
            return _test_environment(test.func)  # `if settings.is_development():`
        return "other"
    if isinstance(test, ast.Compare) and len(test.ops) == 1:
        return _compare_environment(test.left, test.ops[0], test.comparators[0])
    return "other"


def _compare_environment(left: ast.expr, op: ast.cmpop, right: ast.expr) -> str:
    if isinstance(op, (ast.Eq, ast.NotEq, ast.Is, ast.IsNot)):
        literal = right if isinstance(right, ast.Constant) else left if isinstance(left, ast.Constant) else None
        if literal is None or not isinstance(literal.value, str):
            return "other"
        kind = _string_environment(literal.value) or "other"
        return _opposite(kind) if isinstance(op, (ast.NotEq, ast.IsNot)) else kind
    if isinstance(op, (ast.In, ast.NotIn)):
        if isinstance(left, ast.Constant) and isinstance(left.value, str):
            kind = _string_environment(left.value) or "other"  # `"test" in sys.argv`
        else:
            values = literal_value(right)
            if not isinstance(values, (list, tuple, set)) or not values:
                return "other"
            kinds = {_string_environment(v) if isinstance(v, str) else "" for v in values}
            kind = kinds.pop() if len(kinds) == 1 else ""
            kind = kind or "other"
        return _opposite(kind) if isinstance(op, ast.NotIn) else kind
    return "other"


def combine(outer: str, inner: str) -> str:
    """The environment of a block inside another: dev wins, then an unknown condition, then prod."""
    for kind in ("dev", "other", "prod"):
        if kind in (outer, inner):
            return kind
    return ""


def if_environments(node: ast.If) -> list[tuple[list[ast.stmt], str]]:
    """The blocks of an `if`/`elif`/`else` chain with the environment each runs in."""
    blocks: list[tuple[list[ast.stmt], str]] = []
    tested: list[str] = []
    current: ast.If | None = node
    while current is not None:
        kind = _test_environment(current.test)
        tested.append(kind)
        blocks.append((current.body, kind))
        orelse = current.orelse
        if len(orelse) == 1 and isinstance(orelse[0], ast.If):
            current = orelse[0]
            continue
        if orelse:
            # The `else:` of `if ENV == "production":` is development; of `if DEBUG:` it is production.
            blocks.append((orelse, "dev" if "prod" in tested else "prod" if "dev" in tested else "other"))
        current = None
    return blocks


def dev_ranges(module: Module) -> list[tuple[int, int]]:
    """Line ranges of development-only blocks anywhere in a file."""
    ranges: list[tuple[int, int]] = []
    for node in module.if_statements:
        for body, kind in if_environments(node):
            if kind == "dev" and body:
                ranges.append((body[0].lineno, body[-1].end_lineno or body[-1].lineno))
    return ranges


def in_ranges(line: int, ranges: list[tuple[int, int]]) -> bool:
    return any(first <= line <= last for first, last in ranges)
