"""Reservations (DynamoDB, partition key ``reservation_id``)."""
from boto3.dynamodb.conditions import Attr, Key

from ..config import get_settings
from .dynamo import table, update_expression


def _reservations():
    return table(get_settings().reservations_table)


def put(reservation: dict) -> None:
    _reservations().put_item(Item=reservation, ConditionExpression=Attr("reservation_id").not_exists())


def get(reservation_id: str):
    return _reservations().get_item(Key={"reservation_id": reservation_id}).get("Item")


def list_for_user(user_id: str, limit: int = 50) -> list:
    result = _reservations().query(
        IndexName="by_user",
        KeyConditionExpression=Key("user_id").eq(user_id),
        ScanIndexForward=False,
        Limit=limit,
    )
    return result.get("Items", [])


def list_for_restaurant_day(restaurant_id: str, service_date: str) -> list:
    result = _reservations().query(
        IndexName="by_restaurant_date",
        KeyConditionExpression=Key("restaurant_id").eq(restaurant_id) & Key("service_date").eq(service_date),
    )
    return result.get("Items", [])


def list_for_day(service_date: str) -> list:
    items, kwargs = [], {"IndexName": "by_service_date",
                         "KeyConditionExpression": Key("service_date").eq(service_date)}
    while True:
        page = _reservations().query(**kwargs)
        items.extend(page.get("Items", []))
        if "LastEvaluatedKey" not in page:
            return items
        kwargs["ExclusiveStartKey"] = page["LastEvaluatedKey"]


def covers_for_slot(restaurant_id: str, starts_at: str) -> int:
    result = _reservations().query(
        IndexName="by_restaurant_slot",
        KeyConditionExpression=Key("restaurant_id").eq(restaurant_id) & Key("starts_at").eq(starts_at),
        FilterExpression=Attr("status").eq("confirmed"),
        ProjectionExpression="party_size",
    )
    return sum(int(item["party_size"]) for item in result.get("Items", []))


def update_fields(reservation_id: str, fields: dict) -> dict:
    expression, names, values = update_expression(fields)
    result = _reservations().update_item(
        Key={"reservation_id": reservation_id},
        UpdateExpression=expression,
        ExpressionAttributeNames=names,
        ExpressionAttributeValues=values,
        ReturnValues="ALL_NEW",
    )
    return result["Attributes"]


def set_invite(reservation_id: str, invite: dict) -> None:
    _reservations().update_item(
        Key={"reservation_id": reservation_id},
        UpdateExpression="SET invite_code = :code, invite_expires_at = :expires",
        ExpressionAttributeValues={":code": invite["code"], ":expires": invite["expires_at"]},
    )


def add_group_member(reservation_id: str, member: dict) -> None:
    _reservations().update_item(
        Key={"reservation_id": reservation_id},
        UpdateExpression="SET group_members = list_append(if_not_exists(group_members, :empty), :member)",
        ExpressionAttributeValues={":empty": [], ":member": [member]},
    )


def find_by_invite(code: str):
    result = _reservations().query(
        IndexName="by_invite_code",
        KeyConditionExpression=Key("invite_code").eq(code),
        Limit=1,
    )
    items = result.get("Items", [])
    return items[0] if items else None
