"""Files written for Python 3.12 f-strings: the rewrite that lets the running interpreter parse them.

Every fixture is converted the way a project written for 3.12 writes it
(``bench/newsyntax.py``: strings nested in replacement fields take the
f-string's own quotes, or an escape; a 3.12-only line appended to every
module), scanned, and must give exactly the findings of the original.  Trees
are compared node for node, positions included: with the interpreter's tree of
the original where the conversion keeps every byte in place, with the
version-independent parser's tree where it does not.
"""

from __future__ import annotations

import ast
import importlib.util
import shutil
import sys
import warnings
from collections.abc import Iterator
from pathlib import Path

import pytest

from secpat.config import load_config
from secpat.engine import ScanOptions, scan
from secpat.parsing import fstrings, parse_python
from secpat.parsing.source import parse_rewritten_fstrings, parse_with_libcst
from tests.test_fixtures import FIXTURES, fixture_cases

REPO = Path(__file__).resolve().parent.parent
PY = sys.version_info[:2]
_spec = importlib.util.spec_from_file_location("newsyntax", REPO / "bench" / "newsyntax.py")
assert _spec is not None and _spec.loader is not None
newsyntax = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(newsyntax)

PYTHON_SOURCES = sorted(p for p in (REPO / "tests").rglob("*.py") if "__pycache__" not in p.parts) + sorted(
    (REPO / "tests" / "parsing_cases").glob("corpus_*.py.txt")
)
# The sources with a string nested in a replacement field: the ones the conversion changes.
NESTED = [
    p for p in PYTHON_SOURCES if newsyntax.to_pep701(p.read_text(encoding="utf-8")) != p.read_text(encoding="utf-8")
]


def dump(tree: ast.AST) -> str:
    return ast.dump(tree, include_attributes=True)


@pytest.fixture(autouse=True)
def _quiet_parser() -> Iterator[None]:
    # The fixtures hold invalid escape sequences on purpose; the interpreter's parser warns of them.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        yield


def findings(root: Path) -> tuple[list[tuple], list[tuple]]:
    """(findings, notices) of a full audit-mode scan of ``root``, every rule, as plain tuples."""
    config = load_config(root, overrides={"test-ignore": [], "min-confidence": "low", "audit": True})
    result = scan([root], config, ScanOptions(use_cache=False, jobs=1))
    # Everything but the snippet (the source text, whose quotes differ).
    found = sorted(
        (
            f.location.path,
            f.location.line,
            f.location.col,
            f.rule_id,
            f.message,
            f.audit,
            f.severity.name,
            f.confidence.name,
            f.context,
            f.extra,
            tuple((step.location.line, step.location.col, step.note) for step in f.flow),
        )
        for f in result.findings
    )
    notices = sorted((n.path, str(n.kind), n.message) for n in result.notices)
    return found, notices


def convert_case(case: Path, dest: Path, escapes: bool) -> int:
    """Copy a fixture (file or folder) under ``dest`` with its modules written for 3.12; count them."""
    if case.is_file():
        dest.mkdir(parents=True)
        shutil.copy2(case, dest / case.name)
    else:
        shutil.copytree(case, dest)
    converted = 0
    for path in sorted(dest.rglob("*.py")):
        text = path.read_text(encoding="utf-8")
        new = newsyntax.to_pep701(text, escapes)
        if new == text:
            new = text + ("" if text.endswith("\n") else "\n") + newsyntax.APPENDED
        path.write_text(new, encoding="utf-8")
        converted += 1
    return converted


@pytest.mark.parametrize("case", fixture_cases(), ids=lambda p: p.relative_to(FIXTURES).as_posix())
def test_fixture_written_for_312_gives_the_same_findings(case: Path, tmp_path: Path) -> None:
    original = tmp_path / "original"
    if case.is_file():
        original.mkdir()
        shutil.copy2(case, original / case.name)
    else:
        shutil.copytree(case, original)
    converted = tmp_path / "converted"
    count = convert_case(case, converted, escapes=False)
    expected, expected_notices = findings(original)
    got, notices = findings(converted)
    assert got == expected
    # Parsed by the interpreter after the rewrite: no fallback notice, nothing else new.
    assert notices == expected_notices
    if PY < (3, 12) and count:
        newer = [p for p in converted.rglob("*.py") if _refused_by_interpreter(p.read_text(encoding="utf-8"))]
        assert len(newer) == count  # every module really needs 3.12


@pytest.mark.parametrize(
    "case",
    [c for c in fixture_cases() if any(p in NESTED for p in ([c] if c.is_file() else c.rglob("*.py")))],
    ids=lambda p: p.relative_to(FIXTURES).as_posix(),
)
def test_fixture_with_escapes_in_fields_gives_the_same_findings(case: Path, tmp_path: Path) -> None:
    original = tmp_path / "original"
    if case.is_file():
        original.mkdir()
        shutil.copy2(case, original / case.name)
    else:
        shutil.copytree(case, original)
    converted = tmp_path / "converted"
    convert_case(case, converted, escapes=True)
    # An escape is longer than the letter it spells: columns after it move, lines and rules do not.
    expected = {(f[0], f[1], f[3], f[5]) for f in findings(original)[0]}
    got, notices = findings(converted)
    assert {(f[0], f[1], f[3], f[5]) for f in got} == expected
    assert not [n for n in notices if "version-independent" in n[2]]


