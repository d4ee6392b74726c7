"""Bulk shipment import from the CSV format our e-commerce clients send."""
import csv
import io
from datetime import datetime
from decimal import Decimal, InvalidOperation

from ..models.shipment import Carrier, Depot, Shipment

REQUIRED_COLUMNS = {"reference", "consignee_name", "delivery_address", "postcode", "depot"}
MAX_ROWS = 5000


class ImportRowError(ValueError):
    """A problem with a specific row; the message is meant for the uploader."""

    def __init__(self, line_no, message):
        super().__init__(f"line {line_no}: {message}")
        self.line_no = line_no


def _parse_date(value, line_no):
    if not value:
        return None
    try:
        return datetime.strptime(value, "%Y-%m-%d").date()
    except ValueError:
        raise ImportRowError(line_no, "promised_on must be YYYY-MM-DD") from None


def _parse_weight(value, line_no):
    if not value:
        return None
    try:
        return Decimal(value)
    except InvalidOperation:
        raise ImportRowError(line_no, "weight_kg is not a number") from None


def import_shipments_csv(stream, session):
    text_stream = io.TextIOWrapper(stream, encoding="utf-8-sig", newline="")
    reader = csv.DictReader(text_stream)
    missing = REQUIRED_COLUMNS - set(reader.fieldnames or [])
    if missing:
        raise ImportRowError(1, "missing columns: " + ", ".join(sorted(missing)))

    depots = {d.code: d for d in session.query(Depot).all()}
    carriers = {c.slug: c for c in session.query(Carrier).filter_by(active=True)}
    created = 0

    for line_no, row in enumerate(reader, start=2):
        if line_no - 1 > MAX_ROWS:
            raise ImportRowError(line_no, f"more than {MAX_ROWS} rows")
        depot = depots.get((row.get("depot") or "").strip().upper())
        if depot is None:
            raise ImportRowError(line_no, "unknown depot code")
        carrier_slug = (row.get("carrier") or "").strip().lower()
        if carrier_slug and carrier_slug not in carriers:
            raise ImportRowError(line_no, "unknown carrier")

        session.add(
            Shipment(
                reference=row["reference"].strip(),
                tracking_number=(row.get("tracking_number") or "").strip() or None,
                carrier=carriers.get(carrier_slug),
                depot=depot,
                consignee_name=row["consignee_name"].strip(),
                consignee_email=(row.get("consignee_email") or "").strip() or None,
                consignee_phone=(row.get("consignee_phone") or "").strip() or None,
                delivery_address=row["delivery_address"].strip(),
                postcode=row["postcode"].strip().upper(),
                delivery_instructions=(row.get("instructions") or "").strip() or None,
                weight_kg=_parse_weight(row.get("weight_kg"), line_no),
                promised_on=_parse_date(row.get("promised_on"), line_no),
                status="created",
            )
        )
        created += 1

    session.commit()
    return created
