"""Tests for secpat.parsing: decoding, parsing, and the libcst fallback.

The fallback (libcst + conversion to ``ast``) is exercised directly on every
interpreter through ``parse_with_libcst``; on interpreters whose own parser
understands a construct, its tree is the reference the conversion must match
exactly, positions included.
"""

from __future__ import annotations

import ast
import inspect
import sys
import threading
import time
from pathlib import Path

import libcst
import pytest

from secpat.parsing import Parsed, ParseError, SourceText, decode_source, parse_python
from secpat.parsing.cst_to_ast import convert_module
from secpat.parsing.source import parse_with_libcst

CASES = Path(__file__).parent / "parsing_cases"
PY = sys.version_info[:2]


def case(name: str) -> str:
    return (CASES / name).read_text(encoding="utf-8")


def dump(tree: ast.AST) -> str:
    return ast.dump(tree, include_attributes=True)


def first_difference(expected: object, actual: object, path: str = "Module") -> str | None:
    """Path and values of the first place two trees differ (for failure messages)."""
    if type(expected) is not type(actual):
        return f"{path}: {type(expected).__name__} != {type(actual).__name__}"
    if isinstance(expected, ast.AST):
        for name in expected._fields + tuple(getattr(expected, "_attributes", ())):
            found = first_difference(
                getattr(expected, name, "<missing>"), getattr(actual, name, "<missing>"), f"{path}.{name}"
            )
            if found:
                return found
        return None
    if isinstance(expected, list):
        assert isinstance(actual, list)
        if len(expected) != len(actual):
            return f"{path}: {len(expected)} items != {len(actual)} items"
        for index, (left, right) in enumerate(zip(expected, actual, strict=True)):
            found = first_difference(left, right, f"{path}[{index}]")
            if found:
                return found
        return None
    if expected != actual:
        return f"{path}: {expected!r} != {actual!r}"
    return None


def assert_same_tree(expected: ast.AST, actual: ast.AST) -> None:
    if dump(expected) != dump(actual):
        pytest.fail(f"trees differ at {first_difference(expected, actual)}")


def both_paths(source: str, name: str) -> list[tuple[str, ast.Module]]:
    """The tree ``parse_python`` returns, and the tree of the forced fallback."""
    return [
        ("parse_python", parse_python(source, name).tree),
        ("forced fallback", parse_with_libcst(source)),
    ]


def line_col(source: str, needle: str, occurrence: int = 0) -> tuple[int, int]:
    """1-based line and 0-based UTF-8 byte column of ``needle`` in ``source``."""
    index = -1
    for _ in range(occurrence + 1):
        index = source.index(needle, index + 1)
    before = source[:index]
    line = before.count("\n") + 1
    column = len(before[before.rfind("\n") + 1 :].encode("utf-8"))
    return line, column


def find(tree: ast.AST, kind: type, predicate=lambda node: True) -> list:
    return [node for node in ast.walk(tree) if isinstance(node, kind) and predicate(node)]


# ------------------------------------------------------------------ decoding


def test_decode_utf8() -> None:
    decoded = decode_source('name = "café"\n'.encode())
    assert decoded == SourceText('name = "café"\n', "utf-8", None)


def test_decode_utf8_with_bom_strips_it() -> None:
    decoded = decode_source(b'\xef\xbb\xbfname = "caf\xc3\xa9"\n')
    assert decoded.text == 'name = "café"\n'
    assert decoded.encoding == "utf-8-sig"
    assert decoded.warning is None


def test_decode_latin1_with_coding_cookie() -> None:
    data = '# -*- coding: latin-1 -*-\nname = "café"\n'.encode("latin-1")
    decoded = decode_source(data)
    assert decoded.text.endswith('name = "café"\n')
    assert decoded.encoding == "iso-8859-1"
    assert decoded.warning is None


