"""Background jobs run by the RQ worker (inside an app context)."""
import logging

from ..db import database
from ..services.mail import _send

log = logging.getLogger("plotkeeper.jobs")


def _season_rows(site_slug, season):
    sql = (
        "SELECT p.number, h.crop, SUM(h.weight_kg) "
        "FROM harvestentry h JOIN plot p ON p.id = h.plot_id JOIN site s ON s.id = p.site_id "
        "WHERE s.slug = '%s' AND h.season = '%s' "
        "GROUP BY p.number, h.crop ORDER BY p.number" % (site_slug, season)
    )
    return database.execute_sql(sql).fetchall()


def email_season_summary(site_slug, season, recipient):
    rows = _season_rows(site_slug, season)
    lines = [f"Harvest summary for {site_slug}, season {season}", ""]
    lines += [f"Plot {number:<6} {crop:<24} {float(total or 0):8.1f} kg" for number, crop, total in rows]
    text = "\n".join(lines) + "\n"
    _send(f"Harvest summary {season}", [recipient], text)
    log.info("season summary for %s/%s sent (%d rows)", site_slug, season, len(rows))


def send_bulk_notice(site_id, subject, body_text):
    cursor = database.execute_sql(
        "SELECT DISTINCT u.email FROM users u "
        "JOIN tenancy t ON t.tenant_id = u.id JOIN plot p ON p.id = t.plot_id "
        "WHERE p.site_id = %s AND t.status = 'active' AND u.is_active_member",
        (site_id,),
    )
    recipients = [row[0] for row in cursor.fetchall()]
    for email in recipients:
        _send(subject, [email], body_text)
    log.info("bulk notice %r sent to %d members of site %s", subject, len(recipients), site_id)
