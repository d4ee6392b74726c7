"""Corner Shop - storefront, account pages, admin and the small JSON API."""
import functools
import logging
import os
import traceback

import jwt
from flask import (Flask, abort, flash, g, jsonify, make_response, redirect,
                   render_template, request, session, url_for)
from flask_cors import CORS
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address
from flask_wtf.csrf import CSRFProtect
from markupsafe import Markup, escape

import models
import settings
import utils

app = Flask(__name__)
app.config.from_object(settings)
app.teardown_appcontext(models.close_db)

csrf = CSRFProtect(app)
limiter = Limiter(get_remote_address, app=app, storage_uri=settings.RATELIMIT_STORAGE_URI)
CORS(app, resources={r"/api/*": {"origins": "*"}}, supports_credentials=True)

logging.basicConfig(level=logging.DEBUG if app.debug else logging.INFO)
log = logging.getLogger("shop")

app.jinja_env.filters["price"] = utils.format_price


# ---------------------------------------------------------------------------
# helpers

@app.before_request
def load_user():
    g.user = None
    uid = session.get("user_id")
    if uid:
        g.user = models.get_user(uid)
    elif request.cookies.get("remember_token"):
        g.user = models.get_user_by_remember_token(request.cookies["remember_token"])
        if g.user is not None:
            session["user_id"] = g.user["id"]


@app.after_request
def security_headers(resp):
    resp.headers.setdefault("Strict-Transport-Security", "max-age=31536000; includeSubDomains")
    resp.headers.setdefault("X-Content-Type-Options", "nosniff")
    resp.headers.setdefault("X-Frame-Options", "DENY")
    return resp


def login_required(view):
    @functools.wraps(view)
    def wrapped(*args, **kwargs):
        if g.user is None:
            return redirect(url_for("login", next=request.path))
        return view(*args, **kwargs)
    return wrapped


def admin_required(view):
    @functools.wraps(view)
    def wrapped(*args, **kwargs):
        if g.user is None or not g.user["is_admin"]:
            abort(403)
        return view(*args, **kwargs)
    return wrapped


def api_auth(view):
    """Accept either a bearer JWT or an affiliate X-Api-Key header."""
    @functools.wraps(view)
    def wrapped(*args, **kwargs):
        user = None
        auth = request.headers.get("Authorization", "")
        if auth.startswith("Bearer "):
            try:
                claims = utils.read_api_token(auth[7:])
            except jwt.InvalidTokenError:
                return jsonify(error="invalid token"), 401
            user = models.get_user(int(claims["sub"]))
        elif request.headers.get("X-Api-Key"):
            user = models.get_user_by_api_key(request.headers["X-Api-Key"])
        if user is None:
            return jsonify(error="unauthorized"), 401
        g.api_user = user
        return view(*args, **kwargs)
    return wrapped


def cart_items():
    cart = session.get("cart", {})
    products = {p["id"]: p for p in models.get_products([int(k) for k in cart])}
    items = []
    for pid, qty in cart.items():
        p = products.get(int(pid))
        if p:
            items.append({"product_id": p["id"], "name": p["name"], "qty": qty, "price_cents": p["price_cents"]})
    return items


# ---------------------------------------------------------------------------
# storefront

@app.route("/")
def index():
    featured = utils.pick_featured(models.all_products())
    return render_template("index.html", featured=featured)


@app.route("/product/<int:product_id>")
def product_page(product_id):
    product = models.get_product(product_id)
    if product is None:
        abort(404)
    reviews = []
    for r in models.reviews_for(product_id):
        body = r["body"].strip().replace("\n", "<br>")
        reviews.append({"author": r["author"], "rating": r["rating"], "body_html": Markup(body)})
    image_key = utils.image_cache_key(product["id"], product["updated_at"])
    return render_template("product.html", product=product, reviews=reviews, image_key=image_key)


@app.route("/product/<int:product_id>/review", methods=["POST"])
@login_required
def add_review(product_id):
    rating = max(1, min(5, utils.parse_int(request.form.get("rating"), 5)))
    body = request.form.get("body", "").strip()
    if body:
        models.add_review(product_id, g.user["id"], rating, body)
        flash("Thanks for your review!")
    return redirect(url_for("product_page", product_id=product_id))


@app.route("/search")
def search():
    q = request.args.get("q", "").strip()
    category = request.args.get("category")
    results = models.search_products(q, category) if q else []
    if not results:
        return f"<h2>Search</h2><p>Nothing found for <b>{q}</b>. <a href='/'>Back to the shop</a></p>"
    return render_template("search.html", q=q, results=results)


