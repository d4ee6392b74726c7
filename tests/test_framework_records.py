"""The framework records: the docs are generated from them, and the data flow reads their union."""

from __future__ import annotations

import ast
import sys
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


def test_every_framework_module_is_registered() -> None:
    """A module under `frameworks/` that opens with a record is one the registry lists."""
    declared = {
        f"secpat.frameworks.{path.stem}"
        for path in (ROOT / "src" / "secpat" / "frameworks").glob("*.py")
        if "\nFRAMEWORK = Framework(" in path.read_text(encoding="utf-8")
    }
    registered = {
        module.__name__ for module in sys.modules.values() if getattr(module, "FRAMEWORK", None) in known.frameworks()
    }
    assert len(declared) == len(known.frameworks()) >= 10
    assert declared == registered


def test_a_family_member_is_read_as_its_family() -> None:
    quart = known.record("quart")
    assert quart is not None and quart.kind == "flask" and quart.title == "Quart"
    assert known.owners()["quart.Quart"] == ("flask", "app")
    assert {"flask.session", "quart.session"} <= known.family_union("flask", "session_objects")
    module = _module(
        "from quart import Quart, request\napp = Quart(__name__)\n@app.post('/x')\nasync def x():\n    return ''\n"
    )
    function = next(f for f in module.functions.values() if f.name == "x")
    assert R.route_framework(module, function) == "flask"


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
        "    return web.Response()\n"
    )
    function = next(f for f in module.functions.values() if f.name == "login")
    assert R.route_framework(module, function) == "aiohttp"


def test_a_starlette_module_is_not_read_as_fastapi() -> None:
    module = _module(
        "from starlette.applications import Starlette\n"
        "app = Starlette()\n"
        "@app.route('/items/{name}')\n"
        "async def item(request, name):\n"
        "    return None\n"
    )
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
        "        return self.path\n"
    )
    handler = next(f for f in module.functions.values() if f.qualname == "Handler.do_GET")
    other = next(f for f in module.functions.values() if f.qualname == "Other.do_GET")
    assert R.is_request_object_param(module, handler, "self")
    assert not R.is_request_object_param(module, other, "self")


def _routes(tmp_path: Path, files: dict[str, str]) -> set[tuple[str, str, str]]:
    from secpat.cli.routes import collect
    from secpat.config import load_config

    for name, text in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text)
    model = collect([tmp_path], load_config(tmp_path))
    return {("/".join(r.methods), r.path, r.view) for r in model.routes}


def test_aiohttp_sub_apps_class_views_and_any_method(tmp_path: Path) -> None:
    found = _routes(
        tmp_path,
        {
            "app.py": (
                "from aiohttp import web\n"
                "class Items(web.View):\n"
                "    async def get(self):\n"
                "        return web.json_response([])\n"
                "    async def post(self):\n"
                "        return web.json_response({})\n"
                "async def anything(request):\n"
                "    return web.Response()\n"
                "api = web.Application()\n"
                "api.router.add_view('/items', Items)\n"
                "api.add_routes([web.route('*', '/any', anything)])\n"
                "app = web.Application()\n"
                "app.add_subapp('/api/', api)\n"
            )
        },
    )
    assert ("GET", "/api/items", "app.Items.get") in found
    assert ("POST", "/api/items", "app.Items.post") in found
    assert any(path == "/api/any" and view == "app.anything" for _, path, view in found)


def test_http_server_paths_come_from_the_tests_of_the_request_path(tmp_path: Path) -> None:
    found = _routes(
        tmp_path,
        {
            "server.py": (
                "from http.server import BaseHTTPRequestHandler\n"
                "from urllib.parse import urlparse\n"
                "class Handler(BaseHTTPRequestHandler):\n"
                "    def do_GET(self):\n"
                "        path = urlparse(self.path).path\n"
                "        if path in ('/', '/index'):\n"
                "            pass\n"
                "        elif self.path.startswith('/static/'):\n"
                "            pass\n"
                "    def do_POST(self):\n"
                "        if self.path == '/login':\n"
                "            self.handle_login()\n"
                "    def do_DELETE(self):\n"
                "        pass\n"
                "    def handle_login(self):\n"
                "        pass\n"
            )
        },
    )
    assert found == {
        ("GET", "/", "server.Handler.do_GET"),
        ("GET", "/index", "server.Handler.do_GET"),
        ("GET", "/static/*", "server.Handler.do_GET"),
        ("POST", "/login", "server.Handler.handle_login"),
        ("DELETE", "/*", "server.Handler.do_DELETE"),
    }


def test_starlette_mounts_of_routers_and_nested_lists(tmp_path: Path) -> None:
    found = _routes(
        tmp_path,
        {
            "main.py": (
                "from starlette.applications import Starlette\n"
                "from starlette.routing import Mount, Route, Router\n"
                "async def ping(request):\n"
                "    return None\n"
                "async def login(request):\n"
                "    return None\n"
                "admin = Router(routes=[Route('/ping', ping)])\n"
                "app = Starlette(routes=[Mount('/admin', app=admin),\n"
                "                        Mount('/v1', routes=[Mount('/auth', routes=[Route('/login', login,\n"
                "                                                                          methods=['POST'])])])])\n"
            )
        },
    )
    assert found == {("GET", "/admin/ping", "main.ping"), ("POST", "/v1/auth/login", "main.login")}


def test_two_apps_with_the_same_module_names_are_modelled_apart(tmp_path: Path) -> None:
    from secpat.cli.routes import collect
    from secpat.config import load_config

    app = "from flask import Flask\napp = Flask(__name__)\n@app.post('/login')\ndef login():\n    return ''\n"
    for version in ("bad", "good"):
        (tmp_path / version / "shop").mkdir(parents=True)
        (tmp_path / version / "shop" / "__init__.py").write_text(app)
    (tmp_path / "good" / "shop" / "limits.py").write_text(
        "from flask_limiter import Limiter\nfrom shop import app\nlimiter = Limiter(app=app, default_limits=['9/m'])\n"
    )
    model = collect([tmp_path], load_config(tmp_path))
    assert len(model.parts) == 2
    limits = {route.file.split("/")[0]: route.limit for route in model.routes}
    assert limits == {"bad": "", "good": "flask-limiter default_limits"}


def test_aiohttp_handlers_defined_inside_an_app_factory(tmp_path: Path) -> None:
    from secpat.cli.routes import collect
    from secpat.config import load_config

    (tmp_path / "app.py").write_text(
        "from aiohttp import web\n"
        "def create_app():\n"
        "    async def login(request):\n"
        "        form = await request.post()\n"
        "        return check_password(form['user'], form['password'])\n"
        "    def helper():\n"
        "        return 1\n"
        "    app = web.Application()\n"
        "    app.add_routes([web.post('/login', login)])\n"
        "    return app\n"
    )
    model = collect([tmp_path], load_config(tmp_path))
    [route] = model.routes
    assert (route.path, route.view, route.category) == ("/login", "app.create_app.login", "login")
    assert route.handler is not None and route.app == "app.create_app.app"
    assert "app.create_app.helper" not in model.views  # a nested helper no routing call names is not a view
