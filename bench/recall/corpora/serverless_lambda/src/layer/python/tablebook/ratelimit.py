"""Fixed-window rate limiting backed by a DynamoDB table with TTL.

API Gateway stage throttling protects the account, not individual users, so
abuse-prone routes (login, OTP, e-mail sending) also go through this.
"""
import functools
import logging
import time

from botocore.exceptions import ClientError

from .config import get_settings
from .http import HTTPError, Request
from .repositories.dynamo import table

logger = logging.getLogger(__name__)


def client_ip(request: Request) -> str:
    return request.source_ip


def current_user_or_ip(request: Request) -> str:
    return request.user_id or request.source_ip


def hit(key: str, limit: int, window_seconds: int) -> bool:
    window = int(time.time()) // window_seconds
    try:
        table(get_settings().rate_limit_table).update_item(
            Key={"pk": f"{key}#{window}"},
            UpdateExpression="ADD hits :one SET expires_at = if_not_exists(expires_at, :exp)",
            ConditionExpression="attribute_not_exists(hits) OR hits < :limit",
            ExpressionAttributeValues={
                ":one": 1,
                ":limit": limit,
                ":exp": (window + 1) * window_seconds + 60,
            },
        )
    except ClientError as exc:
        if exc.response["Error"]["Code"] == "ConditionalCheckFailedException":
            return False
        raise
    return True


def rate_limited(bucket: str, limit: int, window_seconds: int, key_func=client_ip):
    def decorator(view):
        @functools.wraps(view)
        def wrapper(request: Request, *args, **kwargs):
            key = f"{bucket}#{key_func(request)}"
            if not hit(key, limit, window_seconds):
                logger.warning("rate limit exceeded for bucket %s", bucket)
                raise HTTPError(429, "too many requests, try again later")
            return view(request, *args, **kwargs)

        return wrapper

    return decorator
