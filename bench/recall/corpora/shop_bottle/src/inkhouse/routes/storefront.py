"""Public storefront pages: home, catalogue, product pages and search."""
import logging
import random

from bottle import Bottle, abort, redirect, request, response
from markupsafe import escape

from ..helpers import CURRENCY_SYMBOLS, render, render_paragraphs
from ..models import NewsletterSubscriber, Product, Review
from ..plugins.auth import current_customer, login_required, safe_next
from ..plugins.ratelimit import limiter
from ..repositories import products as catalogue
from ..services.personalise import PreviewError, render_preview
from ..settings import as_int
from . import EMAIL_RE

log = logging.getLogger(__name__)

app = Bottle()

FEED_MAX_AGE = 600
CURRENCY_COOKIE = "ink_currency"


@app.get("/")
def home():
    featured = catalogue.featured_products(limit=12)
    random.shuffle(featured)
    return render("home.html", featured=featured[:6], categories=Product.CATEGORIES)


@app.get("/prints")
@app.get("/prints/<category>")
def listing(category=None):
    if category and category not in Product.CATEGORIES:
        abort(404, "No such category")
    page = max(1, as_int(request.query.page, 1))
    sort = request.query.sort or "newest"
    products = list(catalogue.list_products(category, sort, page))
    return render(
        "listing.html",
        products=products,
        category=category,
        sort=sort,
        page=page,
        q=None,
    )


@app.get("/search")
def search():
    q = request.query.q.strip()
    category = request.query.category or None
    results = catalogue.search_products(q, category=category) if q else []
    return render("listing.html", products=results, category=category, sort=None, page=1, q=q)


@app.get("/search/suggest")
def search_suggest():
    """HTML fragment for the search box dropdown."""
    q = request.query.q.strip()
    if len(q) < 2:
        return ""
    matches = catalogue.suggest_titles(q)
    if not matches:
        return f'<li class="suggest-empty">No prints match \u201c{q}\u201d</li>'
    return "".join(
        f'<li><a href="/p/{product.slug}">{escape(product.title)}</a></li>' for product in matches
    )


@app.get("/p/<slug>")
def product_page(slug):
    product = catalogue.get_product(slug) or abort(404, "Print not found")
    reviews = (
        product.reviews.where(Review.approved == True)  # noqa: E712
        .order_by(Review.created_at.desc())
        .limit(20)
    )
    return render(
        "product.html",
        product=product,
        description_html=render_paragraphs(product.description),
        variants=catalogue.variants_for(product),
        reviews=list(reviews),
        related=catalogue.related_products(product),
        review_thanks=request.query.review == "thanks",
    )


@app.post("/p/<slug>/reviews")
@login_required
def add_review(slug):
    product = catalogue.get_product(slug) or abort(404, "Print not found")
    rating = as_int(request.forms.rating, 0)
    title = request.forms.title.strip()[:120]
    body = request.forms.body.strip()[:4000]
    if not 1 <= rating <= 5 or not body:
        redirect(f"/p/{product.slug}?review=invalid#reviews")
    Review.create(product=product, customer=current_customer(), rating=rating, title=title, body=body)
    redirect(f"/p/{product.slug}?review=thanks#reviews")


@app.post("/personalise/preview")
def personalise_preview():
    try:
        preview = render_preview(request.forms.wording, request.forms.decode())
    except PreviewError as exc:
        response.status = 400
        return {"error": str(exc)}
    return {"html": preview}


@app.post("/newsletter")
@limiter.limit("10/hour", scope="newsletter")
def newsletter_signup():
    email = request.forms.email.strip().lower()
    if not EMAIL_RE.match(email):
        response.status = 400
        return '<p class="form-error">Please enter a valid e-mail address.</p>'
    subscriber, created = NewsletterSubscriber.get_or_create(email=email)
    if not created and subscriber.unsubscribed_at is not None:
        subscriber.unsubscribed_at = None
        subscriber.save()
    return f'<p class="form-ok">Thanks! {escape(email)} is on the list.</p>'


@app.get("/currency/<code>")
def set_currency(code):
    code = code.upper()
    if code not in CURRENCY_SYMBOLS:
        abort(404, "Unsupported currency")
    response.set_cookie(CURRENCY_COOKIE, code, max_age=365 * 24 * 3600, path="/")
    customer = current_customer()
    if customer is not None and customer.currency != code:
        customer.currency = code
        customer.save()
    redirect(safe_next(request.query.next, "/"))


@app.get("/feeds/products.json")
def product_feed():
    """Public catalogue feed read by the marketing site and the Pinterest catalog."""
    products = Product.select().where(Product.is_active == True).order_by(Product.id)  # noqa: E712
    response.set_header("Access-Control-Allow-Origin", "*")
    response.set_header("Cache-Control", f"public, max-age={FEED_MAX_AGE}")
    base = request.urlparts.scheme + "://" + request.urlparts.netloc
    return {
        "products": [
            {
                "id": product.slug,
                "title": product.title,
                "category": product.category,
                "price": str(product.base_price),
                "link": f"{base}/p/{product.slug}",
            }
            for product in products
        ]
    }
