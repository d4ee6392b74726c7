"""Generated and hostile input: the scanner returns findings or clear per-file notices, never crashes."""

from __future__ import annotations

import ast
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from secpat.config import load_config
from secpat.discovery import SourceFile, module_name_for
from secpat.engine import FileTask, analyse_file
from secpat.findings import NoticeKind

_SNIPPETS = [
    "import random\n",
    "import hashlib\n",
    "from flask import request, session\n",
    "token = random.randint(0, 9)\n",
    "password = request.form['password']\n",
    "def f(password):\n    return hashlib.md5(password).hexdigest()\n",
    "class A:\n    secret = 'x'\n    def m(self):\n        return self.secret == other\n",
    "x = [random.random() for _ in range(3)]\n",
    "session['sid'] = x\n",
    "if a == b:\n    pass\n",
    "async def g():\n    await h(token=random.random())\n",
    "y = f'{x!r:>{width}}'\n",
    "del x\n",
    "with open(p) as fh:\n    data = fh.read()\n",
    "try:\n    pass\nexcept (A, B) as e:\n    raise\n",
    "lambda: random.choice(s)\n",
    "match v:\n    case [1, *rest]:\n        pass\n",
    "@decorator(a=1)\ndef d(): ...\n",
    "x: int = 1\n",
    "a, *b = c\n",
    "while (n := n - 1):\n    pass\n",
    "global q\n",
    "x = y if z else w\n",
]


def _analyse(tmp_path: Path, data: bytes):
    path = tmp_path / "case.py"
    path.write_bytes(data)
    module_name, is_package = module_name_for(path, tmp_path)
    source = SourceFile(
        path=path, rel="case.py", kind="python", module_name=module_name, is_package=is_package, size=len(data)
    )
    config = load_config(tmp_path)
    return analyse_file(FileTask(source, config, frozenset({"case"})))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from(_SNIPPETS), min_size=1, max_size=12))
def test_valid_programs_never_crash(tmp_path: Path, parts: list[str]) -> None:
    source = "".join(parts)
    ast.parse(source)
    result = _analyse(tmp_path, source.encode())
    assert not [n for n in result.notices if n.kind is NoticeKind.INTERNAL_ERROR], result.notices
    assert result.analysed


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.binary(max_size=400) | st.text(max_size=400).map(lambda t: t.encode("utf-8", "surrogatepass")))
def test_arbitrary_bytes_end_in_findings_or_notices(tmp_path: Path, data: bytes) -> None:
    result = _analyse(tmp_path, data)
    assert not [n for n in result.notices if n.kind is NoticeKind.INTERNAL_ERROR], result.notices
    if not result.analysed:
        assert result.notices and all(n.message for n in result.notices)


def test_deep_nesting_and_long_modules_are_handled(tmp_path: Path) -> None:
    nested = ("x = " + "(" * 1000 + "1" + ")" * 1000 + "\n").encode()
    result = _analyse(tmp_path, nested)
    assert result.analysed or result.notices[0].kind is NoticeKind.TOO_COMPLEX
    calls = ("y = " + "f(" * 300 + "1" + ")" * 300 + "\n").encode()
    assert not [n for n in _analyse(tmp_path, calls).notices if n.kind is NoticeKind.INTERNAL_ERROR]
    long_module = "".join(f"def f{i}(password):\n    return hash(password) + {i}\n" for i in range(10_000))
    result = _analyse(tmp_path, long_module.encode())
    assert result.analysed and not result.notices
