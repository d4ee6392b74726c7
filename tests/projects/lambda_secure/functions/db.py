import json
import os

import boto3
import pymysql

_secrets = boto3.client("secretsmanager")


def connect():
    secret = json.loads(_secrets.get_secret_value(SecretId=os.environ["DB_SECRET_ARN"])["SecretString"])
    return pymysql.connect(host=os.environ["DB_HOST"], user=secret["username"], password=secret["password"],
                           database="shop")
