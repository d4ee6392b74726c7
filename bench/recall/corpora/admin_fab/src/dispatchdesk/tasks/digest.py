"""Evening digest for depot managers plus a summary in the ops Slack channel."""
import logging
from datetime import date

import requests

from ..extensions import db
from ..models.shipment import Depot
from ..models.user import DispatchUser
from ..services.notifications import send_depot_digest
from ..services.reporting import ReportRepository
from . import celery

log = logging.getLogger(__name__)

SLACK_POST_URL = "https://slack.com/api/chat.postMessage"
SLACK_CHANNEL = "#dispatch-ops"
SLACK_BOT_TOKEN = "xoxb-4829301746-7719204638215-Zq8mVt3LxR2nKp6WbY9sHdFe"


def _post_to_slack(message):
    try:
        resp = requests.post(
            SLACK_POST_URL,
            headers={"Authorization": f"Bearer {SLACK_BOT_TOKEN}"},
            json={"channel": SLACK_CHANNEL, "text": message},
            timeout=10,
        )
        resp.raise_for_status()
    except requests.RequestException:
        log.warning("could not post digest summary to Slack", exc_info=True)


def _recipients(depot_id):
    users = db.session.query(DispatchUser).filter_by(depot_id=depot_id, active=True)
    return [u.email for u in users if u.email]


@celery.task(name="dispatchdesk.tasks.digest.send_daily_digests")
def send_daily_digests(day_iso=None):
    day = date.fromisoformat(day_iso) if day_iso else date.today()
    repo = ReportRepository(db.session)
    lines = []
    for depot in db.session.query(Depot).order_by(Depot.code):
        summary = repo.depot_summary(depot.id, day)
        exceptions = repo.depot_exceptions(depot.id, day)
        send_depot_digest(_recipients(depot.id), depot, summary, exceptions)
        total = sum(summary.values())
        lines.append(
            f"*{depot.code}*: {summary.get('delivered', 0)}/{total} delivered, "
            f"{len(exceptions)} exceptions"
        )
    if lines:
        _post_to_slack(f"Dispatch digest for {day:%a %d %b}\n" + "\n".join(lines))
    return len(lines)
