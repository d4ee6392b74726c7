"""Lazily created boto3 clients, reused across warm Lambda invocations."""
import functools

import boto3

from chalicelib import settings


@functools.lru_cache(maxsize=None)
def dynamodb():
    return boto3.resource(
        "dynamodb", region_name=settings.AWS_REGION, endpoint_url=settings.DYNAMODB_ENDPOINT
    )


@functools.lru_cache(maxsize=None)
def ses():
    return boto3.client("ses", region_name=settings.AWS_REGION)


@functools.lru_cache(maxsize=None)
def sqs():
    return boto3.client("sqs", region_name=settings.AWS_REGION)


@functools.lru_cache(maxsize=None)
def secretsmanager():
    return boto3.client("secretsmanager", region_name=settings.AWS_REGION)
