"""The model reads a name as the constant it is bound to only when nothing else can change it."""

from __future__ import annotations

import ast

import pytest

from secpat.model.module import Module
from secpat.parsing import parse_python

UNKNOWN = object()


def value_at(source: str, keyword: str = "x") -> object:
    """The constant passed as `keyword=` to the call `use(...)` in `source`."""
    module = Module(parse_python(source, "app.py").tree, path="app.py", module_name="app", source=source)
    (call,) = [c for c in module.calls if c.method == "use"]
    return module.constant(call.arg(keyword=keyword), UNKNOWN, call.scope)


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ('A = ["*"]\nuse(x=A)\n', ["*"]),
        ('use(x=A)\nA = ("*",)\n', ("*",)),  # bound once, wherever: the call runs after the module is loaded
        ("def f():\n    flag = False\n    use(x=flag)\n", False),
        ("def f():\n    flag = False\n    def g():\n        use(x=flag)\n", False),  # a name of the enclosing function
        ('A = "*"\nB = [A, "https://a.example"]\nuse(x=B)\n', ["*", "https://a.example"]),  # names inside names
        ('HOSTS: list[str] = ["*"]\nuse(x=HOSTS)\n', ["*"]),
        ("class C:\n    OFF = False\n    use(x=OFF)\n", False),  # a class body reads its own names
        ('A = "*"\ndef f():\n    use(x=A)\n', "*"),
    ],
)
def test_names_bound_once_to_a_literal_are_read(source: str, expected: object) -> None:
    assert value_at(source) == expected


@pytest.mark.parametrize(
    "source",
    [
        'A = ["*"]\nA = []\nuse(x=A)\n',  # bound twice
        'A = ["*"]\nA.clear()\nuse(x=A)\n',  # changed in place
        'A = {"k": 1}\nA["k"] = 2\nuse(x=A)\n',
        'A = ["*"]\ndef f():\n    A.append("x")\nuse(x=A)\n',  # changed in place by a function
        "A = False\ndef f():\n    global A\n    A = True\nuse(x=A)\n",
        "def f(flag=False):\n    use(x=flag)\n",  # a parameter
        "def f():\n    flag = False\n    def g():\n        nonlocal flag\n        flag = True\n    use(x=flag)\n",
        "def f():\n    flag = False\n    flag += 1\n    use(x=flag)\n",
        "A, B = False, True\nuse(x=A)\n",  # a tuple target
        "for A in (False, True):\n    use(x=A)\n",
        "A = B\nB = A\nuse(x=A)\n",  # a cycle ends, unread
        'import os\nA = os.environ["A"]\nuse(x=A)\n',
        "class C:\n    OFF = False\n    def m(self):\n        use(x=OFF)\n",  # a method does not see the class body
        "use(x=UNBOUND)\n",
    ],
)
def test_names_that_may_hold_another_value_are_not_read(source: str) -> None:
    assert value_at(source) is UNKNOWN


def test_constant_items_reads_the_entries_it_can() -> None:
    source = (
        "def f(raw, audience):\n"
        "    check = False\n"
        '    opts = {"verify_signature": check, "audience": audience, "leeway": 10}\n'
        "    use(x=opts)\n"
        "    use(x=dict(verify_exp=check, other=raw))\n"
    )
    module = Module(parse_python(source, "app.py").tree, path="app.py", module_name="app", source=source)
    first, second = [c for c in module.calls if c.method == "use"]
    assert module.constant_items(first.arg(keyword="x"), first.scope) == {"verify_signature": False, "leeway": 10}
    assert module.constant_items(second.arg(keyword="x"), second.scope) == {"verify_exp": False}
    assert module.constant(first.arg(keyword="x"), UNKNOWN, first.scope) is UNKNOWN  # not all of it is known
    assert module.constant_items(ast.Name(id="missing"), first.scope) == {}


@pytest.mark.parametrize(
    "source",
    [
        "def f(pw, stored):\n    if stored:\n        import bcrypt\n        return bcrypt.checkpw(pw, stored)\n",
        "def f(pw, stored):\n    try:\n        import bcrypt\n    except ImportError:\n        return None\n"
        "    return bcrypt.checkpw(pw, stored)\n",
        "def f(pw, stored):\n    for _ in range(1):\n        with open('x'):\n            from bcrypt import checkpw\n"
        "    return checkpw(pw, stored)\n",
    ],
)
def test_an_import_anywhere_in_a_function_binds_its_name_for_the_whole_body(source: str) -> None:
    module = Module(parse_python(source, "app.py").tree, path="app.py", module_name="app", source=source)
    assert [c.callee for c in module.calls if c.method == "checkpw"] == ["bcrypt.checkpw"]


def test_an_import_in_a_nested_function_stays_there() -> None:
    source = "def f(pw, stored):\n    def g():\n        import bcrypt\n    return bcrypt.checkpw(pw, stored)\n"
    module = Module(parse_python(source, "app.py").tree, path="app.py", module_name="app", source=source)
    assert [c.callee for c in module.calls if c.method == "checkpw"] == [None]
