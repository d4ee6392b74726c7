import os
import random

from flask import (
    Blueprint,
    abort,
    current_app,
    flash,
    jsonify,
    make_response,
    redirect,
    render_template,
    request,
    send_from_directory,
    url_for,
)
from flask_login import current_user, login_required
from sqlalchemy import select

from ..extensions import cache, csrf, db, limiter
from ..models import Category, Favourite, Listing, SavedSearch, User
from ..services import payments
from ..services.images import save_listing_image
from ..services.search import search_listings, seller_listings
from ..utils.decorators import confirmed_required
from ..utils.strings import parse_price, unique_slug
from .forms import HandoverForm, ListingForm, SavedSearchForm

listings_bp = Blueprint("listings", __name__)

SELLER_STATUS_CHANGES = {"active", "reserved", "withdrawn"}


def _category_choices():
    cats = db.session.scalars(select(Category).order_by(Category.position)).all()
    return [(0, "—")] + [(c.id, c.name) for c in cats]


def _own_listing_or_404(listing_id):
    listing = db.get_or_404(Listing, listing_id)
    if listing.seller_id != current_user.id:
        abort(404)
    return listing


@cache.cached(timeout=120, key_prefix="home-featured")
def _featured_ids():
    ids = db.session.scalars(
        select(Listing.id).where(Listing.featured.is_(True), Listing.status == "active").limit(60)
    ).all()
    return list(ids)


@listings_bp.get("/")
def index():
    featured_ids = _featured_ids()
    picked = random.sample(featured_ids, k=min(8, len(featured_ids)))
    featured = db.session.scalars(select(Listing).where(Listing.id.in_(picked))).all() if picked else []
    latest = search_listings(limit=current_app.config["LISTINGS_PER_PAGE"])
    return render_template("listings/index.html", featured=featured, latest=latest)


@listings_bp.get("/search")
def search():
    q = request.args.get("q", "").strip()
    raw_min = request.args.get("min_price", "")
    raw_max = request.args.get("max_price", "")
    try:
        min_price = parse_price(raw_min)
        max_price = parse_price(raw_max)
    except ValueError:
        return make_response(f"<p class=\"error\">Invalid price filter: {raw_min or raw_max}</p>", 400)
    page = max(request.args.get("page", 1, type=int), 1)
    per_page = current_app.config["LISTINGS_PER_PAGE"]
    results = search_listings(
        term=q or None,
        category_id=request.args.get("category", type=int),
        min_price=min_price,
        max_price=max_price,
        limit=per_page,
        offset=(page - 1) * per_page,
    )
    return render_template("listings/search.html", q=q, results=results, page=page, form=SavedSearchForm(query=q))


@listings_bp.get("/item/<slug>")
def detail(slug):
    listing = db.session.scalar(select(Listing).where(Listing.slug == slug))
    if listing is None or listing.status in ("draft", "withdrawn"):
        abort(404)
    listing.views += 1
    db.session.commit()
    is_favourite = False
    if current_user.is_authenticated:
        is_favourite = (
            db.session.scalar(
                select(Favourite.id).where(Favourite.user_id == current_user.id, Favourite.listing_id == listing.id)
            )
            is not None
        )
    return render_template("listings/detail.html", listing=listing, is_favourite=is_favourite)


@listings_bp.get("/u/<username>")
def profile(username):
    user = db.session.scalar(select(User).where(User.username == username))
    if user is None or user.is_banned:
        abort(404)
    sort = request.args.get("sort", "newest")
    items = seller_listings(user.id, sort=sort, include_sold=request.args.get("sold") == "1")
    return render_template("users/profile.html", user=user, items=items, sort=sort)


@listings_bp.route("/sell", methods=["GET", "POST"])
@login_required
@confirmed_required
def create():
    form = ListingForm()
    form.category_id.choices = _category_choices()
    if form.validate_on_submit():
        listing = Listing(
            seller_id=current_user.id,
            category_id=form.category_id.data or None,
            slug=unique_slug(form.title.data),
            title=form.title.data.strip(),
            price_cents=int(form.price.data * 100),
            condition=form.condition.data,
        )
        listing.set_description(form.description.data or "")
        db.session.add(listing)
        db.session.flush()
        if form.image.data:
            try:
                listing.image_path, listing.image_etag = save_listing_image(form.image.data, listing.id)
            except ValueError as exc:
                db.session.rollback()
                flash(str(exc), "danger")
                return render_template("listings/form.html", form=form, listing=None)
        db.session.commit()
        flash("Your item is live.", "success")
        return redirect(url_for("listings.detail", slug=listing.slug))
    return render_template("listings/form.html", form=form, listing=None)


