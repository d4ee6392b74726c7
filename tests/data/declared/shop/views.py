from shop.db import quote_name, run
from shop.http import params
from shop.pages import page
from shop.text import clean_html


def search(store):
    term = params()["q"]
    rows = run(f"SELECT name FROM items WHERE name = '{term}'")
    store.query_raw(limit=10, statement=f"SELECT * FROM logs WHERE q = '{term}'")
    store.query_raw(f"SELECT * FROM logs WHERE q = '{term}'", statement="SELECT 1")
    page("Results", f"<p>{term}</p>")
    return rows


def safe_search(store):
    term = params()["q"]
    rows = run("SELECT name FROM items WHERE name = %s", term)
    column = quote_name(params()["sort"])
    run(f"SELECT name FROM items ORDER BY {column}")
    page(f"<b>{term}</b> is only a title", f"<p>{clean_html(term)}</p>")
    store.log(f"SELECT * FROM logs WHERE q = {term!r}")
    return rows
