"""Jinja filters and globals used by the plot templates."""
from markupsafe import Markup

from ..utils.html import nl2br

SQM_UNIT = Markup('<abbr title="square metres">m&sup2;</abbr>')


def plot_badge(plot):
    name = plot.nickname or f"Plot {plot.number}"
    return Markup(f'<span class="badge plot-badge" data-plot="{plot.id}">{name}</span>')


def pence(value):
    return f"\u00a3{value / 100:,.2f}"


def register_filters(app):
    app.jinja_env.filters["plot_badge"] = plot_badge
    app.jinja_env.filters["nl2br"] = nl2br
    app.jinja_env.filters["pence"] = pence
    app.jinja_env.globals["SQM_UNIT"] = SQM_UNIT
