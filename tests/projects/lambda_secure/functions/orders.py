import html
import json
import logging

from functions.db import connect
from functions.tokens import read

logger = logging.getLogger()


def handler(event, context):
    claims = read(event["headers"]["authorization"].removeprefix("Bearer "))
    order_id = event["pathParameters"]["order_id"]
    logger.info("order %s for %s (request %s)", order_id, claims["sub"], event["requestContext"]["requestId"])
    try:
        with connect().cursor() as cursor:
            cursor.execute("SELECT id, total FROM orders WHERE id = %s AND user_id = %s", (order_id, claims["sub"]))
            order = cursor.fetchone()
    except Exception:
        logger.exception("reading order %s failed", order_id)
        return {"statusCode": 500, "body": json.dumps({"error": "internal error"})}
    return {"statusCode": 200, "body": json.dumps({"id": order[0], "total": str(order[1])})}


def receipt(event, context):
    order_id = event["pathParameters"]["order_id"]
    note = event["queryStringParameters"]["note"]
    return {"statusCode": 200, "headers": {"content-type": "text/html"},
            "body": "<p>Order " + html.escape(order_id) + "</p><p>" + html.escape(note) + "</p>"}
