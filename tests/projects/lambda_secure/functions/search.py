import html

from functions.db import connect


def handler(event, context):
    term = (event.get("queryStringParameters") or {}).get("q", "")
    with connect().cursor() as cursor:
        cursor.execute("SELECT name FROM products WHERE name LIKE %s", (f"%{term}%",))
        rows = cursor.fetchall()
    items = "".join(f"<li>{html.escape(name)}</li>" for (name,) in rows)
    return {
        "statusCode": 200,
        "headers": {"Content-Type": "text/html; charset=utf-8"},
        "body": f"<h1>Results for {html.escape(term)}</h1><ul>{items}</ul>",
    }
