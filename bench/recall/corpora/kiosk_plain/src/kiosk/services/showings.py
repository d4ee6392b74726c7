"""Film and showing look-ups for the listings pages and the booking API."""
import datetime as dt
import random
from collections import OrderedDict

import bleach
import markdown

from kiosk import db
from kiosk.models import Film, Showing

ACCENT_COLOURS = ["#c0392b", "#d35400", "#16a085", "#2c3e50", "#8e44ad", "#27ae60"]

SYNOPSIS_TAGS = ["p", "em", "strong", "a", "ul", "ol", "li", "br", "blockquote"]
SYNOPSIS_ATTRS = {"a": ["href", "title"]}

SHOWINGS_SQL = (
    "SELECT s.id, s.film_id, s.screen, s.starts_at, s.price_cents, s.seats_total, "
    "s.seats_sold, f.title, f.rating "
    "FROM showings s JOIN films f ON f.id = s.film_id "
    "WHERE s.show_date = ? AND s.cancelled = 0"
)


def synopsis_html(text):
    rendered = markdown.markdown(text or "", extensions=["smarty"])
    return bleach.clean(rendered, tags=SYNOPSIS_TAGS, attributes=SYNOPSIS_ATTRS, strip=True)


def list_showings(day, sort="starts_at"):
    sql = SHOWINGS_SQL + " ORDER BY {}".format(sort)
    rows = db.query(sql, (day.isoformat(),))
    return [Showing.from_row(row) for row in rows]


def showings_by_film(day):
    films = OrderedDict()
    for s in list_showings(day, "f.title, s.starts_at"):
        film = films.setdefault(s.film_id, {
            "id": s.film_id,
            "title": s.film_title,
            "rating": None,
            "accent": random.choice(ACCENT_COLOURS),
            "showings": [],
        })
        film["showings"].append({
            "id": s.id,
            "starts_at": s.starts_at,
            "screen": s.screen,
            "price_cents": s.price_cents,
            "seats_left": s.seats_left,
        })
    ratings = _ratings(list(films))
    for film_id, film in films.items():
        film["rating"] = ratings.get(film_id, "")
    return list(films.values())


def _ratings(film_ids):
    if not film_ids:
        return {}
    placeholders = ", ".join("?" for _ in film_ids)
    rows = db.query("SELECT id, rating FROM films WHERE id IN (%s)" % placeholders, tuple(film_ids))
    return {row["id"]: row["rating"] for row in rows}


def get_film(film_id):
    row = db.query_one(
        "SELECT id, title, rating, runtime_minutes, synopsis, poster_url FROM films WHERE id = ?",
        (film_id,),
    )
    return Film.from_row(row) if row else None


def film_page_context(film_id):
    film = get_film(film_id)
    if film is None:
        return None
    upcoming = db.query(
        "SELECT id, starts_at FROM showings WHERE film_id = ? AND starts_at >= ? AND cancelled = 0 "
        "ORDER BY starts_at LIMIT 20",
        (film_id, dt.datetime.now()),
    )
    data = film.__dict__.copy()
    data["synopsis_html"] = synopsis_html(film.synopsis)
    return {"film": data, "showings": upcoming}


def search_films(term, limit=10):
    like = "%" + term.replace("%", r"\%").replace("_", r"\_") + "%"
    return db.query(
        "SELECT id, title, rating FROM films WHERE lower(title) LIKE lower(?) ESCAPE '\\' "
        "ORDER BY title LIMIT ?",
        (like, limit),
    )


def get_showing(showing_id):
    row = db.query_one(
        "SELECT s.*, f.title FROM showings s JOIN films f ON f.id = s.film_id WHERE s.id = ?",
        (showing_id,),
    )
    return Showing.from_row(row) if row else None


def taken_seats(showing_id):
    rows = db.query(
        "SELECT bs.seat FROM booking_seats bs JOIN bookings b ON b.id = bs.booking_id "
        "WHERE b.showing_id = ? AND b.status IN ('held', 'paid')",
        (showing_id,),
    )
    return {row["seat"] for row in rows}


def seat_map(showing_id):
    showing = get_showing(showing_id)
    if showing is None:
        return None
    layout = db.query_one("SELECT rows, seats_per_row FROM screens WHERE number = ?", (showing.screen,))
    taken = taken_seats(showing_id)
    rows = []
    for r in range(layout["rows"]):
        letter = chr(ord("A") + r)
        rows.append([
            {"seat": "%s%d" % (letter, n), "taken": "%s%d" % (letter, n) in taken}
            for n in range(1, layout["seats_per_row"] + 1)
        ])
    return {"showing_id": showing.id, "screen": showing.screen, "rows": rows}
