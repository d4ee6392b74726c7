import secrets

from flask import Blueprint, make_response, redirect, render_template, request, session

from app.extensions import limiter
from app.mail import send_reset_email
from app.users import check_login, create_user

auth_bp = Blueprint("auth", __name__)


@auth_bp.route("/login", methods=["GET", "POST"])
@limiter.limit("5 per minute")
def login():
    if request.method == "POST":
        user = check_login(request.form["email"], request.form["password"])
        session["user_id"] = user.id
        response = make_response(redirect("/"))
        response.set_cookie("remember_token", secrets.token_urlsafe(32), secure=True, httponly=True,
                            samesite="Lax")
        return response
    return render_template("auth/login.html")


@auth_bp.post("/register")
def register():
    create_user(request.form["email"], request.form["password"])
    return redirect("/auth/login")


@auth_bp.post("/forgot-password")
@limiter.limit("3 per hour")
def forgot_password():
    send_reset_email(request.form["email"])
    return "If the address exists, a link is on its way."


@auth_bp.get("/health")
@limiter.exempt
def health():
    return "ok"
