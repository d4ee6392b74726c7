from app.utils.charts import warehouse_colour
from app.utils.formatting import format_qty, status_badge, stock_status


def test_status_badge_escapes_label():
    html = str(status_badge("<b>"))
    assert "<b>" not in html


def test_stock_status():
    assert stock_status(0, 5) == "out"
    assert stock_status(3, 5) == "low"
    assert stock_status(30, 5) == "ok"


def test_format_qty():
    assert format_qty(1200) == "1,200"
    assert format_qty(3, "kg") == "3 kg"


def test_warehouse_colour_is_stable():
    assert warehouse_colour(3) == warehouse_colour(3)