def test_decode_latin1_without_cookie_falls_back_with_warning() -> None:
    data = '#!/usr/bin/env python\nname = "café"\n'.encode("latin-1")
    decoded = decode_source(data)
    assert decoded.text == '#!/usr/bin/env python\nname = "café"\n'
    assert decoded.encoding == "latin-1"
    assert decoded.warning == "not valid UTF-8 and no coding declaration; decoded as latin-1"


def test_decode_cookie_that_does_not_match_the_bytes_warns() -> None:
    decoded = decode_source(b'# coding: ascii\nname = "caf\xc3\xa9"\n')
    assert decoded.encoding == "latin-1"
    assert decoded.warning is not None and "coding declaration" in decoded.warning


def test_decode_unknown_cookie_is_read_as_utf8_with_warning() -> None:
    decoded = decode_source(b"# coding: no-such-codec\nx = 1\n")
    assert decoded.text == "# coding: no-such-codec\nx = 1\n"
    assert decoded.warning is not None and "no-such-codec" in decoded.warning


def test_decode_nul_bytes_mean_binary_file() -> None:
    with pytest.raises(ParseError, match="binary file"):
        decode_source(b"\x7fELF\x02\x01\x01\x00\x00\x00")


# ------------------------------------------------------------------ parse_python basics


def test_ordinary_file_is_parsed_by_the_interpreter() -> None:
    result = parse_python("import os\nos.system(cmd)\n", "app.py")
    assert isinstance(result, Parsed)
    assert result.used_fallback is False
    assert result.fallback_reason is None
    call = result.tree.body[1].value
    assert isinstance(call, ast.Call) and call.func.attr == "system"


def test_syntax_error_in_both_parsers_reports_the_interpreters_location() -> None:
    source = "import os\n\ndef handler(request:\n    return 1\n"
    with pytest.raises(ParseError) as info:
        parse_python(source, "broken.py")
    assert info.value.line == 3
    assert info.value.message


def test_python2_print_statement_is_a_parse_error() -> None:
    with pytest.raises(ParseError) as info:
        parse_python('x = 1\nprint "hello"\n', "legacy.py")
    assert info.value.line == 2


def test_nul_in_text_is_a_parse_error() -> None:
    with pytest.raises(ParseError, match="binary"):
        parse_python("x = 1\x00\n", "weird.py")


def test_fallback_records_the_interpreters_reason() -> None:
    result = parse_python(case("pep758_except.py.txt"), "pep758.py")
    assert result.used_fallback is True
    assert result.fallback_reason and "line 9" in result.fallback_reason


def test_fallback_rejects_what_the_interpreter_would_reject() -> None:
    # libcst accepts assignment to a call; CPython does not.
    source = "try:\n    pass\nexcept A, B:\n    pass\nf() = 1\n"
    with pytest.raises(ParseError) as info:
        parse_python(source, "bad.py")
    assert info.value.line is not None


def test_non_ascii_columns_are_utf8_byte_offsets() -> None:
    source = 'label = "日本語"; send(label)\ntry:\n    pass\nexcept A, B:\n    pass\n'
    tree = parse_with_libcst(source)
    call = tree.body[1].value
    assert isinstance(call, ast.Call)
    assert call.col_offset == len('label = "日本語"; '.encode())
    assert call.end_col_offset == len('label = "日本語"; send(label)'.encode())


# ------------------------------------------------------------------ PEP 701 f-strings


