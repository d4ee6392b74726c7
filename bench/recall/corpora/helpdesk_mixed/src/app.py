"""IT helpdesk web app.

Run locally with ``HELPDESK_ENV=development flask --app app run``; in
production gunicorn is started by deploy/run.sh behind nginx.
"""
import logging
import uuid
from datetime import datetime, timezone

import jwt
import requests
from flask import (
    Blueprint,
    Flask,
    abort,
    flash,
    g,
    jsonify,
    make_response,
    redirect,
    render_template,
    request,
    url_for,
)
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address
from flask_wtf.csrf import CSRFProtect
from itsdangerous import URLSafeTimedSerializer
from markupsafe import escape
from werkzeug.middleware.proxy_fix import ProxyFix

import db
import helpers
import settings
from auth import admin_required, authenticate, hasher, load_current_user, login_required, login_user, logout_user
from utils import crypto, mailer

logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
log = logging.getLogger("helpdesk")

app = Flask(__name__)
app.config.from_object(settings)
app.wsgi_app = ProxyFix(app.wsgi_app, x_for=1, x_proto=1)

csrf = CSRFProtect(app)
limiter = Limiter(get_remote_address, app=app, storage_uri=settings.RATELIMIT_STORAGE_URI)

db.init_app(app)
app.before_request(load_current_user)

app.jinja_env.filters["signature"] = helpers.render_signature
app.jinja_env.filters["timeago"] = helpers.humanize_delta
app.jinja_env.filters["status_class"] = helpers.status_class
app.jinja_env.globals["avatar_colour"] = helpers.avatar_colour
app.jinja_env.globals["gravatar"] = helpers.gravatar_url

STATUSES = ("open", "pending", "resolved", "closed")
PRIORITIES = ("low", "normal", "high", "urgent")
THEMES = ("light", "dark")

handoff_serializer = URLSafeTimedSerializer(settings.HANDOFF_SECRET, salt="att-handoff")


@app.context_processor
def inject_globals():
    return {
        "current_user": g.get("user"),
        "statuses": STATUSES,
        "priorities": PRIORITIES,
        "theme": request.cookies.get("hd_theme", "light"),
    }


def _can_view(ticket):
    user = g.user
    return bool(user["is_admin"]) or ticket["requester_id"] == user["id"]


def _get_ticket_or_404(ticket_id):
    ticket = db.get_ticket(ticket_id)
    if ticket is None:
        abort(404)
    if not _can_view(ticket):
        abort(403)
    return ticket


# --- attachments service -----------------------------------------------------

def _service_headers():
    return {"Authorization": "Bearer " + crypto.make_service_token(g.user["id"])}


def _fetch_attachments(ticket_id):
    try:
        resp = requests.get(
            f"{settings.ATTACHMENTS_URL}/api/tickets/{ticket_id}/attachments",
            headers=_service_headers(),
            timeout=3,
        )
        resp.raise_for_status()
        return resp.json().get("attachments", [])
    except (requests.RequestException, ValueError):
        log.warning("attachments service unavailable for ticket %s", ticket_id, exc_info=True)
        return []


def _upload_attachment(ticket_id, storage):
    try:
        resp = requests.post(
            f"{settings.ATTACHMENTS_URL}/api/tickets/{ticket_id}/attachments",
            headers=_service_headers(),
            files={"file": (storage.filename, storage.stream, storage.mimetype)},
            timeout=30,
        )
        resp.raise_for_status()
        return True
    except requests.RequestException:
        log.warning("upload of %r for ticket %s failed", storage.filename, ticket_id, exc_info=True)
        return False


# --- login / password --------------------------------------------------------

@app.route("/login", methods=["GET", "POST"])
@limiter.limit("10 per minute;50 per hour", methods=["POST"])
def login():
    if request.method == "POST":
        username = request.form.get("username", "").strip().lower()
        password = request.form.get("password", "")
        user = authenticate(username, password)
        if user is None or not user["is_active"]:
            log.info("failed login for %r from %s", username, request.remote_addr)
            flash("Invalid username or password.", "error")
            return render_template("login.html", username=username), 401
        login_user(user)
        db.touch_last_login(user["id"])
        next_url = request.args.get("next") or ""
        if not next_url.startswith("/") or next_url.startswith("//"):
            next_url = url_for("index")
        return redirect(next_url)
    return render_template("login.html")


