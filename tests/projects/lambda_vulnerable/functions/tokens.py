import os
import time

import jwt

JWT_SECRET = os.environ.get("JWT_SECRET", "lambda-shop-dev-secret")  # expect: SECRET002


def issue(user_id):
    return jwt.encode({"sub": str(user_id), "iat": int(time.time())}, JWT_SECRET, algorithm="HS256")  # expect: JWT001, JWT004


def read(token):
    return jwt.decode(token, JWT_SECRET, algorithms=["HS256"], options={"verify_signature": False})  # expect: JWT003
