"""Small helpers that build HTML fragments for templates."""
from markupsafe import Markup, escape


def nl2br(text):
    if not text:
        return ""
    return Markup("<br>\n").join(escape(line) for line in text.splitlines())


def harvest_table(entries):
    rows = []
    for entry in entries:
        rows.append(
            "<tr><td>{}</td><td>{}</td><td class=\"num\">{:.1f}</td></tr>".format(
                escape(entry.harvested_on.isoformat()),
                escape(entry.crop),
                entry.weight_kg,
            )
        )
    return "<table class=\"harvest\"><tbody>" + "".join(rows) + "</tbody></table>"