@app.route("/logout", methods=["POST"])
def logout():
    logout_user()
    return redirect(url_for("login"))


@app.route("/forgot-password", methods=["GET", "POST"])
def forgot_password():
    if request.method == "POST":
        email = request.form.get("email", "").strip().lower()
        user = db.get_user_by_email(email) if email else None
        if user is not None and user["auth_source"] == "local" and user["is_active"]:
            code = crypto.make_reset_code()
            db.store_reset_code(user["id"], code, datetime.utcnow() + settings.PASSWORD_RESET_TTL)
            link = url_for("reset_password", code=code, _external=True)
            mailer.send_template(user["email"], "Helpdesk password reset", "emails/reset.txt", user=user, link=link)
        flash("If that address belongs to a helpdesk account, a reset link is on its way.", "info")
        return redirect(url_for("login"))
    return render_template("forgot_password.html")


@app.route("/reset/<code>", methods=["GET", "POST"])
def reset_password(code):
    reset = db.get_reset(code)
    if reset is None or reset["expires_at"] < datetime.utcnow().isoformat(timespec="seconds"):
        flash("That reset link is invalid or has expired.", "error")
        return redirect(url_for("forgot_password"))
    if request.method == "POST":
        password = request.form.get("password", "")
        if len(password) < settings.PASSWORD_MIN_LENGTH:
            flash(f"Use at least {settings.PASSWORD_MIN_LENGTH} characters.", "error")
        elif password != request.form.get("password2", ""):
            flash("The two passwords do not match.", "error")
        else:
            db.set_password_hash(reset["user_id"], hasher.hash(password))
            db.delete_resets_for(reset["user_id"])
            flash("Password changed, you can sign in now.", "info")
            return redirect(url_for("login"))
    return render_template("reset_password.html", code=code)


# --- dashboard / tickets -----------------------------------------------------

@app.route("/")
@login_required
def index():
    stats = {status: db.count_rows("tickets", status=status) for status in STATUSES}
    if g.user["is_admin"]:
        mine = db.search_tickets(assignee_id=g.user["id"], status="open", limit=10)
    else:
        mine = db.search_tickets(requester_id=g.user["id"], limit=10)
    return render_template("index.html", stats=stats, tickets=mine)


@app.route("/tickets")
@login_required
def tickets():
    q = request.args.get("q", "").strip()
    status = request.args.get("status")
    if status not in STATUSES:
        status = None
    sort = request.args.get("sort", "t.updated_at DESC")
    page = max(request.args.get("page", 1, type=int), 1)
    per_page = settings.TICKETS_PER_PAGE
    requester_id = None if g.user["is_admin"] else g.user["id"]
    rows = db.search_tickets(
        text=q or None,
        status=status,
        requester_id=requester_id,
        sort=sort,
        limit=per_page + 1,
        offset=(page - 1) * per_page,
    )
    return render_template(
        "tickets.html",
        tickets=rows[:per_page],
        q=q,
        status=status,
        sort=sort,
        page=page,
        has_next=len(rows) > per_page,
    )


@app.route("/tickets/suggest")
@login_required
def suggest():
    """Type-ahead for the search box (hx-get from tickets.html)."""
    q = request.args.get("q", "").strip()
    rows = db.search_tickets(text=q, limit=8) if len(q) >= 3 else []
    if not rows:
        return f'<li class="empty">No tickets matching "{q}"</li>'
    return "".join(
        f'<li><a href="{url_for("ticket_detail", ticket_id=r["id"])}">#{r["id"]} {escape(r["subject"])}</a></li>'
        for r in rows
    )


@app.route("/tickets/tagged")
@login_required
def tagged():
    tags = helpers.parse_tags(request.args.get("tags", ""))
    if not tags:
        return redirect(url_for("tickets"))
    rows = db.tickets_with_tags(tags)
    return render_template("tickets.html", tickets=rows, q="", status=None, sort=None, page=1,
                           has_next=False, tags=tags)


