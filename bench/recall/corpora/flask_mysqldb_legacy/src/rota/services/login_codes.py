"""Six-digit codes texted to staff who sign in from the clinic tablets."""
import random
import string

from ..repositories import users as user_repo
from . import sms


def _new_code(length=6):
    return "".join(random.choices(string.digits, k=length))


def issue_login_code(user):
    code = _new_code()
    user_repo.save_login_code(user["id"], code)
    body = sms.render("login_code.txt", code=code, name=user["full_name"].split()[0])
    return sms.send_sms(user["phone"], body)
