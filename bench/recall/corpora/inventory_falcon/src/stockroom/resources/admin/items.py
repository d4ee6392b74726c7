"""Item pages and the scanner quick-adjust endpoint."""

import json
import logging
from datetime import datetime, timedelta, timezone
from urllib.parse import quote

import falcon
from markupsafe import Markup
from marshmallow import ValidationError

from stockroom.hooks import require_role
from stockroom.middleware.session import csrf_exempt
from stockroom.repositories.items import ItemRepository, WarehouseRepository
from stockroom.repositories.movements import MovementRepository
from stockroom.resources.admin.base import AdminResource
from stockroom.schemas import AdjustmentSchema, ItemSchema, ItemUpdateSchema
from stockroom.services.stock import InsufficientStock, StockService
from stockroom.templating import highlight

logger = logging.getLogger(__name__)

PAGE_SIZE = 50
HISTORY_DAYS = 30

_items = ItemRepository()
_warehouses = WarehouseRepository()
_movements = MovementRepository()
_stock = StockService(_items, _warehouses)

_EDITABLE_FIELDS = ("name", "description", "notes", "category", "unit", "unit_cost", "bin", "reorder_level")


def _clean(form: dict, keys) -> dict:
    return {k: (form.get(k) or None) for k in keys if k in form}


def _heading(item: dict) -> Markup:
    return Markup(f"{item['sku']} &ndash; {item['name']}")


class AdminItemsResource(AdminResource):
    nav_section = "items"

    def on_get(self, req, resp):
        q = (req.get_param("q") or "").strip()
        warehouse_id = req.get_param_as_int("warehouse")
        sort = req.get_param("sort", default="sku")
        direction = req.get_param("dir", default="asc")
        page = req.get_param_as_int("page", default=1, min_value=1)

        rows = _items.search(
            q=q or None,
            warehouse_id=warehouse_id,
            sort=sort,
            direction=direction,
            limit=PAGE_SIZE,
            offset=(page - 1) * PAGE_SIZE,
        )
        for row in rows:
            row["name_html"] = highlight(row["name"], q)

        self.render(
            req,
            resp,
            "items_list.html",
            rows=rows,
            q=q,
            sort=sort,
            direction=direction,
            page=page,
            has_next=len(rows) == PAGE_SIZE,
            warehouse_id=warehouse_id,
            warehouses=_warehouses.list_active(),
            errors={},
        )

    @falcon.before(require_role("supervisor"))
    def on_post(self, req, resp):
        form = self.form(req)
        try:
            data = ItemSchema().load(_clean(form, ("sku", "name", "category", "unit", "unit_cost", "warehouse_id", "bin", "reorder_level")))
        except ValidationError as err:
            self.render(
                req,
                resp,
                "items_list.html",
                status=falcon.HTTP_400,
                rows=[],
                q="",
                sort="sku",
                direction="asc",
                page=1,
                has_next=False,
                warehouse_id=None,
                warehouses=_warehouses.list_active(),
                errors=err.messages,
            )
            return
        if _items.get_by_sku(data["sku"]) is not None:
            self.redirect(f"/stockroom/items/{quote(data['sku'])}")
        item = _items.create(**data)
        logger.info("item %s created by user %s", item["sku"], req.context.user["id"])
        self.redirect(f"/stockroom/items/{quote(item['sku'])}")


class AdminItemResource(AdminResource):
    nav_section = "items"

    def on_get(self, req, resp, sku):
        item = _items.get_by_sku(sku)
        if item is None:
            resp.status = falcon.HTTP_404
            resp.content_type = falcon.MEDIA_HTML
            resp.text = f"<h1>Unknown item</h1><p>No item with SKU <code>{sku}</code> exists.</p>"
            return
        since = datetime.now(timezone.utc) - timedelta(days=HISTORY_DAYS)
        self.render(
            req,
            resp,
            "item_detail.html",
            item=item,
            heading=_heading(item),
            history=_movements.for_items([item["id"]], since),
            warehouses=_warehouses.list_active(),
            errors={},
        )

    @falcon.before(require_role("supervisor"))
    def on_post(self, req, resp, sku):
        item = _items.get_by_sku(sku)
        if item is None:
            raise falcon.HTTPNotFound()
        try:
            changes = ItemUpdateSchema(partial=True).load(_clean(self.form(req), _EDITABLE_FIELDS))
        except ValidationError as err:
            self.render(
                req,
                resp,
                "item_detail.html",
                status=falcon.HTTP_400,
                item=item,
                heading=_heading(item),
                history=[],
                warehouses=_warehouses.list_active(),
                errors=err.messages,
            )
            return
        _items.update(item["id"], changes)
        logger.info("item %s updated by user %s: %s", sku, req.context.user["id"], sorted(changes))
        self.redirect(f"/stockroom/items/{quote(sku)}")

    @falcon.before(require_role("manager"))
    def on_post_archive(self, req, resp, sku):
        item = _items.get_by_sku(sku)
        if item is None:
            raise falcon.HTTPNotFound()
        _items.archive(item["id"])
        logger.info("item %s archived by user %s", sku, req.context.user["id"])
        self.redirect("/stockroom/items")


@csrf_exempt
class ScannerAdjustResource(AdminResource):
    """JSON endpoint behind the quick-adjust box on the item page and the scanner view."""

    def on_post(self, req, resp):
        try:
            payload = json.load(req.bounded_stream)
        except ValueError:
            raise falcon.HTTPBadRequest(title="Expected a JSON body")
        data = AdjustmentSchema().load(payload)
        try:
            quantity = _stock.adjust(
                data["sku"].upper(),
                data["delta"],
                kind="adjust",
                reference=data["reason"] or "scanner",
                user_id=req.context.user["id"],
            )
        except InsufficientStock as exc:
            raise falcon.HTTPConflict(title="Insufficient stock", description=str(exc))
        resp.media = {"sku": data["sku"].upper(), "quantity": quantity}
