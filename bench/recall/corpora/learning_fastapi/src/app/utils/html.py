"""Tiny HTML fragments that don't warrant a full template."""


def badge_snippet(student_name: str, course_title: str) -> str:
    parts = [
        '<div class="lh-badge">',
        f"<strong>{student_name}</strong>",
        " completed ",
        f"<em>{course_title}</em>",
        "</div>",
    ]
    return "".join(parts)