def test_the_sources_hold_strings_nested_in_replacement_fields() -> None:
    assert len(NESTED) >= 10


@pytest.mark.parametrize("path", NESTED, ids=lambda p: p.relative_to(REPO).as_posix())
def test_requoted_tree_is_the_interpreters_tree_of_the_original(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    converted = newsyntax.to_pep701(text)
    result = parse_python(converted, path.name)
    assert result.used_fallback is False
    assert dump(result.tree) == dump(ast.parse(text))


@pytest.mark.parametrize("path", NESTED, ids=lambda p: p.relative_to(REPO).as_posix())
def test_escaped_tree_is_the_fallback_parsers_tree(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    converted = newsyntax.to_pep701(text, escapes=True)
    assert converted != text
    result = parse_python(converted, path.name)
    assert result.used_fallback is False
    assert dump(result.tree) == dump(parse_with_libcst(converted))


def _refused_by_interpreter(text: str) -> bool:
    try:
        ast.parse(text)
    except SyntaxError:
        return True
    return False


# Each snippet is 3.12 syntax the rewrite handles; the tree must be the fallback parser's, exactly.
REWRITTEN = [
    'db.execute(f"SELECT * FROM t WHERE id = {request.args["id"]}")\n',
    'x = f"a {d["k"]!r:>{w["x"]}} b"\n',
    "y = f\"{'\\n'.join(z)}\"\n",
    'y = f"{"\\t".join(z)} and {"é\\u00e9" + a} ; {b"\\x00"!r}"\n',
    'y = f"{u"\\n"}"\n',
    'f"{f"{x}"}"\n',
    "f'{f'{x}'}'\n",
    'f"""{d["k"]} {e["""x"""]}"""\n',
    'f"""{\n    d["k"]  # the key\n}"""\n',
    'a = 1; f"{d["k"]}"; b = f"{x["y"]}"  # two on a line\n',
    'f"{x if "a" else y}" + f"{"b" if c else "d"}"\n',
    'f"{d["k"]:{"x"}<{w}}"\n',
    'f"{d["a\'b"]}"\n',
    '___0 = 1\nf"{"\\n" + "\\t"}"\n',  # the first placeholder names are taken
    'f"{x}" "plain {not a field}" f"{y["z"]}"\n',
    'f"{d["k"]!=e}"\n',
    'f"{d["k"] != e}" if "#" else "\\n"  # a comment with "quotes" and f"{x["y"]}"\n',
]

# 3.12 syntax the rewrite refuses (no position-keeping form exists): the fallback parser reads it.
REFUSED = [
    'f"{f"{f"{x}"}"}"\n',  # three levels of the same quote
    'f"{x["a"]=}"\n',  # the self-documenting text would change
    'f"{x if"\\t"else y}"\n',  # the placeholder would run into the words around it
    'f"{\n x["a"]\n}"\n',  # a one-line f-string over several lines
    'f"{x["a" "b\\n"]}"\n',  # implicit concatenation with a placeholder
    't"{x["a"]}"\n',  # a template string
    'type X = list[int]\nf"{d["k"]}"\n',  # other newer syntax
]


@pytest.mark.parametrize("snippet", REWRITTEN)
def test_rewritten_snippet_matches_the_fallback_parser(snippet: str) -> None:
    rewritten = fstrings.rewrite(snippet)
    assert rewritten is not None
    assert len(rewritten.text.encode()) == len(snippet.encode())
    result = parse_python(snippet, "snippet.py")
    assert result.used_fallback is False
    assert dump(result.tree) == dump(parse_with_libcst(snippet))


@pytest.mark.skipif(PY >= (3, 12), reason="the interpreter parses these itself")
@pytest.mark.parametrize("snippet", REFUSED)
def test_refused_snippet_goes_to_the_fallback_parser(snippet: str) -> None:
    assert parse_rewritten_fstrings(snippet, "snippet.py") is None
    result = parse_python(snippet, "snippet.py")
    assert result.used_fallback is True
    assert dump(result.tree) == dump(parse_with_libcst(snippet))


def test_placeholders_avoid_names_the_file_uses() -> None:
    snippet = "___0 = ___1 = 1\nf\"{'\\n' + '\\t'}\"\n"
    rewritten = fstrings.rewrite(snippet)
    assert rewritten is not None
    assert set(rewritten.placeholders) == {"___2", "___3"}


def test_file_without_newer_fstrings_is_not_rewritten() -> None:
    assert fstrings.rewrite('x = f"{d[\'k\']}" + \'a"b\' # f"{x["y"]}"\n') is None
    assert fstrings.rewrite('"""f"{x["y"]}" in a docstring"""\n') is None
