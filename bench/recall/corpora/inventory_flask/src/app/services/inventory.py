import logging

import bleach
import markdown

from app.extensions import db
from app.models import Item, Location, MovementType, StockLevel, StockMovement, utcnow

log = logging.getLogger(__name__)

ALLOWED_TAGS = ["p", "br", "strong", "em", "ul", "ol", "li", "code", "pre", "h3", "h4", "a", "table", "tr", "td", "th"]
ALLOWED_ATTRIBUTES = {"a": ["href", "title"]}


class StockError(Exception):
    pass


def render_description(text):
    """Markdown from the item form, cleaned before it is stored."""
    if not text:
        return ""
    html = markdown.markdown(text, extensions=["tables"])
    return bleach.clean(html, tags=ALLOWED_TAGS, attributes=ALLOWED_ATTRIBUTES, protocols=["http", "https"], strip=True)


def save_item(item, form):
    item.sku = form.sku.data.strip().upper()
    item.barcode = (form.barcode.data or "").strip() or None
    item.name = form.name.data.strip()
    item.description = form.description.data
    item.description_html = render_description(form.description.data)
    item.notes = form.notes.data
    item.unit = form.unit.data
    item.unit_cost = form.unit_cost.data
    item.reorder_point = form.reorder_point.data or 0
    item.supplier_id = form.supplier_id.data or None
    db.session.add(item)
    db.session.commit()
    return item


def resolve_location(warehouse_id, code):
    if not code:
        return None
    return Location.query.filter_by(warehouse_id=warehouse_id, code=code.strip().upper()).first()


def _level(item, warehouse_id, location):
    level = StockLevel.query.filter_by(
        item_id=item.id,
        warehouse_id=warehouse_id,
        location_id=location.id if location else None,
    ).with_for_update().first()
    if level is None:
        level = StockLevel(item=item, warehouse_id=warehouse_id, location=location, quantity=0)
        db.session.add(level)
    return level


def apply_movement(item, warehouse_id, quantity, movement_type, location_code=None,
                   user=None, operator=None, reference=None, reason=None):
    if movement_type not in MovementType.ALL:
        raise StockError(f"unknown movement type {movement_type!r}")
    if quantity == 0:
        raise StockError("quantity must not be zero")

    location = resolve_location(warehouse_id, location_code)
    level = _level(item, warehouse_id, location)

    if movement_type == MovementType.COUNT:
        delta = quantity - level.quantity
        level.counted_at = utcnow()
    elif movement_type in MovementType.INBOUND:
        delta = abs(quantity)
    elif movement_type == MovementType.ADJUSTMENT:
        delta = quantity
    else:
        delta = -abs(quantity)

    if level.quantity + delta < 0:
        raise StockError(f"{item.sku}: not enough stock ({level.quantity} on hand)")
    level.quantity += delta

    movement = StockMovement(
        item=item,
        warehouse_id=warehouse_id,
        location=location,
        movement_type=movement_type,
        quantity=delta,
        reference=reference,
        reason=reason,
        user=user,
        operator=operator,
    )
    db.session.add(movement)
    return movement


def adjust_quantity(item, warehouse_id, delta, user, reason=None):
    movement = apply_movement(
        item, warehouse_id, delta, MovementType.ADJUSTMENT, user=user, reason=reason or "manual adjustment"
    )
    db.session.commit()
    log.info("user_id=%s adjusted %s by %+d in warehouse %s", user.id, item.sku, delta, warehouse_id)
    return movement


def import_rows(rows):
    """Upsert items from an ERP export. Returns (created, updated)."""
    created = updated = 0
    for row in rows:
        sku = (row.get("sku") or "").strip().upper()
        if not sku:
            continue
        item = Item.query.filter_by(sku=sku).first()
        if item is None:
            item = Item(sku=sku)
            created += 1
        else:
            updated += 1
        item.name = row.get("name") or item.name or sku
        item.barcode = row.get("barcode") or item.barcode
        item.unit = row.get("unit") or item.unit or "ea"
        if row.get("unit_cost") not in (None, ""):
            item.unit_cost = row["unit_cost"]
        if row.get("reorder_point") not in (None, ""):
            item.reorder_point = int(row["reorder_point"])
        db.session.add(item)
    db.session.commit()
    return created, updated
