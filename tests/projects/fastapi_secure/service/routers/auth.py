from fastapi import APIRouter, BackgroundTasks, Depends, Request
from fastapi.security import OAuth2PasswordRequestForm
from fastapi.templating import Jinja2Templates
from fastapi_limiter.depends import RateLimiter
from pydantic import BaseModel

from service.limits import limiter
from service.mailer import send_reset_email

router = APIRouter(tags=["auth"])
templates = Jinja2Templates(directory="service/templates")


class SignUp(BaseModel):
    email: str
    password: str


class ResetRequest(BaseModel):
    email: str


@router.get("/login")
def login_page(request: Request):
    return templates.TemplateResponse(request, "login.html")


@router.post("/token")
@limiter.limit("5/minute")
def token(request: Request, form: OAuth2PasswordRequestForm = Depends()):
    request.session["user"] = form.username
    return {"access_token": "...", "token_type": "bearer"}


@router.post("/users", dependencies=[Depends(RateLimiter(times=5, hours=1))])
def create_user(body: SignUp):
    return {"email": body.email}


@router.post("/password-reset")
@limiter.limit("3/hour")
def password_reset(request: Request, body: ResetRequest, tasks: BackgroundTasks):
    tasks.add_task(send_reset_email, body.email)
    return {"sent": True}
