import datetime as dt
from decimal import Decimal

from chalicelib import aws


def table(name):
    return aws.dynamodb().Table(name)


def utcnow():
    return dt.datetime.now(dt.timezone.utc)


def utcnow_iso():
    return utcnow().isoformat(timespec="seconds")


def epoch_in(seconds):
    return int(utcnow().timestamp()) + int(seconds)


def plain(item):
    """Convert DynamoDB Decimals into ints/floats so items serialise to JSON."""
    if isinstance(item, list):
        return [plain(v) for v in item]
    if isinstance(item, dict):
        return {k: plain(v) for k, v in item.items()}
    if isinstance(item, Decimal):
        return int(item) if item == item.to_integral_value() else float(item)
    return item
