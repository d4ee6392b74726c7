from markupsafe import Markup, escape

STATUS_STYLES = {
    "open": "secondary",
    "in_progress": "primary",
    "waiting_parts": "warning",
    "closed": "success",
    "cancelled": "dark",
}

WRENCH_ICON = Markup(
    '<svg class="icon" viewBox="0 0 16 16" aria-hidden="true"><use href="#wrench"></use></svg>'
)


def status_badge(status: str) -> Markup:
    style = STATUS_STYLES.get(status, "light")
    return Markup('<span class="badge bg-{0}">{1}</span>').format(style, status.replace("_", " "))


def technician_notes(notes: str | None) -> Markup:
    if not notes:
        return Markup("")
    return Markup(notes.replace("\n", "<br>\n"))


def highlight(value: str, term: str | None) -> Markup:
    escaped = str(escape(value))
    if not term:
        return Markup(escaped)
    needle = str(escape(term))
    return Markup(escaped.replace(needle, f"<mark>{needle}</mark>"))


def render_timeline(events) -> Markup:
    items = [
        Markup("<li><time>{0:%d %b %H:%M}</time> <strong>{1}</strong> {2}</li>").format(
            e.created_at, e.actor_name, e.message
        )
        for e in events
    ]
    return Markup('<ol class="timeline">') + Markup("").join(items) + Markup("</ol>")


def init_filters(app) -> None:
    app.jinja_env.filters["status_badge"] = status_badge
    app.jinja_env.filters["technician_notes"] = technician_notes
    app.jinja_env.filters["highlight"] = highlight
    app.jinja_env.globals["WRENCH_ICON"] = WRENCH_ICON