@app.route("/tickets/new", methods=["GET", "POST"])
@login_required
def new_ticket():
    if request.method == "POST":
        subject = request.form.get("subject", "").strip()
        body_html = request.form.get("body", "")
        priority = request.form.get("priority", "normal")
        if priority not in PRIORITIES:
            priority = "normal"
        if not subject:
            flash("A subject is required.", "error")
            return render_template("new_ticket.html", form=request.form), 400
        ticket_id = db.create_ticket(g.user["id"], subject[:200], body_html, priority)
        db.set_ticket_tags(ticket_id, helpers.valid_tags(helpers.parse_tags(request.form.get("tags", ""))))
        for storage in request.files.getlist("attachments"):
            if storage and storage.filename:
                _upload_attachment(ticket_id, storage)
        db.add_event(ticket_id, g.user["id"], "created")
        return redirect(url_for("ticket_detail", ticket_id=ticket_id))
    return render_template("new_ticket.html", form={})


@app.route("/tickets/<int:ticket_id>")
@login_required
def ticket_detail(ticket_id):
    ticket = _get_ticket_or_404(ticket_id)
    return render_template(
        "ticket.html",
        ticket=ticket,
        comments=db.get_comments(ticket_id, include_internal=bool(g.user["is_admin"])),
        tags=db.get_ticket_tags(ticket_id),
        attachments=_fetch_attachments(ticket_id),
        agents=db.list_agents() if g.user["is_admin"] else [],
        assets=db.assets_for_user(ticket["requester"]) if g.user["is_admin"] else [],
    )


@app.route("/tickets/<int:ticket_id>/comments", methods=["POST"])
@login_required
def add_comment(ticket_id):
    ticket = _get_ticket_or_404(ticket_id)
    body = request.form.get("body", "").strip()
    if not body:
        flash("Empty comment not saved.", "error")
        return redirect(url_for("ticket_detail", ticket_id=ticket_id))
    internal = bool(g.user["is_admin"]) and request.form.get("internal") == "1"
    db.add_comment(ticket_id, g.user["id"], body, internal=internal)
    if not internal and ticket["requester_id"] != g.user["id"]:
        mailer.send_template(
            ticket["requester_email"],
            f"[#{ticket_id}] {ticket['subject']}",
            "emails/comment.txt",
            ticket=ticket,
            author=g.user,
            body=body,
        )
    return redirect(url_for("ticket_detail", ticket_id=ticket_id) + "#comments")


# tickets.js changes the status straight from the list with fetch()
@app.route("/tickets/<int:ticket_id>/status", methods=["POST"])
@csrf.exempt
@login_required
def update_status(ticket_id):
    ticket = _get_ticket_or_404(ticket_id)
    data = request.get_json(silent=True) or request.form
    new_status = data.get("status")
    if new_status not in STATUSES:
        return jsonify(error="unknown status"), 400
    if new_status == ticket["status"]:
        return jsonify(ok=True, status=new_status)
    closed_at = datetime.utcnow().isoformat(timespec="seconds") if new_status == "closed" else None
    db.update_ticket(ticket_id, status=new_status, closed_at=closed_at)
    db.add_event(ticket_id, g.user["id"], f"status {ticket['status']} -> {new_status}")
    return jsonify(ok=True, status=new_status)


@app.route("/tickets/<int:ticket_id>/assign", methods=["POST"])
@admin_required
def assign_ticket(ticket_id):
    _get_ticket_or_404(ticket_id)
    assignee_id = request.form.get("assignee_id", type=int)
    if assignee_id and db.get_user(assignee_id) is None:
        abort(400)
    db.update_ticket(ticket_id, assignee_id=assignee_id)
    db.add_event(ticket_id, g.user["id"], f"assigned to {assignee_id or 'nobody'}")
    return redirect(url_for("ticket_detail", ticket_id=ticket_id))


@app.route("/tickets/<int:ticket_id>/attachments/open")
@login_required
def open_attachments(ticket_id):
    """Hand the browser over to the attachments UI with a short-lived signed token."""
    _get_ticket_or_404(ticket_id)
    handoff = handoff_serializer.dumps(
        {"uid": g.user["id"], "name": g.user["username"], "admin": bool(g.user["is_admin"])}
    )
    return redirect(f"{settings.ATTACHMENTS_PUBLIC_URL}/ui/session?t={handoff}&next=/ui/tickets/{ticket_id}")


# --- profile -----------------------------------------------------------------

