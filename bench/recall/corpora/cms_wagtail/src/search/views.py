import logging

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db import DatabaseError
from django.template.response import TemplateResponse
from wagtail.contrib.search_promotions.models import Query
from wagtail.models import Page

from core.models import REGION_CHOICES
from core.utils import normalise_query

from .fallback import fallback_search

logger = logging.getLogger("artsboard.search")

RESULTS_PER_PAGE = 10


def _indexed_search(query):
    results = Page.objects.live().public().specific().search(query, operator="and")
    return list(results[:200])


def search(request):
    search_query = normalise_query(request.GET.get("query"))
    region = request.GET.get("region")
    if region not in dict(REGION_CHOICES):
        region = None
    ordering = request.GET.get("order", "relevance")

    results = []
    used_fallback = False
    if search_query:
        try:
            results = _indexed_search(search_query)
        except DatabaseError:
            logger.warning("Indexed search failed for a query; using fallback", exc_info=True)
        if not results:
            results = fallback_search(search_query, region=region, ordering=ordering)
            used_fallback = True
        Query.get(search_query).add_hit()

    paginator = Paginator(results, RESULTS_PER_PAGE)
    try:
        page_obj = paginator.page(request.GET.get("page", 1))
    except PageNotAnInteger:
        page_obj = paginator.page(1)
    except EmptyPage:
        page_obj = paginator.page(paginator.num_pages)

    return TemplateResponse(
        request,
        "search/search.html",
        {
            "search_query": search_query,
            "search_results": page_obj,
            "result_count": paginator.count,
            "used_fallback": used_fallback,
            "regions": REGION_CHOICES,
            "selected_region": region,
        },
    )
