import logging
import secrets
from datetime import timedelta

from argon2 import PasswordHasher
from argon2.exceptions import VerifyMismatchError
from quart import Blueprint, redirect, render_template, request, session
from quart_rate_limiter import rate_limit

from shop.db import connect
from shop.mail import send_reset_email
from shop.tokens import issue

auth_bp = Blueprint("auth", __name__)
log = logging.getLogger(__name__)
hasher = PasswordHasher()


@auth_bp.route("/login", methods=["GET", "POST"])
@rate_limit(5, timedelta(minutes=1))
async def login():
    if request.method == "GET":
        return await render_template("login.html")
    form = await request.form
    log.info("login attempt for %s", form["email"])
    db = await connect()
    cursor = await db.execute("SELECT id, password_hash FROM users WHERE email = ?", (form["email"],))
    user_id, stored = await cursor.fetchone()
    try:
        hasher.verify(stored, form["password"])
    except VerifyMismatchError:
        return redirect("/auth/login")
    session.clear()
    session["user_id"] = user_id
    return {"token": issue(user_id)}


@auth_bp.post("/register")
@rate_limit(3, timedelta(minutes=10))
async def register():
    data = await request.get_json()
    digest = hasher.hash(data["password"])
    db = await connect()
    await db.execute("INSERT INTO users (email, password_hash) VALUES (?, ?)", (data["email"], digest))
    await db.commit()
    return {"created": True}, 201


@auth_bp.post("/forgot-password")
@rate_limit(3, timedelta(minutes=10))
async def forgot_password():
    form = await request.form
    reset_token = secrets.token_urlsafe(32)
    await send_reset_email(form["email"], reset_token)
    return "If the address exists, a link is on its way."


@auth_bp.get("/logout")
async def logout():
    session.clear()
    return redirect("/")
