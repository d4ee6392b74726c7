"""Fixed-window rate limiting backed by a DynamoDB counter table (TTL on expires_at)."""
import functools
import logging
import time

from chalice import Response

from chalicelib import dynamo, settings

log = logging.getLogger(__name__)


def client_ip(request):
    return request.context.get("identity", {}).get("sourceIp", "unknown")


def principal(request):
    return request.context.get("authorizer", {}).get("principalId") or client_ip(request)


def json_field(name):
    def key(request):
        body = request.json_body or {}
        value = str(body.get(name, "")).strip().lower()
        return f"{client_ip(request)}:{value}"

    return key


def _hit(bucket, key, window_seconds):
    now = int(time.time())
    window_start = now - now % window_seconds
    result = dynamo.table(settings.RATE_LIMIT_TABLE).update_item(
        Key={"pk": f"{bucket}#{key}#{window_start}"},
        UpdateExpression="ADD hits :one SET expires_at = :expires",
        ExpressionAttributeValues={":one": 1, ":expires": window_start + 2 * window_seconds},
        ReturnValues="UPDATED_NEW",
    )
    return int(result["Attributes"]["hits"])


def rate_limited(blueprint, bucket, limit, window_seconds, key=client_ip):
    """Reject the call with 429 once `key(request)` exceeds `limit` hits in the window."""

    def decorator(view):
        @functools.wraps(view)
        def wrapper(*args, **kwargs):
            request = blueprint.current_request
            hits = _hit(bucket, key(request), window_seconds)
            if hits > limit:
                log.warning("rate limit %s exceeded (%d hits)", bucket, hits)
                return Response(
                    body={"error": "too_many_requests"},
                    status_code=429,
                    headers={"Retry-After": str(window_seconds)},
                )
            return view(*args, **kwargs)

        return wrapper

    return decorator
