"""Storefront: home page, categories, product pages, search."""
from flask import (
    Blueprint,
    abort,
    current_app,
    flash,
    g,
    get_template_attribute,
    redirect,
    render_template,
    request,
    url_for,
)
from markupsafe import Markup

from ..repositories import ReviewRepository
from ..security import login_required
from ..services.catalog import CatalogService

bp = Blueprint("catalog", __name__)


@bp.route("/")
def index():
    service = CatalogService()
    return render_template(
        "catalog/listing.html",
        products=service.featured(),
        categories=service.products.categories(),
    )


@bp.route("/c/<slug>")
def category(slug):
    sort = request.args.get("sort", "newest")
    page = request.args.get("page", 1, type=int)
    products = CatalogService().category_page(slug, sort, page, current_app.config["PRODUCTS_PER_PAGE"])
    return render_template("catalog/listing.html", slug=slug, products=products, sort=sort, page=page)


@bp.route("/p/<slug>")
def product(slug):
    min_rating = request.args.get("rating", "1")
    item, reviews = CatalogService().product_with_reviews(slug, min_rating=min_rating)
    if item is None:
        abort(404)
    return render_template("catalog/product.html", product=item, reviews=reviews, min_rating=min_rating)


@bp.route("/p/<slug>/reviews", methods=["POST"])
@login_required
def add_review(slug):
    service = CatalogService()
    item = service.products.get_by_slug(slug)
    if item is None:
        abort(404)
    rating = request.form.get("rating", type=int)
    body = request.form.get("body", "").strip()
    if rating not in range(1, 6) or not body:
        flash("Please pick a rating and write a few words.", "error")
        return redirect(url_for("catalog.product", slug=slug))
    ReviewRepository().add(item["id"], g.user["id"], rating, request.form.get("title", "").strip()[:120], body[:4000])
    flash("Thanks! Your review will appear once it has been checked.", "success")
    return redirect(url_for("catalog.product", slug=slug))


@bp.route("/search")
def search():
    term = request.args.get("q", "")
    results = CatalogService().search(term)
    heading = Markup(f"{len(results)} results for <em>{term}</em>") if term else None
    return render_template("catalog/search.html", q=term, results=results, heading=heading)


@bp.route("/search/suggest")
def suggest():
    term = request.args.get("q", "").strip()
    products = CatalogService().search(term)[:8]
    if not products:
        return f'<li class="suggest-empty">No products match &ldquo;{term}&rdquo;</li>'
    suggestion_list = get_template_attribute("_macros.html", "suggestion_list")
    return suggestion_list(products)
