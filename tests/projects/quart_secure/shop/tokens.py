import os
from datetime import datetime, timedelta, timezone

import jwt

JWT_KEY = os.environ["JWT_KEY"]


def issue(user_id):
    now = datetime.now(timezone.utc)
    return jwt.encode({"sub": str(user_id), "iat": now, "exp": now + timedelta(minutes=15)}, JWT_KEY,
                      algorithm="HS256")


def read(token):
    return jwt.decode(token, JWT_KEY, algorithms=["HS256"])
