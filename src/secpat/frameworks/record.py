"""What secpat knows about a web framework, declared as data.

Each framework module (`frameworks/flask.py`, `frameworks/aiohttp.py`, ...) opens
with one `Framework` record; `frameworks.known` collects them. The data flow
and the rules read the union of the records (`known.union`), so teaching
secpat a framework means writing its record and, where data cannot say it, the
code that reads its routes. `docs/frameworks.md`'s tables are generated from
these records.
"""

from __future__ import annotations

from dataclasses import dataclass

#: How a route table is assembled.
OBJECTS = "objects"  # routes registered on app and router objects, routers mounted with prefixes
URLCONF = "urlconf"  # URL lists of `path()` entries joined by `include()` (Django)
HANDLERS = "handlers"  # one handler class answers every path, one method per HTTP verb (http.server)
RESOURCES = "resources"  # resource classes with one `on_<verb>` method per HTTP verb, added by path (Falcon)
VIEW_CLASSES = "view-classes"  # classes whose decorated methods are routes, served once registered (Flask-AppBuilder)

#: How a response class decides it is HTML.
ALWAYS_HTML = "html"  # `HTMLResponse`: whatever it is given
HTML_BY_DEFAULT = "html-default"  # `HttpResponse`: HTML unless a content type says otherwise
HTML_IF_SAID = "html-if-said"  # `web.Response`: HTML only when its content type says so


@dataclass(frozen=True)
class Framework:
    """One framework's record. Every name is a qualified name as the scanned code imports it."""

    name: str  # the framework's own name: `flask`, `quart`, `aiohttp`
    title: str  # for people: `Flask`
    roots: tuple[str, ...]  # import roots that make a file use the framework
    routing: str = OBJECTS
    apps: tuple[str, ...] = ()  # constructors of an application object
    routers: tuple[str, ...] = ()  # constructors of a router or blueprint, mounted on an app
    route_decorators: tuple[str, ...] = ()  # `@app.<method>("/path")` methods that register a route
    mount_prefix: str = "append"  # a mount's prefix is appended to the router's own, or `replace`s it
    request_objects: tuple[str, ...] = ()  # imported request proxies (`flask.request`)
    request_classes: tuple[str, ...] = ()  # request types in annotations and handler bases
    input_attributes: tuple[str, ...] = ()  # request attributes that hold what the client sent
    input_methods: tuple[str, ...] = ()  # request methods that return what the client sent
    responses: tuple[tuple[str, str], ...] = ()  # response class → ALWAYS_HTML / HTML_BY_DEFAULT / HTML_IF_SAID
    body_keywords: tuple[str, ...] = ("content",)  # keywords a response takes its body from
    json_responses: tuple[str, ...] = ()  # callables that answer JSON, by last name
    renderers: tuple[str, ...] = ()  # template renderers, by last name
    page_renderers: tuple[str, ...] = ()  # renderers of a template file into escaped markup, qualified
    template_strings: tuple[str, ...] = ()  # renderers of a template given as a string, qualified
    tuple_responses: tuple[str, ...] = ()  # response makers that read (body, status, headers) as a view's return
    answers: tuple[str, ...] = ()  # other callables whose argument is sent to the client (JSON, plain text)
    error_answers: tuple[str, ...] = ()  # exceptions whose detail is sent to the client
    answer_methods: tuple[str, ...] = ()  # methods of the app object that send their argument (`create_response`)
    user_messages: tuple[str, ...] = ()  # calls that show their text on the user's next page (`flask.flash`)
    debug_switches: tuple[tuple[str, str], ...] = ()  # (constructor, keyword) that serves tracebacks when True
    csrf_builtin: bool = False  # the framework checks CSRF tokens itself unless switched off
    body_is_json: bool = False  # a view's body is parsed as JSON unless it declares form fields
    parameters_are_input: bool = False  # a route function's parameters are filled from the request
    api_by_default: bool = False  # routes answer JSON unless they say otherwise
    csrf: tuple[str, ...] = ()  # CSRF protections recognised, for people
    limits: tuple[str, ...] = ()  # rate limits recognised, for people
    sessions: tuple[str, ...] = ()  # cookie sessions and cookie authentication recognised, for people
    session_objects: tuple[str, ...] = ()  # the signed cookie session a view reads and writes (`flask.session`)
    request_globals: tuple[str, ...] = ()  # per-request globals where an auth hook keeps the user (`flask.g`)
    limit_exemptions: tuple[str, ...] = ()  # decorators that exempt a view from every rate limit
    family: str = ""  # the framework whose routes and views this one's follow (Quart: `flask`)

    @property
    def kind(self) -> str:
        """The name facts and routes carry: the family's, so that Quart's routes are read as Flask's."""
        return self.family or self.name
