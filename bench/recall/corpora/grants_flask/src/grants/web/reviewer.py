from flask import Blueprint, abort, flash, redirect, render_template, request, send_file, url_for
from flask_login import current_user
from sqlalchemy import select

from .. import stats
from ..extensions import db
from ..models import Application, ExportJob, FundingRound, Program, Review, utcnow
from ..queue import enqueue
from ..tasks import export_round_csv
from . import role_required
from .forms import ExportForm, ReviewForm

bp = Blueprint("reviewer", __name__, url_prefix="/review")


@bp.route("/")
@role_required("reviewer")
def dashboard():
    reviews = db.session.scalars(
        select(Review)
        .where(Review.reviewer_id == current_user.id)
        .order_by(Review.completed_at.is_(None).desc(), Review.id)
    ).all()
    workload = stats.reviewer_workload(current_user.id)
    return render_template("reviewer/dashboard.html", reviews=reviews, workload=workload)


@bp.route("/applications/<int:application_id>", methods=["GET", "POST"])
@role_required("reviewer")
def review_application(application_id):
    application = db.session.get(Application, application_id)
    if application is None:
        abort(404)
    review = db.session.scalar(
        select(Review).where(
            Review.application_id == application_id, Review.reviewer_id == current_user.id
        )
    )
    if review is None and not current_user.has_role("admin"):
        abort(403)
    form = ReviewForm(obj=review)
    if review is not None and form.validate_on_submit():
        review.conflict_of_interest = form.conflict_of_interest.data
        review.score = None if review.conflict_of_interest else form.score.data
        review.comment = form.comment.data or ""
        review.completed_at = utcnow()
        if application.status == "submitted":
            application.status = "under_review"
        db.session.commit()
        flash("Review saved.", "success")
        return redirect(url_for("reviewer.dashboard"))
    return render_template(
        "reviewer/application.html", application=application, review=review, form=form
    )


@bp.route("/leaderboard")
@role_required("reviewer")
def leaderboard():
    program = request.args.get("program", "").strip()
    programs = db.session.scalars(select(Program).order_by(Program.code)).all()
    rows = stats.reviewer_leaderboard(program_code=program or None)
    return render_template(
        "reviewer/leaderboard.html", rows=rows, programs=programs, selected=program
    )


@bp.route("/rounds/<int:round_id>")
@role_required("reviewer")
def round_overview(round_id):
    funding_round = db.session.get(FundingRound, round_id)
    if funding_round is None:
        abort(404)
    rows = stats.round_summary(
        round_id, sort=request.args.get("sort", "score"), direction=request.args.get("dir", "desc")
    )
    return render_template(
        "reviewer/round.html",
        funding_round=funding_round,
        rows=rows,
        export_form=ExportForm(),
    )


@bp.post("/rounds/<int:round_id>/export")
@role_required("reviewer")
def export_round(round_id):
    form = ExportForm()
    if not form.validate_on_submit():
        abort(400)
    job = ExportJob(round_id=round_id, requested_by_id=current_user.id)
    db.session.add(job)
    db.session.commit()
    rq_job = enqueue(export_round_csv, job.id, form.order_by.data or "avg_score DESC")
    job.rq_job_id = rq_job.id
    db.session.commit()
    flash("Your export is being prepared; it will appear under Exports.", "info")
    return redirect(url_for("reviewer.exports"))


@bp.route("/exports")
@role_required("reviewer")
def exports():
    jobs = db.session.scalars(
        select(ExportJob)
        .where(ExportJob.requested_by_id == current_user.id)
        .order_by(ExportJob.created_at.desc())
        .limit(20)
    ).all()
    return render_template("reviewer/exports.html", jobs=jobs)


@bp.route("/exports/<int:job_id>/download")
@role_required("reviewer")
def download_export(job_id):
    job = db.session.get(ExportJob, job_id)
    if job is None or job.requested_by_id != current_user.id or job.status != "finished":
        abort(404)
    return send_file(job.file_path, mimetype="text/csv", as_attachment=True)
