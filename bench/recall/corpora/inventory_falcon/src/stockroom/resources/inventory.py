"""Items and warehouses API."""

import hashlib
import json
import logging

import falcon

from stockroom.hooks import require_scope
from stockroom.repositories.items import ItemRepository, WarehouseRepository
from stockroom.schemas import ItemQuerySchema, ItemSchema, ItemUpdateSchema
from stockroom.services.stock import StockService
from stockroom.templating import highlight

logger = logging.getLogger(__name__)

_item_schema = ItemSchema()
_items_schema = ItemSchema(many=True)


def _json_with_etag(req, resp, payload) -> None:
    body = json.dumps(payload, default=str, sort_keys=True)
    etag = hashlib.md5(body.encode("utf-8"), usedforsecurity=False).hexdigest()
    if req.get_header("If-None-Match") == f'"{etag}"':
        resp.status = falcon.HTTP_304
        return
    resp.etag = etag
    resp.content_type = falcon.MEDIA_JSON
    resp.text = body


class ItemsResource:
    def __init__(self, repo: ItemRepository | None = None):
        self._repo = repo or ItemRepository()

    @falcon.before(require_scope("items:read"))
    def on_get(self, req, resp):
        query = ItemQuerySchema().load(req.params)
        rows = self._repo.search(
            q=query["q"],
            warehouse_id=query["warehouse"],
            sort=query["sort"],
            direction=query["direction"],
            limit=query["limit"],
            offset=query["offset"],
        )
        if query["q"]:
            for row in rows:
                row["name_html"] = highlight(row["name"], query["q"])
        _json_with_etag(req, resp, {"items": rows, "count": len(rows), "offset": query["offset"]})

    @falcon.before(require_scope("items:write"))
    def on_post(self, req, resp):
        data = _item_schema.load(req.get_media())
        if self._repo.get_by_sku(data["sku"]) is not None:
            raise falcon.HTTPConflict(title="Duplicate SKU", description=f"SKU {data['sku']} already exists.")
        item = self._repo.create(**data)
        logger.info("item %s created by %s", item["sku"], req.context.client["id"])
        resp.status = falcon.HTTP_201
        resp.location = f"/api/v1/items/{item['id']}"
        resp.media = _item_schema.dump(item)


class ItemResource:
    def __init__(self, repo: ItemRepository | None = None):
        self._repo = repo or ItemRepository()

    def _get_or_404(self, item_id: int) -> dict:
        item = self._repo.get(item_id)
        if item is None:
            raise falcon.HTTPNotFound(description=f"No item with id {item_id}.")
        return item

    @falcon.before(require_scope("items:read"))
    def on_get(self, req, resp, item_id):
        resp.media = _item_schema.dump(self._get_or_404(item_id))

    @falcon.before(require_scope("items:write"))
    def on_patch(self, req, resp, item_id):
        self._get_or_404(item_id)
        changes = ItemUpdateSchema(partial=True).load(req.get_media())
        self._repo.update(item_id, changes)
        resp.media = _item_schema.dump(self._repo.get(item_id))

    @falcon.before(require_scope("items:write"))
    def on_delete(self, req, resp, item_id):
        self._get_or_404(item_id)
        self._repo.archive(item_id)
        logger.info("item %s archived by %s", item_id, req.context.client["id"])
        resp.status = falcon.HTTP_204


class WarehousesResource:
    def __init__(self, repo: WarehouseRepository | None = None, stock: StockService | None = None):
        self._repo = repo or WarehouseRepository()
        self._stock = stock or StockService()

    @falcon.before(require_scope("items:read"))
    def on_get(self, req, resp):
        resp.media = {"warehouses": self._stock.warehouse_summary()}

    @falcon.before(require_scope("items:read"))
    def on_get_cycle_count(self, req, resp, warehouse_id):
        if self._repo.get(warehouse_id) is None:
            raise falcon.HTTPNotFound(description=f"No warehouse with id {warehouse_id}.")
        size = req.get_param_as_int("size", default=25, min_value=1, max_value=200)
        resp.media = {"warehouse_id": warehouse_id, "bins": self._stock.cycle_count_sample(warehouse_id, size)}
