from functions.db import connect


def handler(event, context):
    term = (event.get("queryStringParameters") or {}).get("q", "")
    with connect().cursor() as cursor:
        cursor.execute(f"SELECT name FROM products WHERE name LIKE '%{term}%'")  # expect: SQL002
        rows = cursor.fetchall()
    items = "".join(f"<li>{name}</li>" for (name,) in rows)
    return {
        "statusCode": 200,
        "headers": {"Content-Type": "text/html; charset=utf-8"},
        "body": f"<h1>Results for {term}</h1><ul>{items}</ul>",  # expect: XSS001
    }