@app.route("/profile", methods=["GET", "POST"])
@login_required
def profile():
    if request.method == "POST":
        display_name = request.form.get("display_name", "").strip()[:80] or g.user["username"]
        signature = request.form.get("signature", "")[:500]
        db.update_user(g.user["id"], display_name=display_name, signature=signature)
        flash("Profile saved.", "info")
        return redirect(url_for("profile"))
    return render_template("profile.html", assets=db.assets_for_user(g.user["username"]))


@app.route("/profile/api-key", methods=["POST"])
@login_required
def regenerate_api_key():
    key = helpers.generate_api_key(g.user["id"])
    db.update_user(g.user["id"], api_key_hash=crypto.sha256_hex(key))
    log.info("api key regenerated for user %s", g.user["id"])
    return render_template("profile.html", new_api_key=key, assets=db.assets_for_user(g.user["username"]))


@app.route("/profile/theme", methods=["POST"])
@login_required
def set_theme():
    theme = request.form.get("theme")
    if theme not in THEMES:
        theme = "light"
    resp = make_response(redirect(url_for("profile")))
    resp.set_cookie("hd_theme", theme, max_age=365 * 24 * 3600)
    return resp


# --- knowledge base ----------------------------------------------------------

@app.route("/kb")
@login_required
def kb_index():
    return render_template("kb_index.html", articles=db.list_articles())


@app.route("/kb/<slug>")
@login_required
def kb_article(slug):
    article = db.get_article(slug)
    if article is None:
        abort(404)
    return render_template("kb_article.html", article=article)


@app.route("/kb/<slug>/edit", methods=["GET", "POST"])
@admin_required
def kb_edit(slug):
    article = db.get_article(slug)
    if request.method == "POST":
        title = request.form.get("title", "").strip()
        body_md = request.form.get("body_md", "")
        if not title:
            flash("Title is required.", "error")
        else:
            new_slug = slug if article else helpers.slugify(title)
            db.save_article(new_slug, title, body_md, helpers.render_markdown(body_md), g.user["id"])
            return redirect(url_for("kb_article", slug=new_slug))
    return render_template("kb_edit.html", article=article, slug=slug)


# --- admin -------------------------------------------------------------------

@app.route("/admin/users", methods=["GET", "POST"])
@admin_required
def admin_users():
    if request.method == "POST":
        username = request.form.get("username", "").strip().lower()
        email = request.form.get("email", "").strip()
        password = request.form.get("password", "")
        if not username or not email or len(password) < settings.PASSWORD_MIN_LENGTH:
            flash("Username, e-mail and a password of 12+ characters are required.", "error")
        elif db.get_user_by_username(username):
            flash("That username is taken.", "error")
        else:
            db.create_user(username, email, username, password_hash=hasher.hash(password),
                           is_admin=request.form.get("is_admin") == "1")
            flash(f"User {username} created.", "info")
        return redirect(url_for("admin_users"))
    return render_template("admin_users.html", users=db.list_users())


@app.route("/admin/users/<int:user_id>/toggle", methods=["POST"])
@admin_required
def toggle_user(user_id):
    user = db.get_user(user_id) or abort(404)
    if user["id"] == g.user["id"]:
        flash("You cannot deactivate yourself.", "error")
    else:
        db.update_user(user_id, is_active=0 if user["is_active"] else 1)
    return redirect(url_for("admin_users"))


# --- inbound mail from the relay ---------------------------------------------

@app.route("/hooks/inbound-mail", methods=["POST"])
@csrf.exempt
def inbound_mail():
    body = request.get_data()
    if not crypto.verify_webhook_signature(body, request.headers.get("X-Relay-Signature"), settings.MAIL_WEBHOOK_SECRET):
        abort(403)
    message = request.get_json(force=True)
    sender = db.get_user_by_email(message.get("from", ""))
    if sender is None:
        log.info("ignoring mail from unknown sender")
        return jsonify(ok=True, ignored=True)
    subject = message.get("subject", "(no subject)")
    text = message.get("text", "")
    ticket_id = helpers.extract_ticket_id(subject)
    if ticket_id and db.get_ticket(ticket_id):
        db.add_comment(ticket_id, sender["id"], text)
    else:
        ticket_id = db.create_ticket(sender["id"], subject[:200], str(escape(text)).replace("\n", "<br>"))
        db.add_event(ticket_id, sender["id"], "created by e-mail")
    return jsonify(ok=True, ticket_id=ticket_id)