@app.route("/track")
def track_order():
    ref = request.args.get("ref", "").strip()
    order = models.order_by_ref(ref)
    if order is None:
        return f"<p>We could not find order <code>{escape(ref)}</code>.</p>", 404
    return render_template("track.html", order=order)


@app.route("/cart")
def cart():
    items = cart_items()
    total = sum(i["qty"] * i["price_cents"] for i in items)
    return render_template("cart.html", items=items, total=total)


@app.route("/cart/add", methods=["POST"])
def cart_add():
    pid = str(utils.parse_int(request.form.get("product_id")))
    qty = max(1, utils.parse_int(request.form.get("qty"), 1))
    cart = session.setdefault("cart", {})
    cart[pid] = cart.get(pid, 0) + qty
    session.modified = True
    return redirect(url_for("cart"))


@app.route("/checkout", methods=["POST"])
@login_required
def checkout():
    items = cart_items()
    if not items:
        flash("Your cart is empty.")
        return redirect(url_for("cart"))
    ref = utils.new_order_ref()
    order_id = models.create_order(ref, g.user["id"], items)
    total = sum(i["qty"] * i["price_cents"] for i in items)
    intent = utils.gateway.create_intent(total, ref)
    session.pop("cart", None)
    link = url_for("invoice_download", t=utils.invoice_link_token(order_id), _external=True)
    utils.send_mail(g.user["email"], "Your order " + ref,
                    "Thanks for your order %s.\nInvoice: %s\n" % (ref, link))
    return render_template("checkout.html", ref=ref, client_secret=intent.get("client_secret"))


@app.route("/invoice")
def invoice_download():
    try:
        claims = utils.read_invoice_token(request.args.get("t", ""))
    except jwt.InvalidTokenError:
        abort(403)
    order = models.get_order(claims["order"])
    if order is None:
        abort(404)
    return render_template("invoice.html", order=order)


# ---------------------------------------------------------------------------
# accounts

@app.route("/login", methods=["GET", "POST"])
@limiter.limit("5 per minute")
def login():
    if request.method == "POST":
        email = request.form.get("email", "")
        password = request.form.get("password", "")
        log.debug("login attempt email=%s password=%s", email, password)
        user = models.get_user_by_email(email)
        if user is None or not utils.check_password(password, user["password"]):
            flash("Wrong e-mail or password.")
            return render_template("login.html"), 401
        session.clear()
        session["user_id"] = user["id"]
        flash(Markup("Welcome back, <strong>{}</strong>!").format(user["name"]))
        resp = make_response(redirect(request.args.get("next") or url_for("index")))
        if request.form.get("remember"):
            token = utils.new_remember_token()
            models.set_remember_token(user["id"], token)
            resp.set_cookie("remember_token", token, max_age=60 * 60 * 24 * 30)
        return resp
    return render_template("login.html")


@app.route("/logout")
def logout():
    session.clear()
    resp = make_response(redirect(url_for("index")))
    resp.delete_cookie("remember_token")
    return resp


@app.route("/register", methods=["GET", "POST"])
@limiter.limit("3 per hour", methods=["POST"])
def register():
    if request.method == "POST":
        email = request.form.get("email", "").strip().lower()
        name = request.form.get("name", "").strip()
        password = request.form.get("password", "")
        if len(password) < 10:
            flash("Please use at least 10 characters.")
            return render_template("register.html"), 400
        if models.get_user_by_email(email):
            flash("That e-mail is already registered.")
            return render_template("register.html"), 400
        uid = models.create_user(email, utils.hash_password(password), name)
        session["user_id"] = uid
        return redirect(url_for("index"))
    return render_template("register.html")


@app.route("/forgot-password", methods=["GET", "POST"])
def forgot_password():
    if request.method == "POST":
        email = request.form.get("email", "").strip().lower()
        log.info("password reset requested for %s", email)
        user = models.get_user_by_email(email)
        if user:
            token = utils.make_reset_token()
            models.save_reset_token(user["id"], token, settings.RESET_TOKEN_TTL)
            link = url_for("reset_password", token=token, _external=True)
            utils.send_mail(email, "Reset your Corner Shop password",
                            "Someone asked to reset your password.\n\n%s\n\nIgnore this mail if it wasn't you." % link)
        flash("If that address has an account, a reset link is on its way.")
        return redirect(url_for("login"))
    return render_template("forgot.html")


@app.route("/reset/<token>", methods=["GET", "POST"])
@limiter.limit("10 per hour", methods=["POST"])
def reset_password(token):
    if request.method == "POST":
        row = models.pop_reset_token(token)
        if row is None:
            flash("That link has expired.")
            return redirect(url_for("forgot_password"))
        password = request.form.get("password", "")
        if len(password) < 10:
            flash("Please use at least 10 characters.")
            return render_template("reset.html", token=token), 400
        models.set_password(row["user_id"], utils.hash_password(password))
        flash("Password changed, you can log in now.")
        return redirect(url_for("login"))
    return render_template("reset.html", token=token)


