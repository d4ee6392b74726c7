"""Every rule the documentation names exists: ids (`SQL001`) and kebab-case names (`sql-built-from-data`)."""

from __future__ import annotations

import re
from pathlib import Path

from secpat.config import KEYS
from secpat.dataflow import labels
from secpat.rules import registry

ROOT = Path(__file__).resolve().parent.parent
DOCUMENTS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
RULES = registry.all_rules()
PREFIXES = "|".join(sorted({re.match(r"[A-Z]+", r.id).group() for r in RULES}))  # type: ignore[union-attr]
RULE_ID = re.compile(rf"\b(?:{PREFIXES})\d{{3}}\b")
# A name in backticks or quotes, kebab-case with at least three words, like every rule name.
KEBAB = re.compile(r"[`\"]([a-z0-9]+(?:-[a-z0-9]+){2,})[`\"]")
# Kebab-case words the docs use for things other than rules.
OTHER_NAMES = set(KEYS) | {v for v in vars(labels).values() if isinstance(v, str)}
FIRST_WORDS = {r.name.split("-")[0] for r in RULES}


def _lines() -> list[tuple[str, int, str]]:
    return [
        (doc.relative_to(ROOT).as_posix(), number, line)
        for doc in DOCUMENTS
        for number, line in enumerate(doc.read_text(encoding="utf-8").splitlines(), 1)
    ]


def test_the_documents_are_found() -> None:
    assert len(DOCUMENTS) >= 5 and all(doc.is_file() for doc in DOCUMENTS)


def unknown_ids(lines: list[tuple[str, int, str]]) -> list[tuple[str, int, str]]:
    known = {r.id for r in RULES}
    return [
        (doc, number, rule_id)
        for doc, number, line in lines
        for rule_id in RULE_ID.findall(line)
        if rule_id not in known
    ]


def unknown_names(lines: list[tuple[str, int, str]]) -> list[tuple[str, int, str]]:
    known = {r.name for r in RULES}
    # A kebab-case name that begins like a rule name (`sql-...`, `jwt-...`) and is no setting or label.
    return [
        (doc, number, name)
        for doc, number, line in lines
        for name in KEBAB.findall(line)
        if name not in known and name not in OTHER_NAMES and name.split("-")[0] in FIRST_WORDS
    ]


def test_every_rule_id_in_the_docs_exists() -> None:
    assert unknown_ids(_lines()) == []


def test_every_rule_name_in_the_docs_exists() -> None:
    assert unknown_names(_lines()) == []


def test_the_checks_see_wrong_ids_and_names() -> None:
    line = [("x.md", 1, 'SQL001 `sql-built-from-input`, JWT009 and "jwt-max-lifetime" or `stripe-secret-key`')]
    assert unknown_ids(line) == [("x.md", 1, "JWT009")]
    assert unknown_names(line) == [("x.md", 1, "sql-built-from-input")]
