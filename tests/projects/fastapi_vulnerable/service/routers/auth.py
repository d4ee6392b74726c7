from fastapi import APIRouter, BackgroundTasks, Depends, Request
from fastapi.security import OAuth2PasswordRequestForm
from pydantic import BaseModel

from service.limits import limiter
from service.mailer import send_reset_email

router = APIRouter(tags=["auth"])


class SignUp(BaseModel):
    email: str
    password: str


class ResetRequest(BaseModel):
    email: str


@limiter.limit("5/minute")
@router.post("/token")
def token(request: Request, form: OAuth2PasswordRequestForm = Depends()):  # expect: RATE001
    request.session["user"] = form.username
    return {"access_token": "...", "token_type": "bearer"}


@router.post("/users")
def create_user(body: SignUp):  # expect: RATE003
    return {"email": body.email}


@router.post("/password-reset")
def password_reset(body: ResetRequest, tasks: BackgroundTasks):  # expect: RATE002
    tasks.add_task(send_reset_email, body.email)
    return {"sent": True}