@app.route("/account")
@login_required
def account():
    return render_template("account.html", orders=models.orders_for_user(g.user["id"]))


@app.route("/account/api-key", methods=["POST"])
@login_required
def regenerate_api_key():
    key = utils.new_api_key()
    models.set_api_key(g.user["id"], key)
    return render_template("account.html", orders=models.orders_for_user(g.user["id"]), new_key=key)


# ---------------------------------------------------------------------------
# admin

@app.route("/admin")
@admin_required
def admin_orders():
    sort = request.args.get("sort", "created_at")
    direction = "ASC" if request.args.get("dir") == "asc" else "DESC"
    sql = "SELECT o.*, u.email FROM orders o LEFT JOIN users u ON u.id = o.user_id"
    sql = sql + " ORDER BY " + sort + " " + direction
    orders = models.get_db().execute(sql).fetchall()
    return render_template("admin/orders.html", orders=orders, sort=sort)


@app.route("/admin/products/<int:product_id>/edit", methods=["GET", "POST"])
@csrf.exempt
@admin_required
def admin_edit_product(product_id):
    product = models.get_product(product_id)
    if product is None:
        abort(404)
    if request.method == "POST":
        f = request.form
        models.update_product(product_id, f["name"], f["category"], f["description"],
                              utils.parse_int(f["price_cents"]), utils.parse_int(f["stock"]))
        flash("Saved.")
        return redirect(url_for("admin_edit_product", product_id=product_id))
    return render_template("admin/product_edit.html", product=product)


@app.route("/admin/staff/new", methods=["GET", "POST"])
@admin_required
def admin_new_staff():
    if request.method == "POST":
        email = request.form["email"]
        models.create_user(email, request.form["password"], request.form["name"], is_admin=True)
        flash("Staff account created for %s" % email)
        return redirect(url_for("admin_orders"))
    return render_template("admin/staff_new.html")


# ---------------------------------------------------------------------------
# payment provider webhook

@app.route("/webhooks/payment", methods=["POST"])
@csrf.exempt
def payment_webhook():
    app.logger.debug("payment webhook headers: %s", dict(request.headers))
    if not utils.verify_webhook(request.get_data(), request.headers.get("X-Signature")):
        abort(400)
    event = request.get_json(force=True)
    if event.get("type") == "payment_intent.succeeded":
        models.mark_order_paid(event["data"]["object"]["metadata"]["order_ref"])
    return "", 204


# ---------------------------------------------------------------------------
# JSON API

@app.route("/api/token", methods=["POST"])
@csrf.exempt
def api_token():
    data = request.get_json(silent=True) or {}
    user = models.get_user_by_email(data.get("email", ""))
    if user is None or not utils.check_password(data.get("password", ""), user["password"]):
        return jsonify(error="invalid credentials"), 401
    return jsonify(token=utils.issue_api_token(user))


@app.route("/api/me")
def api_me():
    if g.user is None:
        return jsonify(user=None, cart=0)
    return jsonify(user={"id": g.user["id"], "name": g.user["name"], "email": g.user["email"]},
                   cart=sum(session.get("cart", {}).values()))


@app.route("/api/products")
@limiter.limit("60 per minute")
def api_products():
    return jsonify([dict(p) for p in models.all_products()])


@app.route("/api/orders")
@api_auth
def api_orders():
    return jsonify([dict(o) for o in models.orders_for_user(g.api_user["id"])])


@app.route("/api/products/bulk-delete", methods=["POST"])
@csrf.exempt
@api_auth
def api_bulk_delete():
    if not g.api_user["is_admin"]:
        return jsonify(error="forbidden"), 403
    ids = (request.get_json(silent=True) or {}).get("ids", [])
    if ids:
        models.delete_products(ids)
    return jsonify(deleted=len(ids))


@app.errorhandler(Exception)
def handle_error(exc):
    if request.path.startswith("/api/"):
        return jsonify(error=str(exc), trace=traceback.format_exc()), 500
    if hasattr(exc, "code") and isinstance(exc.code, int):
        return render_template("error.html", code=exc.code), exc.code
    log.exception("unhandled error on %s", request.path)
    return render_template("error.html", code=500), 500


@app.cli.command("init-db")
def init_db_command():
    models.init_db()
    print("database ready")


if __name__ == "__main__":
    if os.environ.get("FLASK_ENV") == "development":
        app.run(debug=True)
    else:
        app.run(host="127.0.0.1", port=int(os.environ.get("PORT", "5000")))
