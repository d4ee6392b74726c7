import json
import logging

from functions.db import connect
from functions.tokens import read

logger = logging.getLogger()


def handler(event, context):
    claims = read(event["headers"]["authorization"].removeprefix("Bearer "))
    order_id = event["pathParameters"]["order_id"]
    logger.info("headers: %s", event["headers"])  # expect: LOG002
    try:
        with connect().cursor() as cursor:
            cursor.execute("SELECT id, total FROM orders WHERE id = " + order_id + " AND user_id = %s",  # expect: SQL002
                           (claims["sub"],))
            order = cursor.fetchone()
    except Exception as exc:
        return {"statusCode": 500, "body": json.dumps({"error": str(exc)})}  # expect: LOG003
    return {"statusCode": 200, "body": json.dumps({"id": order[0], "total": str(order[1])})}


def receipt(event, context):
    order_id = event["pathParameters"]["order_id"]
    note = event["queryStringParameters"]["note"]
    return {"statusCode": 200, "headers": {"content-type": "text/html"},
            "body": "<p>Order " + order_id + "</p><p>" + note + "</p>"}  # expect: XSS001
