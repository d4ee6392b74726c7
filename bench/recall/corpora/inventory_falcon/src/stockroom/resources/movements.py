"""Movement history, adjustments and count imports."""

import csv
import io
import logging
import traceback
import uuid
from datetime import datetime, timezone

import falcon
import psycopg2

from stockroom.hooks import require_scope
from stockroom.repositories.movements import MovementRepository
from stockroom.schemas import AdjustmentSchema, MovementSchema
from stockroom.services.stock import InsufficientStock, StockService

logger = logging.getLogger(__name__)

MAX_IMPORT_BYTES = 5 * 1024 * 1024


def _user_id(client: dict) -> int | None:
    kind, _, ident = client["id"].partition(":")
    return int(ident) if kind == "user" and ident.isdigit() else None


class MovementsResource:
    def __init__(self, repo: MovementRepository | None = None, stock: StockService | None = None):
        self._repo = repo or MovementRepository()
        self._stock = stock or StockService()

    @falcon.before(require_scope("movements:read"))
    def on_get(self, req, resp):
        skus = req.get_param_as_list("sku", required=True)
        limit = req.get_param_as_int("limit", default=200, min_value=1, max_value=2000)
        rows = self._repo.history_for_skus(skus, limit=limit)
        resp.media = {"movements": MovementSchema(many=True).dump(rows)}

    @falcon.before(require_scope("movements:write"))
    def on_post(self, req, resp):
        data = AdjustmentSchema().load(req.get_media())
        try:
            quantity = self._stock.adjust(
                data["sku"],
                data["delta"],
                kind=data["kind"],
                reference=data["reason"],
                user_id=_user_id(req.context.client),
            )
        except InsufficientStock as exc:
            raise falcon.HTTPConflict(title="Insufficient stock", description=str(exc))
        resp.status = falcon.HTTP_201
        resp.media = {"sku": data["sku"], "quantity": quantity}


class ImportResource:
    """Bulk count import: POST a CSV body with ``sku,counted`` columns."""

    def __init__(self, stock: StockService | None = None, repo: MovementRepository | None = None):
        self._stock = stock or StockService()
        self._repo = repo or MovementRepository()

    @falcon.before(require_scope("movements:write"))
    def on_post(self, req, resp):
        if req.content_length and req.content_length > MAX_IMPORT_BYTES:
            raise falcon.HTTPPayloadTooLarge(description="Split the file into chunks of 5 MB or less.")
        raw = req.bounded_stream.read(MAX_IMPORT_BYTES + 1)
        batch_id = uuid.uuid4().hex
        started = datetime.now(timezone.utc)
        try:
            reader = csv.DictReader(io.StringIO(raw.decode("utf-8-sig")))
            summary = self._stock.import_rows(reader, user_id=_user_id(req.context.client), batch_id=batch_id)
        except (ValueError, KeyError, LookupError, UnicodeDecodeError, psycopg2.Error) as exc:
            logger.warning("count import %s failed: %s", batch_id, exc)
            resp.status = falcon.HTTP_400
            resp.media = {"title": "Import failed", "batch_id": batch_id, "detail": traceback.format_exc()}
            return

        logger.info("count import %s: %s", batch_id, summary)
        resp.status = falcon.HTTP_201
        resp.media = {
            "batch_id": batch_id,
            "started_at": started.isoformat(),
            "summary": summary,
            "movements": MovementSchema(many=True).dump(self._repo.batch(batch_id)),
        }
