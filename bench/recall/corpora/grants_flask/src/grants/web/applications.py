import os

from flask import (
    Blueprint,
    abort,
    current_app,
    flash,
    make_response,
    redirect,
    render_template,
    request,
    send_file,
    url_for,
)
from flask_login import current_user, login_required
from markupsafe import Markup
from sqlalchemy import or_, select

from ..emails import send_invitation_email
from ..extensions import csrf, db
from ..models import Application, Collaborator
from ..pdf import pdf_etag
from ..services import accounts
from ..services import applications as svc
from ..services.invites import InviteError, accept_invitation, create_invitation
from . import confirmed_required
from .forms import ApiKeyForm, ApplicationForm, InviteForm

bp = Blueprint("applications", __name__)

THEMES = ("light", "dark")


def _load_for_user(application_id, owner_only=False):
    application = db.session.get(Application, application_id)
    if application is None or not application.can_view(current_user):
        abort(404)
    if owner_only and application.applicant_id != current_user.id:
        abort(403)
    return application


def _round_choices(form):
    form.round_id.choices = [(r.id, f"{r.program.name} - {r.name}") for r in svc.open_rounds()]


@bp.route("/")
@confirmed_required
def index():
    collaborating = select(Collaborator.application_id).where(Collaborator.user_id == current_user.id)
    applications = db.session.scalars(
        select(Application)
        .where(or_(Application.applicant_id == current_user.id, Application.id.in_(collaborating)))
        .order_by(Application.updated_at.desc())
    ).all()
    return render_template("applications/index.html", applications=applications)


@bp.route("/applications/search")
@confirmed_required
def search():
    q = request.args.get("q", "").strip()
    results = db.session.scalars(
        select(Application)
        .where(Application.applicant_id == current_user.id, Application.title.ilike(f"%{q}%"))
        .limit(20)
    ).all()
    if not results:
        return f'<li class="list-group-item text-muted">No applications match <b>{q}</b></li>'
    return render_template("applications/_search_results.html", results=results, q=q)


@bp.route("/applications/new", methods=["GET", "POST"])
@confirmed_required
def new():
    form = ApplicationForm()
    _round_choices(form)
    if form.validate_on_submit():
        try:
            application = svc.create_application(
                current_user,
                form.round_id.data,
                form.title.data,
                form.summary.data,
                form.description.data,
                form.requested_amount.data,
            )
        except svc.ApplicationError as exc:
            flash(str(exc), "danger")
        else:
            flash("Draft saved.", "success")
            return redirect(url_for("applications.detail", application_id=application.id))
    return render_template("applications/form.html", form=form, application=None)


@bp.route("/applications/<int:application_id>")
@confirmed_required
def detail(application_id):
    application = _load_for_user(application_id)
    return render_template(
        "applications/detail.html", application=application, invite_form=InviteForm()
    )


@bp.route("/applications/<int:application_id>/edit", methods=["GET", "POST"])
@confirmed_required
def edit(application_id):
    application = _load_for_user(application_id)
    if not application.is_editable:
        flash("Submitted applications can no longer be edited.", "warning")
        return redirect(url_for("applications.detail", application_id=application.id))
    form = ApplicationForm(obj=application)
    _round_choices(form)
    if form.validate_on_submit():
        svc.update_application(
            application,
            title=form.title.data,
            summary=form.summary.data,
            description=form.description.data,
            requested_amount=form.requested_amount.data,
        )
        flash("Changes saved.", "success")
        return redirect(url_for("applications.detail", application_id=application.id))
    return render_template("applications/form.html", form=form, application=application)


@bp.post("/applications/<int:application_id>/submit")
@confirmed_required
def submit(application_id):
    application = _load_for_user(application_id, owner_only=True)
    try:
        svc.submit_application(application)
    except svc.ApplicationError as exc:
        flash(str(exc), "danger")
    else:
        flash("Your application has been submitted. The PDF summary will be ready in a minute.", "success")
    return redirect(url_for("applications.detail", application_id=application.id))