# --- JSON API (CLI, browser extension) ---------------------------------------

api = Blueprint("api", __name__, url_prefix="/api")

API_TOKEN_KEYS = {settings.API_JWT_ISSUER: settings.API_JWT_SECRET}
if settings.EXTENSION_JWT_SECRET:
    API_TOKEN_KEYS["helpdesk-extension"] = settings.EXTENSION_JWT_SECRET


def _api_user():
    api_key = request.headers.get("X-Api-Key")
    if api_key:
        user = db.get_user_by_api_key_hash(crypto.sha256_hex(api_key))
        if user is None:
            abort(401)
        return user

    auth_header = request.headers.get("Authorization", "")
    if not auth_header.startswith("Bearer "):
        abort(401)
    token = auth_header[len("Bearer "):]
    try:
        # only used to pick the right key; the real check is below
        unverified = jwt.decode(token, options={"verify_signature": False})
        secret = API_TOKEN_KEYS.get(unverified.get("iss"))
        if secret is None:
            abort(401)
        claims = jwt.decode(
            token,
            secret,
            algorithms=["HS256"],
            issuer=unverified["iss"],
            options={"require": ["exp", "iat", "sub"]},
        )
    except jwt.PyJWTError:
        abort(401)
    user = db.get_user(int(claims["sub"]))
    if user is None or not user["is_active"]:
        abort(401)
    return user


@api.route("/token", methods=["POST"])
def issue_token():
    data = request.get_json(silent=True) or request.form
    username = str(data.get("username", "")).strip().lower()
    password = str(data.get("password", ""))
    user = authenticate(username, password)
    if user is None or not user["is_active"]:
        return jsonify(error="invalid credentials"), 401
    now = datetime.now(timezone.utc)
    payload = {
        "sub": str(user["id"]),
        "iss": settings.API_JWT_ISSUER,
        "iat": now,
        "exp": now + settings.API_TOKEN_TTL,
        "scope": "tickets",
    }
    token = jwt.encode(payload, settings.API_JWT_SECRET, algorithm="HS256")
    return jsonify(
        access_token=token,
        token_type="Bearer",
        expires_in=int(settings.API_TOKEN_TTL.total_seconds()),
    )


@api.route("/tickets", methods=["GET"])
def api_tickets():
    user = _api_user()
    status = request.args.get("status")
    rows = db.search_tickets(
        status=status if status in STATUSES else None,
        requester_id=None if user["is_admin"] else user["id"],
        limit=100,
    )
    return jsonify(tickets=[dict(r) for r in rows])


@api.route("/tickets", methods=["POST"])
def api_create_ticket():
    user = _api_user()
    data = request.get_json(force=True)
    subject = str(data.get("subject", "")).strip()
    if not subject:
        return jsonify(error="subject is required"), 400
    body_html = str(escape(data.get("body", ""))).replace("\n", "<br>")
    ticket_id = db.create_ticket(user["id"], subject[:200], body_html, data.get("priority", "normal"))
    db.add_event(ticket_id, user["id"], "created via API")
    return jsonify(id=ticket_id), 201


@api.route("/tickets/<int:ticket_id>", methods=["GET"])
def api_ticket(ticket_id):
    user = _api_user()
    ticket = db.get_ticket(ticket_id)
    if ticket is None or (not user["is_admin"] and ticket["requester_id"] != user["id"]):
        return jsonify(error="not found"), 404
    return jsonify(ticket=dict(ticket), tags=db.get_ticket_tags(ticket_id))


csrf.exempt(api)
app.register_blueprint(api)


# --- errors / cli ------------------------------------------------------------

@app.errorhandler(404)
def not_found(exc):
    return render_template("error.html", code=404, message="Page not found."), 404


@app.errorhandler(500)
def server_error(exc):
    error_id = uuid.uuid4().hex[:10]
    log.exception("unhandled error %s on %s %s", error_id, request.method, request.path)
    return render_template("error.html", code=500, message="Something went wrong.", error_id=error_id), 500


@app.cli.command("init-db")
def init_db_command():
    db.init_schema()
    print("database initialised at", settings.DATABASE_PATH)


if __name__ == "__main__":
    app.run(host="127.0.0.1", port=5000, debug=settings.DEBUG)
