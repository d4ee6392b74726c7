import json
import logging
import secrets

import bcrypt

from functions.db import connect
from functions.tokens import issue

logger = logging.getLogger()
logger.setLevel(logging.INFO)


def login(event, context):
    logger.info("login request %s", context.aws_request_id)
    data = json.loads(event["body"])
    logger.info("login for %s", data["email"])
    with connect().cursor() as cursor:
        cursor.execute("SELECT id, password_hash FROM users WHERE email = %s", (data["email"],))
        user_id, stored = cursor.fetchone()
    if not bcrypt.checkpw(data["password"].encode(), stored.encode()):
        return {"statusCode": 401, "body": json.dumps({"error": "bad credentials"})}
    token = issue(user_id)
    return {
        "statusCode": 200,
        "cookies": [f"session={token}; Path=/; Secure; HttpOnly; SameSite=Lax"],
        "body": json.dumps({"token": token}),
    }


def register(event, context):
    data = json.loads(event["body"])
    digest = bcrypt.hashpw(data["password"].encode(), bcrypt.gensalt()).decode()
    with connect().cursor() as cursor:
        cursor.execute("INSERT INTO users (email, password_hash) VALUES (%s, %s)", (data["email"], digest))
    return {"statusCode": 201, "body": json.dumps({"created": True})}


def forgot_password(event, context):
    data = json.loads(event["body"])
    reset_token = secrets.token_urlsafe(32)
    with connect().cursor() as cursor:
        cursor.execute("UPDATE users SET reset_token = %s WHERE email = %s", (reset_token, data["email"]))
    return {"statusCode": 202, "body": json.dumps({"sent": True})}
