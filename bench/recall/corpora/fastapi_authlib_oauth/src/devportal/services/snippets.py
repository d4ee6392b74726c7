"""Copy-paste quick-start snippets, served as ``text/plain`` from the key page."""

from jinja2 import DictLoader, Environment, StrictUndefined

_TEMPLATES = {
    "curl": (
        'curl -s -H "X-API-Key: $EXAMPLE_API_KEY" {{ base_url }}/v1/ping\n'
        "# key: {{ key_prefix }}_...\n"
    ),
    "python": (
        "import os\n\nimport httpx\n\n"
        "# key: {{ key_prefix }}_...\n"
        'client = httpx.Client(base_url="{{ base_url }}", headers={"X-API-Key": os.environ["EXAMPLE_API_KEY"]})\n'
        'print(client.get("/v1/ping").json())\n'
    ),
    "node": (
        "// key: {{ key_prefix }}_...\n"
        'const res = await fetch("{{ base_url }}/v1/ping", {\n'
        '  headers: { "X-API-Key": process.env.EXAMPLE_API_KEY },\n'
        "});\n"
        "console.log(await res.json());\n"
    ),
}

LANGUAGES: tuple[str, ...] = tuple(_TEMPLATES)

_env = Environment(loader=DictLoader(_TEMPLATES), autoescape=False, undefined=StrictUndefined, keep_trailing_newline=True)


def render_snippet(language: str, *, base_url: str, key_prefix: str) -> str:
    return _env.get_template(language).render(base_url=base_url, key_prefix=key_prefix)