@pytest.mark.parametrize("path", ["parse_python", "forced fallback"])
def test_pep701_fstrings(path: str) -> None:
    source = case("pep701_fstrings.py.txt")
    tree = dict(both_paths(source, "views.py"))[path]
    greet = tree.body[3]
    assert isinstance(greet, ast.FunctionDef) and greet.name == "greet"

    # db.execute(f"... '{user["name"]}'") on line 8
    call = greet.body[0].value
    assert isinstance(call, ast.Call)
    assert (call.lineno, call.col_offset) == (8, 4)
    assert isinstance(call.func, ast.Attribute) and call.func.attr == "execute"
    query = call.args[0]
    assert isinstance(query, ast.JoinedStr)
    field = [v for v in query.values if isinstance(v, ast.FormattedValue)][0]
    subscript = field.value
    assert isinstance(subscript, ast.Subscript)
    assert subscript.value.id == "user" and subscript.slice.value == "name"
    assert (subscript.lineno, subscript.col_offset) == line_col(source, 'user["name"]')
    assert subscript.end_col_offset == subscript.col_offset + len('user["name"]')

    # three levels of nested f-strings with the same quotes
    nested = greet.body[2].value
    depth = 0
    node: ast.expr = nested
    while isinstance(node, ast.JoinedStr):
        depth += 1
        node = node.values[0].value
    assert depth == 3
    assert isinstance(node, ast.Subscript) and node.slice.value == "id"

    # a backslash inside a replacement field
    join = greet.body[3].value.values[0].value
    assert isinstance(join, ast.Call) and join.func.value.value == "\n"

    # a replacement field spread over lines, with a comment inside
    multi = greet.body[4].value
    total = multi.values[1].value
    assert isinstance(total, ast.Call) and total.func.id == "sum"
    price = total.args[0].elt
    assert (price.lineno, price.col_offset) == line_col(source, 'item["price"]')
    assert multi.values[-1].value == " cents"

    # conversion and a format spec that itself holds a replacement field
    logged = greet.body[5].value.args[0].values[0]
    assert isinstance(logged, ast.FormattedValue)
    assert logged.conversion == ord("r")
    spec = logged.format_spec
    assert isinstance(spec, ast.JoinedStr)
    assert spec.values[0].value == ">"
    width = spec.values[1].value
    assert isinstance(width, ast.Subscript) and width.slice.value == "width"
    assert (width.lineno, width.col_offset) == line_col(source, 'user["width"]')


@pytest.mark.skipif(PY < (3, 12), reason="the interpreter's own parser needs PEP 701")
def test_pep701_fallback_matches_the_interpreter_exactly() -> None:
    source = case("pep701_fstrings.py.txt")
    assert_same_tree(ast.parse(source), parse_with_libcst(source))


# ------------------------------------------------------------------ PEP 695 / 696 type parameters


@pytest.mark.parametrize("path", ["parse_python", "forced fallback"])
def test_pep695_type_parameters(path: str) -> None:
    source = case("pep695_696_types.py.txt")
    tree = dict(both_paths(source, "generics.py"))[path]
    alias = tree.body[2]
    assert (alias.lineno, alias.col_offset) == (4, 0)
    if PY >= (3, 12):
        assert isinstance(alias, ast.TypeAlias)
        assert alias.name.id == "UserId" and isinstance(alias.name.ctx, ast.Store)
    else:  # lowered to an assignment
        assert isinstance(alias, ast.Assign)
        assert alias.targets[0].id == "UserId" and isinstance(alias.targets[0].ctx, ast.Store)
    assert alias.value.id == "int"

    first = tree.body[5]
    assert isinstance(first, ast.FunctionDef) and first.name == "first"
    assert first.args.args[0].arg == "items"
    assert first.returns.id == "T"
    assert (first.lineno, first.col_offset, first.end_lineno) == (9, 0, 10)

    repo = tree.body[6]
    assert isinstance(repo, ast.ClassDef) and repo.name == "Repository"
    assert isinstance(repo.bases[0], ast.Subscript) and repo.bases[0].value.id == "dict"
    method = repo.body[0]
    assert method.name == "get_or_raise"
    assert [a.arg for a in method.args.args] == ["self", "key", "default"]

    run_query = tree.body[7]
    vararg = run_query.args.vararg
    assert vararg.arg == "args"
    assert isinstance(vararg.annotation, ast.Starred) and vararg.annotation.value.id == "Ts"

    if PY >= (3, 12):
        assert [p.name for p in first.type_params] == ["T"]
        bound = repo.type_params[0]
        assert isinstance(bound, ast.TypeVar) and bound.name == "K" and bound.bound.id == "str"
        handler = tree.body[4]
        assert [type(p).__name__ for p in handler.type_params] == ["ParamSpec", "TypeVar"]
        assert isinstance(run_query.type_params[0], ast.TypeVarTuple)
    else:
        assert not hasattr(first, "type_params") or first.type_params == []
    compile(tree, "generics.py", "exec")


