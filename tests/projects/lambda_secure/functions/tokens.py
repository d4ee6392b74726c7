import os
import time

import jwt

JWT_SECRET = os.environ["JWT_SECRET"]


def issue(user_id):
    now = int(time.time())
    return jwt.encode({"sub": str(user_id), "iat": now, "exp": now + 900}, JWT_SECRET, algorithm="HS256")


def read(token):
    return jwt.decode(token, JWT_SECRET, algorithms=["HS256"])
