"""Thin, cached access to SSM Parameter Store and Secrets Manager.

Values are cached for the lifetime of the execution environment, which is
what AWS recommends for secrets read on cold start.
"""
import json
from functools import lru_cache

import boto3


@lru_cache(maxsize=None)
def _client(service: str):
    return boto3.client(service)


@lru_cache(maxsize=64)
def get_parameter(name: str) -> str:
    response = _client("ssm").get_parameter(Name=name, WithDecryption=True)
    return response["Parameter"]["Value"]


@lru_cache(maxsize=16)
def get_secret_json(secret_id: str) -> dict:
    response = _client("secretsmanager").get_secret_value(SecretId=secret_id)
    return json.loads(response["SecretString"])