@pytest.mark.parametrize("path", ["parse_python", "forced fallback"])
def test_pep696_type_parameter_defaults(path: str) -> None:
    source = case("pep696_defaults.py.txt")
    tree = dict(both_paths(source, "defaults.py"))[path]
    box = tree.body[1]
    assert isinstance(box, ast.ClassDef) and box.name == "Box"
    unwrap = box.body[0]
    assert unwrap.name == "unwrap" and unwrap.returns.id == "U"
    alias = tree.body[2]
    assert alias.lineno == 9
    if PY >= (3, 13):
        t, ts, p = box.type_params
        assert t.default_value.id == "int"
        assert isinstance(ts.default_value, ast.Starred)
        assert isinstance(p.default_value, ast.List)
        assert isinstance(unwrap.type_params[0].bound, ast.Tuple)
        assert unwrap.type_params[0].default_value.id == "str"
    elif PY == (3, 12):  # parameters kept, defaults dropped
        assert [type(p).__name__ for p in box.type_params] == ["TypeVar", "TypeVarTuple", "ParamSpec"]
        assert isinstance(alias, ast.TypeAlias)
    else:
        assert isinstance(alias, ast.Assign) and alias.targets[0].id == "Alias"
    compile(tree, "defaults.py", "exec")


@pytest.mark.skipif(PY < (3, 12), reason="the interpreter's own parser needs PEP 695")
def test_pep695_fallback_matches_the_interpreter_exactly() -> None:
    source = case("pep695_696_types.py.txt")
    assert_same_tree(ast.parse(source), parse_with_libcst(source))


@pytest.mark.skipif(PY < (3, 13), reason="the interpreter's own parser needs PEP 696")
def test_pep696_fallback_matches_the_interpreter_exactly() -> None:
    source = case("pep696_defaults.py.txt")
    assert_same_tree(ast.parse(source), parse_with_libcst(source))


# ------------------------------------------------------------------ PEP 750 template strings


@pytest.mark.skipif(PY >= (3, 14), reason="3.14 parses t-strings natively")
def test_pep750_template_strings_become_joined_strings() -> None:
    source = case("pep750_tstrings.py.txt")
    result = parse_python(source, "templates.py")
    assert result.used_fallback is True
    for tree in (result.tree, parse_with_libcst(source)):
        render = tree.body[1]
        greeting = render.body[0].value
        assert isinstance(greeting, ast.JoinedStr)
        assert greeting.values[0].value == "hello "
        name = greeting.values[1].value
        assert isinstance(name, ast.Name) and name.id == "name"
        assert (name.lineno, name.col_offset) == line_col(source, "name}")

        cell = render.body[1].value.values[1]
        assert cell.conversion == ord("r")
        assert cell.format_spec.values[0].value == ">10"

        call = render.body[2].value
        assert isinstance(call, ast.Call) and call.func.attr == "execute"
        assert call.lineno == 7
        row = call.args[0].values[1].value
        assert isinstance(row, ast.Subscript) and row.slice.value == 1
        assert (row.lineno, row.col_offset) == line_col(source, "rows[1]")

        raw = render.body[3].value
        assert raw.values[0].value == "\\d+name="
        assert raw.values[1].conversion == ord("r")
        compile(tree, "templates.py", "exec")


# ------------------------------------------------------------------ PEP 758 except lists


