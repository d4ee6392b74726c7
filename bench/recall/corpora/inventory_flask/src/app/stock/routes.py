import logging

from flask import (
    abort,
    current_app,
    flash,
    jsonify,
    make_response,
    redirect,
    render_template,
    request,
    url_for,
)
from flask_login import current_user, login_required

from app.extensions import csrf, db
from app.models import Item, Role, ScannerDevice, ScannerOperator, StockMovement, Supplier, Warehouse
from app.services import inventory, labels, operators, reports
from app.services.devices import start_pairing
from app.stock import stock_bp
from app.stock.forms import AdjustForm, ItemForm, OperatorForm, PairDeviceForm, WarehouseForm
from app.utils.decorators import role_required
from app.utils.formatting import lookup_fragment

log = logging.getLogger(__name__)


def _warehouse_choices():
    return [(w.id, f"{w.code} - {w.name}") for w in Warehouse.query.order_by(Warehouse.code)]


@stock_bp.route("/")
@login_required
def index():
    q = request.args.get("q", "").strip()
    warehouse_id = request.args.get("warehouse", type=int)
    if q:
        results = reports.search_items(q, warehouse_id=warehouse_id)
        return render_template("stock/index.html", results=results, q=q, page=None,
                               counts=None, warehouses=Warehouse.query.all())

    page = db.paginate(
        db.select(Item).filter_by(archived=False).order_by(Item.sku),
        per_page=current_app.config["ITEMS_PER_PAGE"],
    )
    return render_template("stock/index.html", results=None, q=q, page=page,
                           counts=reports.dashboard_counts(), warehouses=Warehouse.query.all())


@stock_bp.route("/items/<int:item_id>")
@login_required
def item_detail(item_id):
    item = db.get_or_404(Item, item_id)
    movements = (
        StockMovement.query.filter_by(item_id=item.id)
        .order_by(StockMovement.created_at.desc())
        .limit(25)
        .all()
    )
    form = AdjustForm()
    form.warehouse_id.choices = _warehouse_choices()
    return render_template("stock/item_detail.html", item=item, movements=movements, form=form)


@stock_bp.route("/items/new", methods=["GET", "POST"])
@stock_bp.route("/items/<int:item_id>/edit", methods=["GET", "POST"])
@login_required
@role_required(Role.CLERK, Role.MANAGER)
def edit_item(item_id=None):
    item = db.get_or_404(Item, item_id) if item_id else Item()
    form = ItemForm(obj=item)
    form.supplier_id.choices = [(0, "-")] + [(s.id, s.name) for s in Supplier.query.order_by(Supplier.name)]
    if form.validate_on_submit():
        inventory.save_item(item, form)
        flash(f"Saved {item.sku}.", "success")
        return redirect(url_for("stock.item_detail", item_id=item.id))
    return render_template("stock/item_form.html", form=form, item=item)


@stock_bp.route("/items/<int:item_id>/adjust", methods=["POST"])
@csrf.exempt
@login_required
@role_required(Role.CLERK, Role.MANAGER)
def quick_adjust(item_id):
    """Called by the +/- buttons on the stock list and the item page."""
    item = db.get_or_404(Item, item_id)
    payload = request.get_json(silent=True) or request.form
    try:
        delta = int(payload.get("delta", 0))
        warehouse_id = int(payload.get("warehouse_id"))
    except (TypeError, ValueError):
        return jsonify(error="delta and warehouse_id are required"), 400
    try:
        inventory.adjust_quantity(item, warehouse_id, delta, current_user, reason=payload.get("reason"))
    except inventory.StockError as exc:
        db.session.rollback()
        return jsonify(error=str(exc)), 409
    level = item.level_for(warehouse_id)
    return jsonify(sku=item.sku, warehouse_id=warehouse_id, quantity=level.quantity if level else 0)


