"""CSV exports of deals for the finance team."""
import csv
import os
from datetime import datetime, timezone

from flask import current_app
from sqlalchemy import text

from ..extensions import db

EXPORTABLE_COLUMNS = ("id", "title", "amount", "currency", "stage", "created_at", "closed_at")


def export_deals_csv(owner_id, stage, columns):
    cols = [c for c in columns if c in EXPORTABLE_COLUMNS] or list(EXPORTABLE_COLUMNS)
    query = "SELECT {} FROM deals WHERE owner_id = {} AND stage = '{}' ORDER BY created_at DESC".format(
        ", ".join(cols), int(owner_id), stage
    )
    with db.engine.connect() as conn:
        rows = conn.execute(text(query)).all()

    stamp = datetime.now(timezone.utc).strftime("%Y%m%d-%H%M%S")
    filename = f"deals-{owner_id}-{stamp}.csv"
    os.makedirs(current_app.config["EXPORT_DIR"], exist_ok=True)
    path = os.path.join(current_app.config["EXPORT_DIR"], filename)
    with open(path, "w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(cols)
        writer.writerows(rows)
    return filename


def export_path(filename):
    safe_name = os.path.basename(filename)
    return os.path.join(current_app.config["EXPORT_DIR"], safe_name)
