"""Restaurants and their menus (DynamoDB, partition key ``restaurant_id``)."""
from boto3.dynamodb.conditions import Attr, Key

from ..config import get_settings
from .dynamo import table, update_expression


def _restaurants():
    return table(get_settings().restaurants_table)


def get(restaurant_id: str):
    return _restaurants().get_item(Key={"restaurant_id": restaurant_id}).get("Item")


def list_active(city: str = None) -> list:
    if city:
        result = _restaurants().query(
            IndexName="by_city",
            KeyConditionExpression=Key("city").eq(city.strip().title()),
            FilterExpression=Attr("status").eq("active"),
        )
    else:
        result = _restaurants().scan(FilterExpression=Attr("status").eq("active"))
    return result.get("Items", [])


def put(restaurant: dict) -> None:
    _restaurants().put_item(Item=restaurant)


def update_fields(restaurant_id: str, fields: dict) -> dict:
    expression, names, values = update_expression(fields)
    return _restaurants().update_item(
        Key={"restaurant_id": restaurant_id},
        UpdateExpression=expression,
        ExpressionAttributeNames=names,
        ExpressionAttributeValues=values,
        ConditionExpression=Attr("restaurant_id").exists(),
        ReturnValues="ALL_NEW",
    )["Attributes"]


def public_view(restaurant: dict) -> dict:
    keys = ("restaurant_id", "name", "city", "cuisine", "price_level", "street",
            "postcode_city", "country", "max_party_size", "featured", "photo_url")
    return {key: restaurant.get(key) for key in keys if key in restaurant}