@bp.post("/applications/<int:application_id>/withdraw")
@csrf.exempt
@login_required
def withdraw(application_id):
    application = _load_for_user(application_id, owner_only=True)
    try:
        svc.withdraw_application(application)
    except svc.ApplicationError as exc:
        flash(str(exc), "danger")
    else:
        flash("Your application has been withdrawn.", "info")
    if request.headers.get("HX-Request"):
        return "", 204, {"HX-Redirect": url_for("applications.index")}
    return redirect(url_for("applications.index"))


@bp.post("/applications/<int:application_id>/invite")
@confirmed_required
def invite(application_id):
    application = _load_for_user(application_id, owner_only=True)
    form = InviteForm()
    if form.validate_on_submit():
        invitation = create_invitation(application, form.email.data, current_user)
        send_invitation_email(invitation)
        flash(f"Invitation sent to {invitation.email}.", "success")
    else:
        flash("Please enter a valid e-mail address.", "danger")
    return redirect(url_for("applications.detail", application_id=application.id))


@bp.route("/invite/<code>")
@login_required
def accept_invite(code):
    try:
        application = accept_invitation(code, current_user)
    except InviteError as exc:
        flash(str(exc), "danger")
        return redirect(url_for("applications.index"))
    detail_url = url_for("applications.detail", application_id=application.id)
    flash(Markup(f'You are now a collaborator on <a href="{detail_url}">{application.title}</a>.'), "success")
    return redirect(url_for("applications.detail", application_id=application.id))


@bp.post("/applications/<int:application_id>/share")
@confirmed_required
def share(application_id):
    application = _load_for_user(application_id, owner_only=True)
    if request.form.get("action") == "disable":
        svc.disable_sharing(application)
        flash("Sharing link disabled.", "info")
    else:
        token = svc.enable_sharing(application)
        link = url_for("applications.shared_pdf", token=token, _external=True)
        flash(f"Anyone with this link can download the summary: {link}", "info")
    return redirect(url_for("applications.detail", application_id=application.id))


def _send_pdf(application):
    if not application.pdf_path or not os.path.exists(application.pdf_path):
        flash("The PDF summary is still being generated, please try again in a minute.", "info")
        return redirect(url_for("applications.detail", application_id=application.id))
    with open(application.pdf_path, "rb") as fh:
        etag = pdf_etag(fh.read())
    response = send_file(
        application.pdf_path,
        mimetype="application/pdf",
        download_name=f"application-{application.id}.pdf",
        etag=etag,
    )
    return response


@bp.route("/applications/<int:application_id>/summary.pdf")
@login_required
def download_pdf(application_id):
    return _send_pdf(_load_for_user(application_id))


@bp.route("/shared/<token>/summary.pdf")
def shared_pdf(token):
    application = svc.find_by_share_token(token)
    if application is None:
        abort(404)
    return _send_pdf(application)


@bp.post("/preferences/theme")
@login_required
def set_theme():
    theme = request.form.get("theme", "light")
    if theme not in THEMES:
        theme = "light"
    response = make_response(redirect(request.referrer or url_for("applications.index")))
    response.set_cookie("theme", theme, max_age=60 * 60 * 24 * 365)
    return response


@bp.route("/account/api-keys", methods=["GET", "POST"])
@confirmed_required
def api_keys():
    form = ApiKeyForm()
    new_key = None
    if form.validate_on_submit():
        new_key = accounts.issue_api_key(current_user, form.label.data)
        current_app.logger.info("User %s created an API key", current_user.id)
    keys = [k for k in current_user.api_keys if not k.revoked]
    return render_template("applications/api_keys.html", form=form, keys=keys, new_key=new_key)


@bp.post("/account/api-keys/<int:key_id>/revoke")
@confirmed_required
def revoke_api_key(key_id):
    if accounts.revoke_api_key(current_user, key_id):
        flash("API key revoked.", "info")
    return redirect(url_for("applications.api_keys"))
