"""Which endpoints to probe: from the app's OpenAPI document, from HTML forms, and from options.

Endpoints are classified by method, path, operationId and field names, the way the static
route table classifies views: a POST that reads a username and a password is a login (or a
token endpoint when its path or name says token); a GET with a string query parameter is a
place to reflect markers and quotes; a GET that needs a bearer token is where forged tokens
are tried. Options name endpoints explicitly and override what was found.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from html.parser import HTMLParser
from typing import Any
from urllib.parse import urljoin, urlsplit

from secpat.probe.client import ProbeClient

USERNAME_FIELD = re.compile(r"^(user(_?name)?|e-?mail(_?address)?|login|account|identifier|handle)$", re.I)
PASSWORD_FIELD = re.compile(r"^(pass(word)?|passwd|pwd|passphrase)$", re.I)
CSRF_FIELD = re.compile(r"csrf|xsrf|authenticity_token|^_token$|anti_?forgery|request_?verification", re.I)

_WORDS = re.compile(r"[a-z]+")
_LOGIN = {"login", "signin", "logon", "session", "sessions", "auth", "authenticate"}
_TOKEN = {"token", "tokens", "jwt", "oauth", "oauth2"}
_NOT_LOGIN = {"register", "registration", "signup", "join", "reset", "forgot", "recover", "change", "users",
              "password", "verify", "confirm", "logout", "signout", "refresh"}
_NOT_FORM = _NOT_LOGIN | _LOGIN | _TOKEN | {"delete", "remove", "destroy", "logoff", "deactivate"}
_METHODS = ("get", "post", "put", "patch", "delete")
_MAX_PARAMS = 4
_MAX_FORMS = 2
_MAX_PAGES = 4


@dataclass(frozen=True, slots=True)
class Field:
    name: str
    type: str = "string"  # string | integer | number | boolean | password | hidden | email | …
    required: bool = False
    value: str | None = None  # the value an HTML page gave the field (hidden inputs, defaults)


@dataclass(frozen=True, slots=True)
class Endpoint:
    method: str
    path: str
    body: str = "form"  # form | json | none
    fields: tuple[Field, ...] = ()
    query: tuple[Field, ...] = ()
    bearer: bool = False  # documented as needing a bearer token
    html: bool = False  # documented or seen to answer with HTML
    page: str | None = None  # the page whose HTML form this request submits
    name: str = ""  # operationId or form id
    source: str = ""  # "openapi", "option" or "form on /page"

    def field_names(self) -> set[str]:
        return {f.name for f in self.fields}


@dataclass(frozen=True, slots=True)
class Login:
    """A credential-checking endpoint and the names of its two fields."""

    endpoint: Endpoint
    username_field: str
    password_field: str


@dataclass(frozen=True, slots=True)
class Param:
    endpoint: Endpoint
    name: str


@dataclass(slots=True)
class Endpoints:
    openapi: str | None = None  # the path the OpenAPI document was read from
    login: Login | None = None
    token: Login | None = None
    forms: list[Endpoint] = field(default_factory=list)  # state-changing requests for CSRF101
    params: list[Param] = field(default_factory=list)  # query parameters for XSS101 / SQL101
    api: list[Endpoint] = field(default_factory=list)  # GET endpoints that need the bearer token
    pages: list[str] = field(default_factory=list)  # HTML pages for CONF104
    json_posts: list[Endpoint] = field(default_factory=list)  # JSON bodies to send malformed JSON to

    def describe(self) -> list[str]:
        """One line per kind of endpoint, for the report."""
        lines = []
        if self.login:
            lines.append(f"login: {self.login.endpoint.method} {self.login.endpoint.path} "
                         f"({self.login.username_field}, {self.login.password_field}; {self.login.endpoint.source})")
        if self.token:
            lines.append(f"token: {self.token.endpoint.method} {self.token.endpoint.path} "
                         f"({self.token.username_field}, {self.token.password_field}; {self.token.endpoint.source})")
        if self.forms:
            lines.append("forms: " + ", ".join(f"{e.method} {e.path}" for e in self.forms))
        if self.params:
            lines.append("parameters: " + ", ".join(f"{p.endpoint.path}?{p.name}" for p in self.params))
        if self.api:
            lines.append("bearer endpoints: " + ", ".join(e.path for e in self.api))
        if self.pages:
            lines.append("pages: " + ", ".join(self.pages))
        return lines


# -- OpenAPI ---------------------------------------------------------------------------


def from_openapi(doc: Mapping[str, Any], prefix: str = "") -> Endpoints:
    """Endpoints of an OpenAPI 3 (or Swagger 2) document, classified; paths get `prefix`."""
    operations = list(_operations(doc, prefix))
    found = Endpoints()
    logins = [e for e in operations if _credentials(e) and not _is_token(e) and _login_like(e)]
    tokens = [e for e in operations if _credentials(e) and _is_token(e)]
    # A browser login form first: its cookie is the session CSRF101 and CONF103 are about.
    logins.sort(key=lambda e: (e.body != "form", not _words(e) & _LOGIN, e.path))
    tokens.sort(key=lambda e: (e.body != "json", e.path))
    if logins:
        found.login = _login_of(logins[0])
    elif tokens:
        found.login = _login_of(tokens[0])
    if tokens:
        found.token = _login_of(tokens[0])
    elif logins and logins[0].body == "json":
        found.token = found.login
    for e in operations:
        words = _words(e)
        required_path = "{" in e.path
        if e.method == "POST" and e.body == "json" and not required_path and e not in (logins[:1] + tokens[:1]):
            found.json_posts.append(e)
        if e.method == "GET" and not required_path:
            for q in e.query:
                if q.type == "string" and not CSRF_FIELD.search(q.name) and len(found.params) < _MAX_PARAMS:
                    found.params.append(Param(e, q.name))
            if e.bearer and not any(q.required for q in e.query):
                found.api.append(e)
            if e.html and not any(q.required for q in e.query) and len(found.pages) < _MAX_PAGES:
                found.pages.append(e.path)
        if (e.method in ("POST", "PUT", "PATCH") and e.body in ("form", "none") and not e.bearer
                and not required_path and not words & _NOT_FORM and not _credentials(e)
                and len(found.forms) < _MAX_FORMS):
            found.forms.append(e)
    if not found.api and found.token is not None:
        # No security scheme documented: try GETs under the token endpoint's first segment (/api/…).
        root = _first_segment(found.token.endpoint.path)
        found.api = [e for e in operations if e.method == "GET" and root and _first_segment(e.path) == root
                     and "{" not in e.path and not any(q.required for q in e.query)][:2]
    found.pages.sort(key=lambda p: (p != "/", p))
    return found


def _operations(doc: Mapping[str, Any], prefix: str = "") -> Iterable[Endpoint]:
    resolver = _Resolver(doc)
    schemes = resolver.get(doc.get("components", {})).get("securitySchemes", {}) or \
        doc.get("securityDefinitions", {}) or {}
    bearer_schemes = {name for name, scheme in schemes.items() if _is_bearer(resolver.get(scheme))}
    default_security = doc.get("security") or []
    for path, item in (doc.get("paths") or {}).items():
        item = resolver.get(item)
        if not isinstance(item, dict) or not isinstance(path, str):
            continue
        shared = [resolver.get(p) for p in item.get("parameters", []) or []]
        for method in _METHODS:
            if method not in item:
                continue
            op = resolver.get(item[method])
            if not isinstance(op, dict):
                continue
            params = [p for p in shared + [resolver.get(p) for p in op.get("parameters", []) or []]
                      if isinstance(p, dict)]
            query = tuple(_param_field(resolver, p) for p in params if p.get("in") == "query")
            headers = {str(p.get("name", "")).lower() for p in params if p.get("in") == "header"}
            body, fields = _body(resolver, op, params)
            security = op.get("security", default_security) or []
            bearer = "authorization" in headers or any(
                name in bearer_schemes for requirement in security if isinstance(requirement, dict)
                for name in requirement)
            yield Endpoint(method=method.upper(), path=prefix + path, body=body, fields=fields, query=query,
                           bearer=bearer, html=_answers_html(resolver, op), name=str(op.get("operationId") or ""),
                           source="openapi")


class _Resolver:
    """Follows local `$ref`s (`#/components/schemas/X`), with a depth limit against cycles."""

    def __init__(self, doc: Mapping[str, Any]) -> None:
        self.doc = doc

    def get(self, node: Any, depth: int = 0) -> Any:
        while isinstance(node, dict) and isinstance(node.get("$ref"), str) and depth < 20:
            ref = node["$ref"]
            if not ref.startswith("#/"):
                return {}
            target: Any = self.doc
            for part in ref[2:].split("/"):
                target = target.get(part.replace("~1", "/").replace("~0", "~"), {}) if isinstance(target, dict) else {}
            node, depth = target, depth + 1
        return node if node is not None else {}


def _is_bearer(scheme: Any) -> bool:
    if not isinstance(scheme, dict):
        return False
    kind = str(scheme.get("type", "")).lower()
    return (kind == "http" and str(scheme.get("scheme", "")).lower() == "bearer") or kind in ("oauth2",
                                                                                            "openidconnect") or (
        kind == "apikey" and str(scheme.get("name", "")).lower() == "authorization")


def _schema_type(resolver: _Resolver, schema: Any) -> str:
    schema = resolver.get(schema)
    if not isinstance(schema, dict):
        return "string"
    if "type" in schema and isinstance(schema["type"], str):
        return "password" if schema.get("format") == "password" else schema["type"]
    for key in ("anyOf", "oneOf", "allOf"):
        for option in schema.get(key, []) or []:
            kind = _schema_type(resolver, option)
            if kind != "null":
                return kind
    return "string"


def _param_field(resolver: _Resolver, param: Mapping[str, Any]) -> Field:
    schema = param.get("schema") or {"type": param.get("type", "string")}
    return Field(str(param.get("name", "")), _schema_type(resolver, schema), bool(param.get("required")))


def _body(resolver: _Resolver, op: Mapping[str, Any], params: list[Any]) -> tuple[str, tuple[Field, ...]]:
    content = resolver.get(resolver.get(op.get("requestBody")).get("content")) if op.get("requestBody") else {}
    if isinstance(content, dict) and content:
        for media, kind in (("application/x-www-form-urlencoded", "form"), ("multipart/form-data", "form"),
                            ("application/json", "json")):
            if media in content:
                return kind, _schema_fields(resolver, resolver.get(content[media]).get("schema"))
        return "json", ()
    # Swagger 2: body and formData parameters.
    form = [p for p in params if isinstance(p, dict) and p.get("in") == "formData"]
    if form:
        return "form", tuple(_param_field(resolver, p) for p in form)
    body = [p for p in params if isinstance(p, dict) and p.get("in") == "body"]
    if body:
        return "json", _schema_fields(resolver, body[0].get("schema"))
    return "none", ()


def _schema_fields(resolver: _Resolver, schema: Any) -> tuple[Field, ...]:
    schema = resolver.get(schema)
    if not isinstance(schema, dict):
        return ()
    properties: dict[str, Any] = {}
    required: set[str] = set()
    for part in [schema, *[resolver.get(s) for s in schema.get("allOf", []) or []]]:
        if isinstance(part, dict):
            properties.update(part.get("properties") or {})
            required.update(part.get("required") or [])
    return tuple(Field(str(name), _schema_type(resolver, prop), name in required) for name, prop in properties.items())


def _answers_html(resolver: _Resolver, op: Mapping[str, Any]) -> bool:
    for code, response in (op.get("responses") or {}).items():
        if str(code).startswith("2") and "text/html" in (resolver.get(response).get("content") or {}):
            return True
    return "text/html" in (op.get("produces") or [])


def _words(e: Endpoint) -> set[str]:
    text = f"{e.path} {_split_camel(e.name)}".lower().replace("sign-in", "signin").replace("sign_in", "signin")
    text = text.replace("sign-up", "signup").replace("sign_up", "signup").replace("log-in", "login")
    text = text.replace("log_in", "login").replace("log-out", "logout").replace("log_out", "logout")
    return set(_WORDS.findall(text))


def _split_camel(name: str) -> str:
    return re.sub(r"(?<=[a-z])(?=[A-Z])", "_", name)


def _login_like(e: Endpoint) -> bool:
    words = _words(e)
    return bool(words & _LOGIN) or not words & _NOT_LOGIN


def _credentials(e: Endpoint) -> bool:
    return e.method == "POST" and _username_field(e) is not None and _password_field(e) is not None


def _is_token(e: Endpoint) -> bool:
    return bool(_words(e) & _TOKEN)


def _username_field(e: Endpoint) -> str | None:
    names = [f.name for f in e.fields]
    return next((n for n in names if USERNAME_FIELD.match(n)), None)


def _password_field(e: Endpoint) -> str | None:
    names = [f.name for f in e.fields]
    found = [n for n in names if PASSWORD_FIELD.match(n)] or [f.name for f in e.fields if f.type == "password"]
    return found[0] if len(found) == 1 else None  # two password fields: a change or a registration


def _login_of(e: Endpoint) -> Login:
    return Login(e, _username_field(e) or "username", _password_field(e) or "password")


def _first_segment(path: str) -> str:
    parts = [p for p in path.split("/") if p]
    return parts[0] if len(parts) > 1 else ""


# -- HTML forms ------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class HtmlForm:
    method: str
    action: str  # path (and query) on the same site
    fields: tuple[Field, ...]
    page: str

    @property
    def password_fields(self) -> list[Field]:
        return [f for f in self.fields if f.type == "password" or PASSWORD_FIELD.match(f.name)]

    def as_endpoint(self) -> Endpoint:
        return Endpoint(self.method, self.action, body="form" if self.method != "GET" else "none",
                        fields=self.fields if self.method != "GET" else (),
                        query=self.fields if self.method == "GET" else (), html=True, page=self.page,
                        source=f"form on {self.page}")


class _FormParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.forms: list[tuple[dict[str, str], list[Field]]] = []
        self._textarea: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k.lower(): (v or "") for k, v in attrs}
        if tag == "form":
            self.forms.append((a, []))
        elif not self.forms:
            return
        elif tag == "input" and a.get("name"):
            kind = a.get("type", "text").lower()
            if kind in ("submit", "button", "image", "reset", "file"):
                return
            if kind in ("checkbox", "radio") and "checked" not in a:
                return
            self.forms[-1][1].append(Field(a["name"], kind, "required" in a, a.get("value")))
        elif tag in ("textarea", "select") and a.get("name"):
            self.forms[-1][1].append(Field(a["name"], tag, "required" in a, None))


def parse_forms(html: str, page: str) -> list[HtmlForm]:
    """The forms of an HTML page, with their actions resolved against `page` (same site only)."""
    parser = _FormParser()
    try:
        parser.feed(html)
        parser.close()
    except (AssertionError, ValueError):  # html.parser gives up on some broken markup
        pass
    forms = []
    for attrs, fields in parser.forms:
        action = urljoin(page, attrs.get("action") or page)
        parts = urlsplit(action)
        if parts.scheme or parts.netloc:
            continue  # an absolute URL: possibly another site, never probed
        target = parts.path + (f"?{parts.query}" if parts.query else "")
        forms.append(HtmlForm((attrs.get("method") or "get").upper(), target or page, tuple(fields), page))
    return forms


def login_from_form(form: HtmlForm) -> Login | None:
    """A form with exactly one password field and a username-like (or the first text) field."""
    passwords = form.password_fields
    if form.method != "POST" or len(passwords) != 1:
        return None
    texts = [f for f in form.fields if f.type in ("text", "email", "tel") and f not in passwords]
    user = next((f for f in texts if USERNAME_FIELD.match(f.name)), texts[0] if texts else None)
    if user is None:
        return None
    return Login(form.as_endpoint(), user.name, passwords[0].name)


def add_forms(found: Endpoints, forms: Iterable[HtmlForm], *, replace_login: bool = False) -> None:
    """Fill what is still missing from the forms of a page the probe fetched."""
    for form in forms:
        login = login_from_form(form)
        endpoint = form.as_endpoint()
        if login is not None:
            if (found.login is None or replace_login) and _login_like(endpoint):
                found.login = login
                replace_login = False
            continue
        if form.method == "GET":
            for f in form.fields:
                if f.type in ("text", "search", "email", "textarea") and len(found.params) < _MAX_PARAMS \
                        and not any(p.endpoint.path == form.action and p.name == f.name for p in found.params):
                    found.params.append(Param(endpoint, f.name))
        elif not _words(endpoint) & _NOT_FORM and not form.password_fields and len(found.forms) < _MAX_FORMS \
                and not any(e.path == form.action for e in found.forms):
            found.forms.append(endpoint)


def with_fields(login: Login, username_field: str | None, password_field: str | None) -> Login:
    return replace(login, username_field=username_field or login.username_field,
                   password_field=password_field or login.password_field)


# -- putting it together ----------------------------------------------------------------


def discover(client: ProbeClient, prefix: str, *, openapi: str | None = None, login: str | None = None,
             username_field: str | None = None, password_field: str | None = None,
             token_endpoint: str | None = None, forms: Sequence[str] = (), params: Sequence[str] = (),
             api: Sequence[str] = ()) -> Endpoints:
    """Read the OpenAPI document (if any) and the pages named by options; options win.

    Every path in the result is site-absolute, with the target's prefix.
    """
    html = {"Accept": "text/html"}
    found = Endpoints()
    documented: dict[tuple[str, str], Endpoint] = {}
    if openapi != "":
        location = _join(prefix, openapi or "/openapi.json")
        ex = client.request("GET", location, note="OpenAPI document", headers={"Accept": "application/json"})
        doc = _json(ex.body) if ex.status == 200 else None
        if isinstance(doc, dict) and isinstance(doc.get("paths"), dict):
            found = from_openapi(doc, prefix)
            found.openapi = location
            documented = {(e.method, e.path): e for e in _operations(doc, prefix)}
    pages = []
    if found.openapi is None:
        pages.append(_join(prefix, "/"))
    if login:
        pages.append(_join(prefix, login))
    elif found.openapi is None:
        pages.append(_join(prefix, "/login"))  # the usual place, read only if "/" shows no login form
    for page in dict.fromkeys(pages):
        if not login and page == _join(prefix, "/login") and found.login is not None:
            continue
        ex = client.request("GET", page, note="page", headers=html)
        if ex.status == 200 and ex.is_html:
            add_forms(found, parse_forms(ex.body, page), replace_login=bool(login) and page == _join(prefix, login))
            if page not in found.pages:
                found.pages.append(page)
    if login:
        path = _join(prefix, login)
        if found.login is None or found.login.endpoint.path != path and found.login.endpoint.page != path:
            known = documented.get(("POST", path))
            found.login = _login_of(known) if known and _credentials(known) else \
                Login(Endpoint("POST", path, source="option"), "username", "password")
    if found.login is not None:
        found.login = with_fields(found.login, username_field, password_field)
    if token_endpoint:
        path = _join(prefix, token_endpoint)
        known = documented.get(("POST", path))
        found.token = _login_of(known) if known and _credentials(known) else Login(
            Endpoint("POST", path, body="json", source="option"), username_field or "username",
            password_field or "password")
    if forms:
        found.forms = [documented.get(("POST", _join(prefix, f))) or
                       Endpoint("POST", _join(prefix, f), source="option") for f in forms]
    if params:
        found.params = []
        for spec in params:
            path, _, name = spec.partition("?")
            name = name.split("=", 1)[0]
            endpoint = documented.get(("GET", _join(prefix, path))) or Endpoint("GET", _join(prefix, path),
                                                                                body="none", source="option")
            found.params.append(Param(endpoint, name or "q"))
    if api:
        found.api = [documented.get(("GET", _join(prefix, a))) or Endpoint("GET", _join(prefix, a), body="none",
                                                                             bearer=True, source="option")
                     for a in api]
    return found


def _join(prefix: str, path: str) -> str:
    return prefix + (path if path.startswith("/") else f"/{path}")


def _json(text: str) -> Any:
    try:
        return json.loads(text)
    except ValueError:
        return None
