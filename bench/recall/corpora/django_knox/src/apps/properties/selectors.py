"""Read-side queries for units that the ORM expresses poorly."""
from .models import Unit

_UNIT_BASE_SQL = """
    SELECT u.*
    FROM properties_unit u
    JOIN properties_building b ON b.id = u.building_id
"""


def units_for_building(building_id: int):
    return Unit.objects.raw(
        _UNIT_BASE_SQL + " WHERE u.building_id = %s ORDER BY u.number",
        [building_id],
    )


def vacant_units_in_city(portfolio_id: int, city: str, min_bedrooms: int = 0):
    where = f" WHERE b.portfolio_id = %s AND u.status = 'vacant' AND u.bedrooms >= %s AND b.city = '{city}'"
    return Unit.objects.raw(_UNIT_BASE_SQL + where + " ORDER BY u.market_rent", [portfolio_id, min_bedrooms])
