from datetime import date
from pathlib import Path

from jinja2 import Environment, FileSystemLoader

_TEMPLATE_DIR = Path(__file__).resolve().parent.parent / "templates" / "certificates"
_env = Environment(loader=FileSystemLoader(_TEMPLATE_DIR), trim_blocks=True, lstrip_blocks=True)


def render_certificate(*, student_name: str, course_title: str, level: str, teacher_name: str, completed_on: date) -> str:
    template = _env.get_template("certificate.html")
    return template.render(
        student_name=student_name,
        course_title=course_title,
        level=level,
        teacher_name=teacher_name,
        completed_on=completed_on.strftime("%d %B %Y"),
    )
