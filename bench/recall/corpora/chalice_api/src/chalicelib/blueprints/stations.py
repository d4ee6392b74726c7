from chalice import BadRequestError, Blueprint, Response

from chalicelib import settings, web
from chalicelib.authorizers import current_rider_id, rider_auth
from chalicelib.rendering import render_page
from chalicelib.repositories import RiderRepository
from chalicelib.services.stations import StationService, etag_for
from chalicelib.web import html

station_routes = Blueprint(__name__)


def _params():
    return station_routes.current_request.query_params or {}


@station_routes.route("/stations", methods=["GET"], cors=True)
def list_stations():
    stations = StationService().list_public(city=_params().get("city"))
    etag = etag_for(stations)
    if station_routes.current_request.headers.get("if-none-match") == etag:
        return Response(body="", status_code=304, headers={"ETag": etag})
    return Response(
        body={"stations": stations},
        headers={"ETag": etag, "Cache-Control": "public, max-age=30"},
    )


@station_routes.route("/stations/lookup", methods=["GET"], cors=True)
def lookup_stations():
    query = _params().get("q", "")
    return {"query": query, "results": StationService().search(query)}


@station_routes.route("/stations/widget/search", methods=["GET"])
def widget_search():
    query = _params().get("q", "")
    results = StationService().search(query)
    if not results:
        return Response(
            body=f'<p class="widget-empty">No stations match <strong>{query}</strong>.</p>',
            headers={"Content-Type": "text/html; charset=utf-8"},
        )
    return html(render_page("widget_results.html", results=results, query=query))


@station_routes.route("/stations/{station_id}/page", methods=["GET"])
def station_page(station_id):
    service = StationService()
    station = service.get_or_404(web.identifier(station_id, "station"))
    lang = _params().get("lang")
    headers = {}
    if lang in settings.SUPPORTED_LANGUAGES:
        headers["Set-Cookie"] = f"station_lang={lang}; Path=/stations; Max-Age=31536000"
    body = render_page(
        "station.html",
        station=station,
        map_embed=service.map_embed(station),
        reviews=service.reviews(station_id),
        lang=lang or "en",
    )
    return html(body, headers=headers)


@station_routes.route("/stations/{station_id}/alternatives", methods=["GET"], authorizer=rider_auth)
def station_alternatives(station_id):
    return {"alternatives": StationService().suggest_alternatives(station_id)}


@station_routes.route("/stations/{station_id}/reviews", methods=["POST"], authorizer=rider_auth)
def add_review(station_id):
    rating, comment = web.require_fields(
        station_routes.current_request.json_body, "rating", "comment"
    )
    rating = web.bounded_int(rating, default=0, low=0, high=5)
    if not 1 <= rating <= 5:
        raise BadRequestError("rating must be between 1 and 5")
    if len(comment) > 1000:
        raise BadRequestError("comment is too long")
    rider = RiderRepository().get(current_rider_id(station_routes.current_request)) or {}
    review_id = StationService().add_review(station_id, rider, rating, comment)
    return Response(body={"review_id": review_id}, status_code=201)
