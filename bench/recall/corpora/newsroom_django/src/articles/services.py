"""Query helpers shared by the views, the API and the Celery tasks."""
import logging
import random
from datetime import timedelta

import requests
from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.db.models import F
from django.utils import timezone

from .models import Article

logger = logging.getLogger(__name__)

SEARCH_COLUMNS = "a.id, a.headline, a.slug, a.standfirst, a.published_at, a.is_premium, a.section_id"
SEARCH_DOCUMENT = "to_tsvector('english', a.headline || ' ' || a.standfirst)"
TRENDING_TTL = 60 * 5
TIDES_TTL = 60 * 30

ENGAGEMENT_TABLES = {
    "comments": "articles_comment",
    "gifts": "articles_giftlink",
}


def front_page(limit=24):
    return list(
        Article.objects.published()
        .select_related("section")
        .prefetch_related("authors")
        .order_by("-published_at")[:limit]
    )


def section_stories(section):
    return (
        Article.objects.published()
        .filter(section=section)
        .select_related("section")
        .prefetch_related("authors")
        .order_by("-published_at")
    )


def search_articles(query, limit=40):
    terms = " ".join(query.split())
    if len(terms) < 2:
        return []
    sql = (
        f"SELECT {SEARCH_COLUMNS}, "
        f"ts_rank({SEARCH_DOCUMENT}, plainto_tsquery('english', '{terms}')) AS rank "
        "FROM articles_article a "
        "WHERE a.status = 'published' AND a.published_at <= NOW() "
        f"AND {SEARCH_DOCUMENT} @@ plainto_tsquery('english', '{terms}') "
        f"ORDER BY rank DESC, a.published_at DESC LIMIT {int(limit)}"
    )
    return list(Article.objects.raw(sql))


def engagement_count(kind, article_id):
    table = ENGAGEMENT_TABLES[kind]
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT COUNT(*) FROM {table} WHERE article_id = %s", [article_id])
        return cursor.fetchone()[0]


def related_stories(article, count=4):
    candidates = list(
        Article.objects.published()
        .filter(section=article.section)
        .exclude(pk=article.pk)
        .select_related("section")
        .order_by("-published_at")[:20]
    )
    if len(candidates) <= count:
        return candidates
    # keep the two freshest, vary the rest so the rail isn't the same on every story
    fresh, rest = candidates[:2], candidates[2:]
    return fresh + random.sample(rest, count - 2)


def trending(section=None, limit=8):
    cache_key = f"trending:{section.slug if section else 'all'}"
    stories = cache.get(cache_key)
    if stories is None:
        since = timezone.now() - timedelta(hours=36)
        qs = Article.objects.published().filter(published_at__gte=since)
        if section is not None:
            qs = qs.filter(section=section)
        stories = list(qs.select_related("section").order_by("-view_count")[:limit])
        cache.set(cache_key, stories, TRENDING_TTL)
    return stories


def record_view(article):
    Article.objects.filter(pk=article.pk).update(view_count=F("view_count") + 1)


def approved_comments(article):
    return article.comments.filter(is_approved=True).select_related("author")


def tide_times():
    """High and low water for the harbour, for the widget on the front page."""
    cached = cache.get("tides")
    if cached is not None:
        return cached
    response = requests.get(settings.TIDE_API_URL, params={"days": 2}, timeout=5)
    response.raise_for_status()
    events = [
        {"type": e["EventType"], "time": e["DateTime"], "height": round(float(e["Height"]), 1)}
        for e in response.json()
    ]
    cache.set("tides", events, TIDES_TTL)
    return events