@pytest.mark.skipif(PY >= (3, 14), reason="3.14 parses PEP 758 natively")
def test_pep758_unparenthesized_except() -> None:
    source = case("pep758_except.py.txt")
    result = parse_python(source, "errors.py")
    assert result.used_fallback is True
    for tree in (result.tree, parse_with_libcst(source)):
        load = tree.body[2]
        handler = load.body[0].handlers[0]
        assert isinstance(handler, ast.ExceptHandler)
        assert (handler.lineno, handler.col_offset, handler.end_lineno) == (9, 4, 10)
        assert handler.name is None
        assert isinstance(handler.type, ast.Tuple)
        assert [e.id for e in handler.type.elts] == ["ValueError", "TypeError"]
        assert (handler.type.lineno, handler.type.col_offset) == line_col(source, "ValueError, TypeError")
        assert handler.type.end_col_offset == handler.type.col_offset + len("ValueError, TypeError")

        second = load.body[0].handlers[1]
        assert second.name == "exc" and second.type.id == "OSError"
        assert isinstance(second.body[0], ast.Raise) and second.body[0].cause.id == "exc"

        star_try = tree.body[3].body[0]
        assert type(star_try).__name__ == ("TryStar" if PY >= (3, 11) else "Try")
        star_handler = star_try.handlers[0]
        assert [e.id for e in star_handler.type.elts] == ["KeyError", "IndexError"]
        compile(tree, "errors.py", "exec")


# ------------------------------------------------------------------ differential: fallback == interpreter


CORPUS = sorted(p.name for p in CASES.glob("corpus_*.py.txt"))
STDLIB_MODULES = [
    "json.decoder",
    "argparse",
    "email.utils",
    "dataclasses",
    "asyncio.tasks",
    "textwrap",
    "string",
]


def test_corpus_is_substantial() -> None:
    assert len(CORPUS) >= 5
    for name in CORPUS:
        assert 60 <= case(name).count("\n") <= 150, name


@pytest.mark.parametrize("name", CORPUS)
def test_fallback_matches_interpreter_on_corpus(name: str) -> None:
    source = case(name)
    assert_same_tree(ast.parse(source), parse_with_libcst(source))


@pytest.mark.parametrize("name", CORPUS)
def test_fallback_matches_interpreter_with_crlf_line_endings(name: str) -> None:
    source = case(name).replace("\n", "\r\n")
    assert_same_tree(ast.parse(source), parse_with_libcst(source))


@pytest.mark.parametrize("module_name", STDLIB_MODULES)
def test_fallback_matches_interpreter_on_stdlib(module_name: str) -> None:
    module = __import__(module_name, fromlist=["_"])
    path = inspect.getsourcefile(module)
    assert path is not None
    source = Path(path).read_text(encoding="utf-8")
    assert_same_tree(ast.parse(source), parse_with_libcst(source))


def test_convert_module_is_usable_on_a_libcst_tree() -> None:
    source = case(CORPUS[0])
    assert_same_tree(ast.parse(source), convert_module(libcst.parse_module(source), source))


@pytest.mark.parametrize(
    "snippet",
    [
        'x = f"{a!r:>{width}} {b=} {{braces}} {c:.2f}" "tail" f"{d}"\n',
        'x = u"legacy" "kind"\n',
        'x = f"{a,}"\n',
        pytest.param("x = a[*b]\n", marks=pytest.mark.skipif(PY < (3, 11), reason="PEP 646 syntax")),
        "x = [*a, *b]\n(y := 1)\n",
        "def f(a, /, b=1, *c, d, e=2, **f): pass\n",
        "class C(*bases, metaclass=M, **kw): pass\n",
        "if a: b;\nelif c: d; e\nelse: f\n",
        "with (open(a) as b, open(c) as d):\n    pass\n",
        "del (a), [b, c], d.e, f[0]\n",
        "match p:\n    case [1, *_]: pass\n    case (1 | 2) as z: pass\n    case {**rest}: pass\n",
        "x = (\n    1  # one\n    ,  # comma\n)\n",
        "@decorator\n\nasync def f():\n    return [x async for x in y if x]\n",
        "x = 1 if y else 2; z = not a or b and c\n",
        "print(*args, sep='', **kw)\n",
        "from ...pkg.mod import (a as b, c)\nfrom . import *\n",
        "x = 'caf\\xe9' + \"\\N{BULLET}\" + r'\\d' + b'\\x00'\n",
        "µ = 1\nﬁle = µ\n",
        "if x:\n\tpass\n",
        "x = 1\x0c\ny = 2\n",
    ],
)
def test_fallback_matches_interpreter_on_snippets(snippet: str) -> None:
    assert_same_tree(ast.parse(snippet), parse_with_libcst(snippet))