@listings_bp.route("/item/<int:listing_id>/edit", methods=["GET", "POST"])
@login_required
def edit(listing_id):
    listing = _own_listing_or_404(listing_id)
    form = ListingForm(obj=listing)
    form.category_id.choices = _category_choices()
    if request.method == "GET":
        form.price.data = listing.price
    if form.validate_on_submit():
        listing.title = form.title.data.strip()
        listing.category_id = form.category_id.data or None
        listing.price_cents = int(form.price.data * 100)
        listing.condition = form.condition.data
        listing.set_description(form.description.data or "")
        if form.image.data:
            listing.image_path, listing.image_etag = save_listing_image(form.image.data, listing.id)
        db.session.commit()
        flash("Listing updated.", "success")
        return redirect(url_for("listings.detail", slug=listing.slug))
    return render_template("listings/form.html", form=form, listing=listing)


@listings_bp.post("/item/<int:listing_id>/status")
@csrf.exempt
@login_required
def change_status(listing_id):
    listing = _own_listing_or_404(listing_id)
    new_status = request.form.get("status") or (request.get_json(silent=True) or {}).get("status")
    if new_status not in SELLER_STATUS_CHANGES:
        return jsonify(error="invalid status"), 400
    if listing.status == "sold":
        return jsonify(error="sold listings cannot change"), 409
    listing.status = new_status
    db.session.commit()
    return jsonify(id=listing.id, status=listing.status)


@listings_bp.post("/item/<int:listing_id>/favourite")
@login_required
def toggle_favourite(listing_id):
    listing = db.get_or_404(Listing, listing_id)
    fav = db.session.scalar(
        select(Favourite).where(Favourite.user_id == current_user.id, Favourite.listing_id == listing.id)
    )
    if fav is None:
        db.session.add(Favourite(user_id=current_user.id, listing_id=listing.id))
    else:
        db.session.delete(fav)
    db.session.commit()
    return redirect(url_for("listings.detail", slug=listing.slug))


@listings_bp.post("/item/<int:listing_id>/buy")
@login_required
@confirmed_required
def buy(listing_id):
    listing = db.get_or_404(Listing, listing_id)
    if listing.seller_id == current_user.id:
        abort(400)
    try:
        order, client_secret = payments.create_checkout(listing, current_user)
    except ValueError as exc:
        flash(str(exc), "warning")
        return redirect(url_for("listings.detail", slug=listing.slug))
    return render_template("listings/checkout.html", listing=listing, order=order, client_secret=client_secret)


@listings_bp.route("/handover", methods=["GET", "POST"])
@login_required
def handover():
    form = HandoverForm()
    if form.validate_on_submit():
        order = payments.confirm_handover(form.token.data.strip(), current_user)
        if order is None:
            flash("That code does not match one of your sales.", "danger")
        else:
            flash("Handover confirmed, the payout is on its way.", "success")
            return redirect(url_for("listings.profile", username=current_user.username))
    return render_template("listings/handover.html", form=form)


@listings_bp.post("/saved-searches")
@login_required
def save_search():
    form = SavedSearchForm()
    if form.validate_on_submit():
        db.session.add(SavedSearch(user_id=current_user.id, query=form.query.data.strip()))
        db.session.commit()
        flash("We'll email you when new items match.", "success")
    return redirect(url_for("listings.search", q=form.query.data))


@listings_bp.get("/media/<path:filename>")
@limiter.exempt
def media(filename):
    folder = os.path.abspath(current_app.config["UPLOAD_FOLDER"])
    return send_from_directory(folder, filename, max_age=86400)


@listings_bp.route("/me/profile", methods=["GET", "POST"])
@login_required
def edit_profile():
    from ..auth.forms import ProfileForm

    form = ProfileForm(obj=current_user)
    if form.validate_on_submit():
        current_user.bio = form.bio.data
        current_user.location = form.location.data
        db.session.commit()
        flash("Profile saved.", "success")
        return redirect(url_for("listings.profile", username=current_user.username))
    return render_template("users/edit_profile.html", form=form)