@stock_bp.route("/lookup")
@login_required
def lookup():
    """htmx fragment for the barcode box in the navbar."""
    code = request.args.get("barcode", "").strip()
    item = Item.query.filter_by(barcode=code).first() if code else None
    return lookup_fragment(code, item)


@stock_bp.route("/warehouses")
@login_required
def warehouses():
    return render_template("stock/warehouses.html", warehouses=Warehouse.query.order_by(Warehouse.code).all())


@stock_bp.route("/warehouses/new", methods=["GET", "POST"])
@stock_bp.route("/warehouses/<int:warehouse_id>/edit", methods=["GET", "POST"])
@login_required
@role_required(Role.MANAGER)
def edit_warehouse(warehouse_id=None):
    warehouse = db.get_or_404(Warehouse, warehouse_id) if warehouse_id else Warehouse()
    form = WarehouseForm(obj=warehouse)
    if form.validate_on_submit():
        form.populate_obj(warehouse)
        warehouse.code = warehouse.code.strip().upper()
        db.session.add(warehouse)
        db.session.commit()
        flash(f"Warehouse {warehouse.code} saved.", "success")
        return redirect(url_for("stock.warehouses"))
    return render_template("stock/warehouse_form.html", form=form, warehouse=warehouse)


@stock_bp.route("/warehouses/switch", methods=["POST"])
@login_required
def switch_warehouse():
    wh = db.get_or_404(Warehouse, request.form.get("warehouse_id", type=int))
    resp = make_response(redirect(request.referrer or url_for("stock.index")))
    resp.set_cookie("last_warehouse", str(wh.id), max_age=60 * 60 * 24 * 90)
    return resp


@stock_bp.route("/operators", methods=["GET", "POST"])
@login_required
@role_required(Role.MANAGER)
def manage_operators():
    form = OperatorForm()
    form.warehouse_id.choices = _warehouse_choices()
    if form.validate_on_submit():
        warehouse = db.get_or_404(Warehouse, form.warehouse_id.data)
        try:
            op = operators.create_operator(form.badge_number.data, form.name.data, form.pin.data, warehouse)
        except operators.OperatorError as exc:
            flash(str(exc), "danger")
        else:
            flash(f"Operator {op.badge_number} added.", "success")
            return redirect(url_for("stock.manage_operators"))
    rows = ScannerOperator.query.order_by(ScannerOperator.badge_number).all()
    return render_template("stock/operators.html", form=form, operators=rows)


@stock_bp.route("/devices", methods=["GET", "POST"])
@login_required
@role_required(Role.MANAGER)
def devices():
    form = PairDeviceForm()
    form.warehouse_id.choices = _warehouse_choices()
    pairing = None
    if form.validate_on_submit():
        warehouse = db.get_or_404(Warehouse, form.warehouse_id.data)
        pairing = start_pairing(warehouse, form.label.data)
        flash("Scan the code on the handheld within 15 minutes.", "info")
    rows = ScannerDevice.query.order_by(ScannerDevice.created_at.desc()).all()
    return render_template("stock/devices.html", form=form, devices=rows, pairing=pairing)


@stock_bp.route("/labels/print", methods=["POST"])
@login_required
def print_labels():
    item_ids = request.form.getlist("item_id", type=int)
    if not item_ids:
        flash("Select at least one item.", "warning")
        return redirect(request.referrer or url_for("stock.index"))
    copies = max(1, min(request.form.get("copies", 1, type=int), 20))
    token = labels.make_print_token(item_ids, current_user.id, copies)
    return redirect(url_for("stock.label_sheet", token=token))


@stock_bp.route("/labels/<token>")
def label_sheet(token):
    """Opened on the printer station, which has no user session."""
    try:
        data = labels.read_print_token(token)
    except Exception:
        abort(404)
    items = Item.query.filter(Item.id.in_(data["items"])).order_by(Item.sku).all()
    return labels.render_labels(items, copies=data.get("copies", 1))
