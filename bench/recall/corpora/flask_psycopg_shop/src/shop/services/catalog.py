"""Catalogue queries used by the storefront views."""
import random

from ..repositories import ProductRepository, ReviewRepository
from ..templating import highlight

FEATURED_SLOTS = 8


class CatalogService:
    def __init__(self, products=None, reviews=None):
        self.products = products or ProductRepository()
        self.reviews = reviews or ReviewRepository()

    def featured(self):
        products = list(self.products.featured())
        random.shuffle(products)
        return products[:FEATURED_SLOTS]

    def category_page(self, slug, sort, page, per_page):
        offset = max(page - 1, 0) * per_page
        return self.products.in_category(slug, sort=sort, limit=per_page, offset=offset)

    def search(self, term):
        term = term.strip()
        if len(term) < 2:
            return []
        results = []
        for product in self.products.search(term):
            product = dict(product)
            product["snippet"] = highlight(product["description"][:240], term)
            results.append(product)
        return results

    def product_with_reviews(self, slug, min_rating="1"):
        product = self.products.get_by_slug(slug)
        if product is None:
            return None, []
        return product, self.reviews.for_product(product["id"], min_rating=min_rating)
