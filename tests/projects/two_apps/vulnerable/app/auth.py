import secrets

from flask import Blueprint, make_response, redirect, render_template, request, session

from app.mail import send_reset_email
from app.users import check_login, create_user

auth_bp = Blueprint("auth", __name__)


@auth_bp.route("/login", methods=["GET", "POST"])
def login():  # expect: RATE001
    if request.method == "POST":
        user = check_login(request.form["email"], request.form["password"])
        session["user_id"] = user.id
        response = make_response(redirect("/"))
        response.set_cookie("remember_token", secrets.token_urlsafe(32))  # expect: CONF003
        return response
    return render_template("auth/login.html")


@auth_bp.post("/register")
def register():  # expect: RATE003
    create_user(request.form["email"], request.form["password"])
    return redirect("/auth/login")


@auth_bp.post("/forgot-password")
def forgot_password():  # expect: RATE002
    send_reset_email(request.form["email"])
    return "If the address exists, a link is on its way."


@auth_bp.get("/logout")
def logout():
    session.clear()
    return redirect("/")
