import hashlib

from django.core.cache import cache
from django.db.models import Count, Q

from .models import Copy, Title

SEARCH_CACHE_SECONDS = 300


def cache_key_for(*parts):
    raw = "|".join(str(p) for p in parts)
    digest = hashlib.md5(raw.encode("utf-8"), usedforsecurity=False).hexdigest()
    return f"catalogue:search:{digest}"


def normalise_isbn(value):
    digits = "".join(ch for ch in value if ch.isdigit() or ch in "Xx")
    return digits.upper() if len(digits) in (10, 13) else None


def search_titles(query="", branch=None, fmt=None, available_only=False):
    """Return Title ids matching the catalogue search box, cached briefly."""
    key = cache_key_for(query.lower(), getattr(branch, "pk", ""), fmt or "", available_only)
    ids = cache.get(key)
    if ids is not None:
        return Title.objects.filter(pk__in=ids)

    qs = Title.objects.all()
    isbn = normalise_isbn(query) if query else None
    if isbn:
        qs = qs.filter(isbn=isbn)
    elif query:
        for word in query.split()[:6]:
            qs = qs.filter(
                Q(title__icontains=word) | Q(author__icontains=word) | Q(subjects__icontains=word)
            )
    if fmt:
        qs = qs.filter(format=fmt)
    if branch is not None:
        qs = qs.filter(copies__branch=branch)
    if available_only:
        qs = qs.filter(copies__status=Copy.Status.AVAILABLE)

    ids = list(qs.distinct().values_list("pk", flat=True)[:500])
    cache.set(key, ids, SEARCH_CACHE_SECONDS)
    return Title.objects.filter(pk__in=ids)


def availability_by_branch(title):
    return (
        Copy.objects.filter(title=title)
        .exclude(status=Copy.Status.WITHDRAWN)
        .values("branch__name", "branch__slug")
        .annotate(
            total=Count("pk"),
            on_shelf=Count("pk", filter=Q(status=Copy.Status.AVAILABLE)),
        )
        .order_by("branch__name")
    )
