"""A file's model is freed by reference counting when its analysis ends: a worker that analyses thousands of
files neither piles up their trees nor spends its time in the cyclic collector."""

from __future__ import annotations

import gc
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from secpat.config import load_config
from secpat.discovery import SourceFile, module_name_for
from secpat.engine import FileTask, analyse_file

REPO = Path(__file__).resolve().parent.parent
SOURCES = sorted([*(REPO / "tests" / "fixtures").rglob("*.py"), *(REPO / "examples").rglob("*.py")])


def _task(path: Path) -> FileTask:
    root = path.parent
    module_name, is_package = module_name_for(path, root)
    source = SourceFile(
        path=path,
        rel=path.name,
        kind="python",
        module_name=module_name,
        is_package=is_package,
        size=path.stat().st_size,
    )
    return FileTask(source, load_config(root), frozenset({module_name.split(".", 1)[0]}))


@pytest.fixture
def cyclic_garbage() -> Iterator[Callable[[], dict[str, int]]]:
    """With the cyclic collector switched off for the test, a function that runs it and counts, by type,
    the garbage it found that belongs to a syntax tree or to secpat's model of one."""

    def collect() -> dict[str, int]:
        gc.collect()
        found = Counter(f"{type(o).__module__}.{type(o).__qualname__}" for o in gc.garbage)
        return {name: n for name, n in found.items() if name.startswith(("ast.", "secpat."))}

    was_enabled = gc.isenabled()
    gc.collect()
    gc.disable()
    gc.set_debug(gc.DEBUG_SAVEALL)
    try:
        yield collect
    finally:
        gc.set_debug(0)
        gc.garbage.clear()
        gc.collect()
        if was_enabled:
            gc.enable()


def test_the_sources_exercise_calls_and_flows() -> None:
    assert len(SOURCES) > 50
    results = [analyse_file(_task(path)) for path in SOURCES]
    assert all(r.analysed for r in results)
    assert sum(len(r.findings) + len(r.conditionals) for r in results) > 100  # flows were computed


@pytest.mark.parametrize("path", SOURCES[::7], ids=lambda p: str(p.relative_to(REPO)))
def test_analysing_a_file_leaves_no_cyclic_garbage(path: Path, cyclic_garbage: Callable[[], dict[str, int]]) -> None:
    analyse_file(_task(path))
    assert cyclic_garbage() == {}


def test_a_run_of_many_files_leaves_no_cyclic_garbage(cyclic_garbage: Callable[[], dict[str, int]]) -> None:
    for path in SOURCES:
        analyse_file(_task(path))
    assert cyclic_garbage() == {}
