"""Make a copy of a Python tree written with Python 3.12 f-strings, and time secpat on it per interpreter.

``to_pep701(text)`` rewrites a module's f-strings the way a project written for
3.12 writes them: a string nested in a replacement field takes the f-string's
own quotes (``f"{user['name']}"`` becomes ``f"{user["name"]}"``), and with
``escapes=True`` its first letter is also written as an escape
(``f"{user["\\x6eame"]}"``), a backslash older Pythons refuse.  Only one-line
f-strings change, and nothing outside them; the file's lines stay where they were.

    python bench/newsyntax.py make SRC DEST [--escapes]    # write the converted tree
    python bench/newsyntax.py bench TREE --python 3.10=PATH --python 3.11=PATH --python 3.12=PATH

``bench`` converts TREE into a scratch folder (the quote form), then runs, interleaved, for each
interpreter: secpat's own parse of every converted file (``parse_python``; on 3.12 the
interpreter reads the files itself, older ones take the fast path or the fallback), the plain
``ast.parse`` floor of the original files on that interpreter, and a cold ``secpat check`` of
the converted tree.  Each PATH is a Python with secpat installed (its ``secpat`` script beside it).
"""

from __future__ import annotations

import argparse
import ast
import io
import json
import os
import re
import shutil
import statistics
import subprocess
import tempfile
import time
import tokenize
import warnings
from pathlib import Path

_OPENING = re.compile(r"([A-Za-z]{0,2})('''|\"\"\"|'|\")")
_LITERAL = re.compile(r"([A-Za-z]{0,2})(['\"])(.*)\2", re.DOTALL)


