import hashlib
import json
import logging
import random
import string

from functions.db import connect
from functions.tokens import issue

logger = logging.getLogger()
logger.setLevel(logging.INFO)


def login(event, context):
    logger.info("event: %s", event)  # expect: LOG002
    data = json.loads(event["body"])
    logger.info("login %s / %s", data["email"], data["password"])  # expect: LOG001
    with connect().cursor() as cursor:
        cursor.execute("SELECT id, password_hash FROM users WHERE email = %s", (data["email"],))
        user_id, stored = cursor.fetchone()
    if hashlib.md5(data["password"].encode()).hexdigest() != stored:  # expect: PWD002, PWD004
        return {"statusCode": 401, "body": json.dumps({"error": "bad credentials"})}
    token = issue(user_id)
    return {
        "statusCode": 200,
        "cookies": [f"session={token}; Path=/; SameSite=Lax"],  # expect: CONF003
        "body": json.dumps({"token": token}),
    }


def register(event, context):
    data = json.loads(event["body"])
    digest = hashlib.md5(data["password"].encode()).hexdigest()  # expect: PWD002
    with connect().cursor() as cursor:
        cursor.execute("INSERT INTO users (email, password_hash) VALUES (%s, %s)", (data["email"], digest))
    return {"statusCode": 201, "body": json.dumps({"created": True})}


def forgot_password(event, context):
    data = json.loads(event["body"])
    reset_token = "".join(random.choices(string.ascii_letters + string.digits, k=32))  # expect: RND001
    with connect().cursor() as cursor:
        cursor.execute("UPDATE users SET reset_token = %s WHERE email = %s", (reset_token, data["email"]))
    return {"statusCode": 202, "body": json.dumps({"sent": True})}
