#!/usr/bin/env python3
"""Parse floor: read and ``ast.parse`` every ``.py`` file below a directory.

This is the least work any AST-based checker has to do on a tree, so its wall
time is the reference that ``bench.py`` compares secpat against.

    python bench/ast_floor.py TREE            # one process
    python bench/ast_floor.py TREE --jobs 2   # a pool of two worker processes

Prints one JSON object on stdout: files parsed, syntax errors, lines, bytes.
With ``--jobs N`` (N > 1) the files are parsed by a ``multiprocessing`` pool;
the parent only walks the tree and sums the results, and it joins every worker
before exiting, so the workers' CPU time and peak RSS are visible to whoever
waits for this process.
"""

from __future__ import annotations

import argparse
import ast
import json
import os
import sys
import warnings


def iter_py_files(root: str) -> list[str]:
    """All ``.py`` files below *root*, sorted, following the same walk as bench.py."""
    found: list[str] = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames.sort()
        for name in sorted(filenames):
            if name.endswith(".py"):
                found.append(os.path.join(dirpath, name))
    return found


def parse_one(path: str) -> tuple[int, int, int]:
    """Return (parsed_ok, lines, bytes) for one file."""
    with open(path, "rb") as handle:
        data = handle.read()
    lines = data.count(b"\n") + (1 if data and not data.endswith(b"\n") else 0)
    try:
        with warnings.catch_warnings():
            # Invalid escape sequences etc. are not what is being measured.
            warnings.simplefilter("ignore")
            ast.parse(data, filename=path)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return 0, lines, len(data)
    return 1, lines, len(data)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("tree", help="directory to parse")
    parser.add_argument("--jobs", type=int, default=1, help="worker processes (default 1: no pool)")
    args = parser.parse_args(argv)

    files = iter_py_files(args.tree)
    ok = lines = size = 0
    if args.jobs <= 1:
        for path in files:
            parsed, n_lines, n_bytes = parse_one(path)
            ok += parsed
            lines += n_lines
            size += n_bytes
    else:
        import multiprocessing

        pool = multiprocessing.get_context("fork").Pool(args.jobs)
        try:
            for parsed, n_lines, n_bytes in pool.imap_unordered(parse_one, files, chunksize=8):
                ok += parsed
                lines += n_lines
                size += n_bytes
        finally:
            pool.close()
            pool.join()

    json.dump(
        {
            "files": len(files),
            "parsed": ok,
            "syntax_errors": len(files) - ok,
            "lines": lines,
            "bytes": size,
            "jobs": max(1, args.jobs),
        },
        sys.stdout,
    )
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