def to_pep701(text: str, escapes: bool = False) -> str:
    """``text`` with its one-line f-strings' nested strings quoted like the f-string itself."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # invalid escape sequences are the tree's business
            tree = ast.parse(text)
        tokens = list(tokenize.generate_tokens(io.StringIO(text).readline))
    except (SyntaxError, tokenize.TokenError, ValueError, RecursionError, MemoryError):
        return text
    lines = text.splitlines(keepends=True)
    # f-string tokens on one line, by (line, start column in bytes) -> end column in bytes
    fstring_tokens: dict[tuple[int, int], int] = {}
    for token in tokens:
        if token.type == tokenize.STRING and token.start[0] == token.end[0]:
            opening = _OPENING.match(token.string)
            if opening and "f" in opening.group(1).lower() and len(opening.group(2)) == 1:
                line = lines[token.start[0] - 1]
                start = len(line[: token.start[1]].encode("utf-8"))
                fstring_tokens[(token.start[0], start)] = start + len(token.string.encode("utf-8"))
    edits: dict[int, list[tuple[int, int, bytes]]] = {}
    for node in ast.walk(tree):
        if not isinstance(node, ast.JoinedStr):
            continue
        end = fstring_tokens.get((node.lineno, node.col_offset))
        if end is None or node.end_lineno != node.lineno or node.end_col_offset != end:
            continue  # several tokens (implicit concatenation) or a nested f-string
        raw_line = lines[node.lineno - 1].encode("utf-8")
        quote = _OPENING.match(raw_line[node.col_offset : end].decode("utf-8")).group(2)  # type: ignore[union-attr]
        for field in node.values:
            if not isinstance(field, ast.FormattedValue):
                continue
            for inner in ast.walk(field.value):
                if not (isinstance(inner, ast.Constant) and isinstance(inner.value, str)):
                    continue
                if inner.lineno != node.lineno or inner.end_lineno != node.lineno:
                    continue
                literal = raw_line[inner.col_offset : inner.end_col_offset].decode("utf-8", "replace")
                match = _LITERAL.fullmatch(literal)
                if match is None or match.group(2) == quote or "\\" in literal or quote in match.group(3):
                    continue
                if match.group(1).lower() not in ("", "u"):
                    continue
                try:
                    if ast.literal_eval(literal) != inner.value:
                        continue
                except (SyntaxError, ValueError):
                    continue
                body = match.group(3)
                if escapes:
                    letter = re.search(r"[A-Za-z]", body)
                    if letter is None:
                        continue
                    body = body[: letter.start()] + f"\\x{ord(letter.group()):02x}" + body[letter.end() :]
                replacement = f"{match.group(1)}{quote}{body}{quote}".encode("utf-8")
                edits.setdefault(node.lineno, []).append((inner.col_offset, inner.end_col_offset, replacement))
    if not edits:
        return text
    out = []
    for number, line in enumerate(lines, start=1):
        if number in edits:
            raw = line.encode("utf-8")
            for start, stop, replacement in sorted(edits[number], reverse=True):
                raw = raw[:start] + replacement + raw[stop:]
            line = raw.decode("utf-8")
        out.append(line)
    return "".join(out)


# Appended to a module that nests no string in an f-string, so that it too is written for 3.12: a module-level
# name no rule looks at, its value the module's own name.
APPENDED = '\n__qualified_module__ = f"{__name__ + "."}"\n'


def make_tree(source: Path, dest: Path, escapes: bool = False, append: bool = True) -> tuple[int, int]:
    """Copy ``source`` to ``dest`` with its .py files converted; return (.py files, files converted).

    With ``append``, every other module gets the line ``APPENDED`` at its end (the worst place:
    the interpreter's parser reads the whole file before it fails), so that the whole tree
    needs 3.12.
    """
    if dest.exists():
        shutil.rmtree(dest)
    shutil.copytree(source, dest, symlinks=True)
    files = changed = 0
    for path in sorted(dest.rglob("*.py")):
        if not path.is_file() or path.is_symlink():
            continue
        files += 1
        try:
            text = path.read_text(encoding="utf-8")
        except (UnicodeDecodeError, OSError):
            continue
        converted = to_pep701(text, escapes)
        if converted == text and append:
            converted = text + ("" if text.endswith("\n") else "\n") + APPENDED
        if converted != text:
            path.write_text(converted, encoding="utf-8")
            changed += 1
    return files, changed


# The child that times one interpreter's parse of a tree: plain ast.parse, or secpat's parse_python.
_PARSE_CHILD = r"""
import ast, sys, time, warnings
from pathlib import Path
mode, root = sys.argv[1], Path(sys.argv[2])
texts = []
for path in sorted(root.rglob("*.py")):
    try:
        texts.append((str(path), path.read_text(encoding="utf-8")))
    except (UnicodeDecodeError, OSError):
        pass
warnings.simplefilter("ignore")
if mode == "secpat":
    from secpat.parsing import parse_python, ParseError
    def parse(text, name):
        try:
            return parse_python(text, name).used_fallback
        except ParseError:
            return None
else:
    def parse(text, name):
        try:
            ast.parse(text, name)
            return False
        except SyntaxError:
            return None
start = time.perf_counter()
outcomes = [parse(text, name) for name, text in texts]
elapsed = time.perf_counter() - start
print(f"{elapsed} {outcomes.count(True)} {outcomes.count(None)}")
"""


def _run(command: list[str]) -> float:
    start = time.perf_counter()
    completed = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    elapsed = time.perf_counter() - start
    if completed.returncode not in (0, 1, 2):
        raise SystemExit(f"{command[0]} exited {completed.returncode}")
    return elapsed


def bench(tree: Path, pythons: dict[str, str], runs: int) -> dict:
    scratch = Path(tempfile.mkdtemp(prefix="secpat-newsyntax-"))
    try:
        converted = scratch / "tree"
        files, changed = make_tree(tree, converted)
        newer_only = 0
        for path in converted.rglob("*.py"):
            try:
                ast.parse(path.read_text(encoding="utf-8"))
            except SyntaxError:
                newer_only += 1
            except (UnicodeDecodeError, OSError, ValueError):
                pass
        samples: dict[str, dict[str, list[float]]] = {v: {"parse": [], "floor": [], "check": []} for v in pythons}
        fallbacks: dict[str, str] = {}
        for round_ in range(runs + 1):
            for version, python in pythons.items():
                out = subprocess.run(
                    [python, "-c", _PARSE_CHILD, "secpat", str(converted)], capture_output=True, text=True, check=True
                ).stdout.split()
                parse_s, fallback, failed = float(out[0]), out[1], out[2]
                fallbacks[version] = f"{fallback} fallback, {failed} failed"
                floor_s = float(
                    subprocess.run(
                        [python, "-c", _PARSE_CHILD, "ast", str(tree)], capture_output=True, text=True, check=True
                    ).stdout.split()[0]
                )
                secpat = str(Path(python).with_name("secpat"))
                check_s = _run(
                    [secpat, "check", str(converted), "--no-cache", "-q", "--format", "json", "--output", os.devnull]
                )
                if round_:
                    samples[version]["parse"].append(parse_s)
                    samples[version]["floor"].append(floor_s)
                    samples[version]["check"].append(check_s)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    medians = {v: {k: statistics.median(x) for k, x in s.items()} for v, s in samples.items()}
    return {
        "tree": str(tree),
        "py_files": files,
        "converted": changed,
        "newer_only": newer_only,
        "medians": medians,
        "fallbacks": fallbacks,
        "runs": runs,
        "loadavg": os.getloadavg(),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    make = sub.add_parser("make")
    make.add_argument("source", type=Path)
    make.add_argument("dest", type=Path)
    make.add_argument("--escapes", action="store_true")
    make.add_argument("--no-append", dest="append", action="store_false")
    run = sub.add_parser("bench")
    run.add_argument("tree", type=Path)
    run.add_argument("--python", action="append", required=True, metavar="VERSION=PATH")
    run.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    if args.command == "make":
        files, changed = make_tree(args.source, args.dest, args.escapes, args.append)
        print(f"{changed} of {files} .py files rewritten into {args.dest}")
        return
    pythons = dict(item.split("=", 1) for item in args.python)
    result = bench(args.tree, pythons, args.runs)
    print(
        f"tree {result['tree']}: {result['py_files']} .py files, {result['converted']} converted, "
        f"{result['newer_only']} parse only on 3.12+; {result['runs']} runs, medians; "
        f"load {' '.join(f'{x:.2f}' for x in result['loadavg'])}"
    )
    print(f"{'python':8} {'ast.parse orig':>15} {'secpat parse':>13} {'x floor':>8} {'check cold':>11}  parse path")
    for version, m in result["medians"].items():
        print(
            f"{version:8} {m['floor']:>14.3f}s {m['parse']:>12.3f}s {m['parse'] / m['floor']:>8.2f} "
            f"{m['check']:>10.3f}s  {result['fallbacks'][version]}"
        )
    print(json.dumps(result))


if __name__ == "__main__":
    main()
