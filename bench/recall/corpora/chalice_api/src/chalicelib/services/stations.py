import hashlib
import json
import random
import uuid

from chalice import NotFoundError
from markupsafe import Markup

from chalicelib import dynamo
from chalicelib.repositories import StationRepository

MAP_EMBED = Markup(
    '<iframe class="station-map" title="Station location" loading="lazy" '
    'src="https://maps.bikeshare.example/embed?lat={}&amp;lng={}&amp;zoom=17"></iframe>'
)
PUBLIC_FIELDS = ("station_id", "name", "city", "zone", "lat", "lng", "capacity", "bikes_available")


def etag_for(payload):
    encoded = json.dumps(payload, sort_keys=True, default=str).encode("utf-8")
    return '"' + hashlib.md5(encoded, usedforsecurity=False).hexdigest() + '"'


def public_view(station):
    return {field: station.get(field) for field in PUBLIC_FIELDS}


class StationService:
    def __init__(self, repo=None):
        self.repo = repo or StationRepository()

    def get_or_404(self, station_id):
        station = self.repo.get(station_id)
        if station is None:
            raise NotFoundError(f"Unknown station {station_id}")
        return station

    def list_public(self, city=None):
        stations = [public_view(dynamo.plain(s)) for s in self.repo.all(city=city)]
        return sorted(stations, key=lambda s: (s["city"] or "", s["name"] or ""))

    def search(self, query, limit=10):
        needle = query.strip().lower()
        if len(needle) < 2:
            return []
        matches = [s for s in self.list_public() if needle in (s["name"] or "").lower()]
        return matches[:limit]

    def map_embed(self, station):
        return MAP_EMBED.format(station["lat"], station["lng"])

    def suggest_alternatives(self, station_id, count=3):
        station = self.get_or_404(station_id)
        candidates = [
            public_view(dynamo.plain(s))
            for s in self.repo.in_zone(station["zone"])
            if s.get("station_id") != station_id and int(s.get("bikes_available", 0)) > 0
        ]
        # Spread riders over nearby stations instead of sending everyone to the same one.
        random.shuffle(candidates)
        return candidates[:count]

    def reviews(self, station_id):
        return [dynamo.plain(r) for r in self.repo.reviews(station_id)]

    def add_review(self, station_id, rider, rating, comment):
        self.get_or_404(station_id)
        review_id = uuid.uuid4().hex
        self.repo.add_review(
            station_id, review_id, rider["rider_id"], rider.get("name", ""), int(rating), comment.strip()
        )
        return review_id
