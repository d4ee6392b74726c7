from datetime import datetime, timezone

import jwt

JWT_KEY = "quart-shop-signing-key"  # expect: SECRET001


def issue(user_id):
    return jwt.encode({"sub": str(user_id), "iat": datetime.now(timezone.utc)}, JWT_KEY, algorithm="HS256")  # expect: JWT001, JWT004


def read(token):
    return jwt.decode(token, JWT_KEY, algorithms=["HS256"], options={"verify_exp": False})  # expect: JWT003
