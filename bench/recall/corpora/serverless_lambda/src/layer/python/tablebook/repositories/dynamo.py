"""DynamoDB access shared by the repositories."""
import os
from functools import lru_cache

import boto3


@lru_cache(maxsize=1)
def _resource():
    endpoint = os.environ.get("DYNAMODB_ENDPOINT")  # set to DynamoDB Local on laptops
    return boto3.resource("dynamodb", endpoint_url=endpoint) if endpoint else boto3.resource("dynamodb")


@lru_cache(maxsize=None)
def table(name: str):
    return _resource().Table(name)


def update_expression(fields: dict):
    names = {f"#{key}": key for key in fields}
    values = {f":{key}": value for key, value in fields.items()}
    expression = "SET " + ", ".join(f"#{key} = :{key}" for key in fields)
    return expression, names, values
