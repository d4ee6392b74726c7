"""The framework records: the docs are generated from them, and the data flow reads their union."""

from __future__ import annotations

import ast
from pathlib import Path

from secpat.dataflow import requests as R
from secpat.frameworks import docs, known
from secpat.frameworks.record import ALWAYS_HTML, HTML_BY_DEFAULT, HTML_IF_SAID, OBJECTS, Framework
from secpat.model.module import Module

ROOT = Path(__file__).resolve().parent.parent


def test_the_generated_docs_section_is_current() -> None:
    text = (ROOT / "docs" / "frameworks.md").read_text(encoding="utf-8")
    assert docs.rewrite(text) == text, "run: python -m secpat.frameworks.docs docs/frameworks.md"


def test_every_framework_has_a_table_in_the_docs() -> None:
    text = (ROOT / "docs" / "frameworks.md").read_text(encoding="utf-8")
    for framework in known.frameworks():
        assert f"#### {framework.title}" in text


def test_records_are_well_formed() -> None:
    names = [f.name for f in known.frameworks()]
    assert len(names) == len(set(names))
    for framework in known.frameworks():
        assert isinstance(framework, Framework)
        assert framework.roots, framework.name
        assert framework.mount_prefix in ("append", "replace")
        for _, kind in framework.responses:
            assert kind in (ALWAYS_HTML, HTML_BY_DEFAULT, HTML_IF_SAID)
        if framework.routing == OBJECTS:
            assert framework.apps, f"{framework.name}: routes on objects need an app constructor"
        constructors = {c for c, _ in framework.debug_switches}
        assert constructors <= set(framework.apps), framework.name


def test_the_data_flow_reads_the_union_of_the_records() -> None:
    assert {"query", "match_info"} <= R.INPUT_ATTRIBUTES  # aiohttp
    assert {"GET", "POST", "args", "form", "path_params", "rfile"} <= R.INPUT_ATTRIBUTES
    assert "aiohttp.web.Request" in R.REQUEST_CLASSES
    assert "flask.request" in R.REQUEST_OBJECTS


def _module(source: str, name: str = "app") -> Module:
    return Module(ast.parse(source), path=f"{name}.py", module_name=name, source=source)


def test_route_framework_follows_the_decorated_object() -> None:
    module = _module(
        "from aiohttp import web\n"
        "routes = web.RouteTableDef()\n"
        "@routes.post('/login')\n"
        "async def login(request):\n"
        "    return web.Response()\n")
    function = next(f for f in module.functions.values() if f.name == "login")
    assert R.route_framework(module, function) == "aiohttp"


def test_a_starlette_module_is_not_read_as_fastapi() -> None:
    module = _module(
        "from starlette.applications import Starlette\n"
        "app = Starlette()\n"
        "@app.route('/items/{name}')\n"
        "async def item(request, name):\n"
        "    return None\n")
    function = next(f for f in module.functions.values() if f.name == "item")
    assert R.route_framework(module, function) == "starlette"
    assert "name" not in R.request_parameters(module, function)  # FastAPI would fill it from the path


def test_self_is_the_request_only_in_an_http_server_handler() -> None:
    module = _module(
        "from http.server import BaseHTTPRequestHandler\n"
        "class Base(BaseHTTPRequestHandler):\n"
        "    pass\n"
        "class Handler(Base):\n"
        "    def do_GET(self):\n"
        "        return self.path\n"
        "class Other:\n"
        "    def do_GET(self):\n"
        "        return self.path\n")
    handler = next(f for f in module.functions.values() if f.qualname == "Handler.do_GET")
    other = next(f for f in module.functions.values() if f.qualname == "Other.do_GET")
    assert R.is_request_object_param(module, handler, "self")
    assert not R.is_request_object_param(module, other, "self")