# ------------------------------------------------------------------ robustness


def test_thousand_level_parentheses_end_quickly_and_cleanly() -> None:
    source = "value = " + "(" * 1000 + "1" + ")" * 1000 + "\n"
    start = time.perf_counter()
    try:
        result = parse_python(source, "deep.py")
    except ParseError as exc:
        assert "too deeply nested" in exc.message
    else:  # an interpreter able to parse it natively is fine too
        assert isinstance(result.tree, ast.Module)
    assert time.perf_counter() - start < 2.0


def test_thousand_level_parentheses_through_the_forced_fallback() -> None:
    source = "value = " + "(" * 1000 + "1" + ")" * 1000 + "\n"
    start = time.perf_counter()
    with pytest.raises(Exception, match="nested"):
        parse_with_libcst(source)
    assert time.perf_counter() - start < 2.0


NEEDS_FALLBACK = "try:\n    pass\nexcept A, B:\n    pass\n"


@pytest.mark.parametrize(
    "body",
    [
        "x = " + "-" * 5000 + "1\n",
        "x = " + " + ".join(["a"] * 5000) + "\n",
        "x = a" + "()" * 5000 + "\n",
        "x = " + "[" * 300 + "]" * 300 + "\n",
        "".join(" " * i + "if x:\n" for i in range(150)) + " " * 150 + "pass\n",
    ],
    ids=["unary", "additions", "calls", "lists", "indentation"],
)
def test_pathological_nesting_is_refused_quickly(body: str) -> None:
    start = time.perf_counter()
    with pytest.raises(ParseError, match="too deeply nested"):
        parse_python(NEEDS_FALLBACK + body, "deep.py")
    assert time.perf_counter() - start < 2.0


def test_long_flat_constructs_still_convert() -> None:
    # (sizes stay within what ast.dump itself can print under the default recursion limit)
    branches = "".join(f"elif key == {i}:\n    value = {i}\n" for i in range(200))
    strings = "text = (\n" + "".join(f'    "part {i} "\n' for i in range(400)) + ")\n"
    additions = "total = " + " + ".join(f"n{i}" for i in range(150)) + "\n"
    source = NEEDS_FALLBACK + "if key is None:\n    value = 0\n" + branches + strings + additions
    limit = sys.getrecursionlimit()
    tree = parse_python(source, "flat.py").tree
    assert sys.getrecursionlimit() == limit
    reference = ast.parse(source.replace("except A, B:", "except (A, B):"))
    assert_same_tree(
        ast.Module(body=reference.body[1:], type_ignores=[]),
        ast.Module(body=tree.body[1:], type_ignores=[]),
    )


def test_fallback_works_from_a_small_stack_thread() -> None:
    source = NEEDS_FALLBACK + "x = " + "[" * 150 + "]" * 150 + "\n"
    outcome: list[object] = []

    def worker() -> None:
        try:
            outcome.append(parse_python(source, "nested.py"))
        except BaseException as exc:  # reported below
            outcome.append(exc)

    previous = threading.stack_size(512 * 1024)
    try:
        thread = threading.Thread(target=worker)
        thread.start()
    finally:
        threading.stack_size(previous)
    thread.join()
    assert isinstance(outcome[0], Parsed), outcome[0]
    assert outcome[0].used_fallback
