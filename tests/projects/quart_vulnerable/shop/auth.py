import hashlib
import logging
import random
import string

from quart import Blueprint, redirect, render_template, request, session

from shop.db import connect
from shop.mail import send_reset_email
from shop.tokens import issue

auth_bp = Blueprint("auth", __name__)
log = logging.getLogger(__name__)


@auth_bp.route("/login", methods=["GET", "POST"])
async def login():  # expect: RATE001
    if request.method == "GET":
        return await render_template("login.html")
    form = await request.form
    log.info("login attempt %s with %s", form["email"], form["password"])  # expect: LOG001
    db = await connect()
    cursor = await db.execute("SELECT id, password_hash FROM users WHERE email = ?", (form["email"],))
    user_id, stored = await cursor.fetchone()
    if hashlib.sha256(form["password"].encode()).hexdigest() == stored:  # expect: PWD002, PWD004
        session["user_id"] = user_id
        return {"token": issue(user_id)}
    return redirect("/auth/login")


@auth_bp.post("/register")
async def register():  # expect: RATE003
    data = await request.get_json()
    digest = hashlib.sha256(data["password"].encode()).hexdigest()  # expect: PWD002
    db = await connect()
    await db.execute("INSERT INTO users (email, password_hash) VALUES (?, ?)", (data["email"], digest))
    await db.commit()
    return {"created": True}, 201


@auth_bp.post("/forgot-password")
async def forgot_password():  # expect: RATE002
    form = await request.form
    reset_token = "".join(random.choices(string.ascii_letters + string.digits, k=24))  # expect: RND001
    await send_reset_email(form["email"], reset_token)
    return "If the address exists, a link is on its way."


@auth_bp.get("/logout")
async def logout():
    session.clear()
    return redirect("/")
