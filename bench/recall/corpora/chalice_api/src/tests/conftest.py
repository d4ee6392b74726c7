import os

os.environ.setdefault("AWS_DEFAULT_REGION", "eu-west-1")
os.environ.setdefault("AWS_ACCESS_KEY_ID", "testing")
os.environ.setdefault("AWS_SECRET_ACCESS_KEY", "testing")
os.environ["JWT_SECRET"] = "unit-test-signing-key-0123456789abcdef"
os.environ["RECEIPT_LINK_SECRET"] = "unit-test-receipt-key-0123456789abcdef"
os.environ["PAYMENT_WEBHOOK_SECRET"] = "unit-test-webhook-secret"

import boto3  # noqa: E402
import pytest  # noqa: E402
from moto import mock_aws  # noqa: E402


def _create_tables(resource):
    resource.create_table(
        TableName="bikeshare-riders-dev",
        KeySchema=[{"AttributeName": "rider_id", "KeyType": "HASH"}],
        AttributeDefinitions=[
            {"AttributeName": "rider_id", "AttributeType": "S"},
            {"AttributeName": "email", "AttributeType": "S"},
        ],
        GlobalSecondaryIndexes=[
            {
                "IndexName": "email-index",
                "KeySchema": [{"AttributeName": "email", "KeyType": "HASH"}],
                "Projection": {"ProjectionType": "ALL"},
            }
        ],
        BillingMode="PAY_PER_REQUEST",
    )
    resource.create_table(
        TableName="bikeshare-rate-limits-dev",
        KeySchema=[{"AttributeName": "pk", "KeyType": "HASH"}],
        AttributeDefinitions=[{"AttributeName": "pk", "AttributeType": "S"}],
        BillingMode="PAY_PER_REQUEST",
    )
    resource.create_table(
        TableName="bikeshare-stations-dev",
        KeySchema=[
            {"AttributeName": "pk", "KeyType": "HASH"},
            {"AttributeName": "sk", "KeyType": "RANGE"},
        ],
        AttributeDefinitions=[
            {"AttributeName": "pk", "AttributeType": "S"},
            {"AttributeName": "sk", "AttributeType": "S"},
        ],
        BillingMode="PAY_PER_REQUEST",
    )


@pytest.fixture()
def aws():
    with mock_aws():
        resource = boto3.resource("dynamodb", region_name="eu-west-1")
        _create_tables(resource)
        from chalicelib import aws as aws_module

        aws_module.dynamodb.cache_clear()
        yield resource


@pytest.fixture()
def client(aws):
    from chalice.test import Client

    from app import app

    with Client(app) as test_client:
        yield test_client
