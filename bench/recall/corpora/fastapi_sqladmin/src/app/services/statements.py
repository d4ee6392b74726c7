from pathlib import Path

from jinja2 import Environment, FileSystemLoader, select_autoescape

TEMPLATE_DIR = Path(__file__).resolve().parent.parent / "templates" / "statements"

_env = Environment(
    loader=FileSystemLoader(TEMPLATE_DIR),
    autoescape=select_autoescape(["html", "xml"]),
    trim_blocks=True,
    lstrip_blocks=True,
)


def render_owner_statement(owner_name: str, period: str, rows: list[dict]) -> str:
    total = sum(r["amount"] for r in rows)
    return _env.get_template("monthly.html").render(owner_name=owner_name, period=period, rows=rows, total=total)
