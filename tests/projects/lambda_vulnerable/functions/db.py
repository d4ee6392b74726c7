import os

import pymysql

DB_PASSWORD = "m7Qv!2xLp#9Rt4Wz"  # expect: SECRET001


def connect():
    return pymysql.connect(host=os.environ["DB_HOST"], user="shop", password=DB_PASSWORD, database="shop")
