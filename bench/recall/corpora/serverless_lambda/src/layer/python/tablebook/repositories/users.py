"""Guest accounts (``user_id``, GSI ``by_email``) and staff logins (``username``)."""
import uuid
from datetime import datetime, timezone

from boto3.dynamodb.conditions import Attr, Key

from ..config import get_settings
from .dynamo import table, update_expression


def _users():
    return table(get_settings().users_table)


def get(user_id: str):
    return _users().get_item(Key={"user_id": user_id}).get("Item")


def get_by_email(email: str):
    result = _users().query(
        IndexName="by_email",
        KeyConditionExpression=Key("email").eq(email.strip().lower()),
        Limit=1,
    )
    items = result.get("Items", [])
    return items[0] if items else None


def create(email: str, password_hash: str, name: str, phone: str = "") -> dict:
    user = {
        "user_id": uuid.uuid4().hex,
        "email": email.strip().lower(),
        "password_hash": password_hash,
        "name": name.strip(),
        "phone": phone,
        "phone_verified": False,
        "created_at": datetime.now(timezone.utc).isoformat(),
    }
    _users().put_item(Item=user, ConditionExpression=Attr("user_id").not_exists())
    return user


def update_fields(user_id: str, fields: dict) -> dict:
    expression, names, values = update_expression(fields)
    result = _users().update_item(
        Key={"user_id": user_id},
        UpdateExpression=expression,
        ExpressionAttributeNames=names,
        ExpressionAttributeValues=values,
        ConditionExpression=Attr("user_id").exists(),
        ReturnValues="ALL_NEW",
    )
    return result["Attributes"]


def get_by_reset_token_hash(token_hash: str):
    result = _users().query(
        IndexName="by_reset_token",
        KeyConditionExpression=Key("reset_token_hash").eq(token_hash),
        Limit=1,
    )
    items = result.get("Items", [])
    return items[0] if items else None


def clear_reset_token(user_id: str) -> None:
    _users().update_item(
        Key={"user_id": user_id},
        UpdateExpression="REMOVE reset_token_hash, reset_expires_at",
    )


def get_staff(username: str):
    return table(get_settings().staff_table).get_item(Key={"username": username}).get("Item")


def put_staff(record: dict) -> None:
    table(get_settings().staff_table).put_item(Item=record)


def public_view(user: dict) -> dict:
    return {
        "user_id": user["user_id"],
        "email": user["email"],
        "name": user.get("name", ""),
        "phone": user.get("phone", ""),
        "phone_verified": bool(user.get("phone_verified")),
    }
