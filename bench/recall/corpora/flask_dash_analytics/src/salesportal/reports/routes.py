from flask import abort, flash, redirect, render_template, request, session, url_for
from flask_login import current_user, login_required
from flask_wtf import FlaskForm
from markupsafe import escape
from wtforms import IntegerField, PasswordField, SelectField, StringField, TextAreaField
from wtforms.validators import DataRequired, Length, NumberRange, Optional

from ..extensions import db, limiter
from ..formatting import highlight
from ..models import SavedReport
from . import bp, service, sharing

PERIODS = [("day", "Daily"), ("week", "Weekly"), ("month", "Monthly"), ("quarter", "Quarterly")]


class ReportForm(FlaskForm):
    title = StringField("Title", validators=[DataRequired(), Length(max=160)])
    period = SelectField("Granularity", choices=PERIODS, default="month")
    notes = TextAreaField("Notes", validators=[Length(max=20_000)])


class ShareForm(FlaskForm):
    password = PasswordField("Password (optional)", validators=[Optional(), Length(min=8, max=128)])
    days = IntegerField("Valid for (days)", default=7, validators=[NumberRange(min=1, max=30)])


class UnlockForm(FlaskForm):
    password = PasswordField("Password", validators=[DataRequired()])


@bp.route("/")
@login_required
def index():
    q = request.args.get("q", "").strip()
    reports = service.search_reports(current_user, q)
    items = [{"report": r, "snippet": highlight(r.title, q)} for r in reports]
    return render_template("reports/index.html", items=items, q=q)


@bp.route("/suggest")
@login_required
def suggest():
    q = request.args.get("q", "").strip()
    titles = service.suggest_titles(current_user, q)
    if not titles:
        return f'<li class="list-group-item text-muted">No saved reports match "{q}"</li>'
    return "".join(f'<li class="list-group-item">{escape(title)}</li>' for title in titles)


@bp.route("/revenue")
@login_required
def revenue():
    start, end = service.parse_date_range(request.args)
    period = request.args.get("period", "month")
    sort = request.args.get("sort", "revenue")
    overview = service.revenue_overview(start, end, period, sort)
    chart = {
        "x": [str(b["bucket"]) for b in overview["buckets"]],
        "y": [float(b["revenue"] or 0) for b in overview["buckets"]],
    }
    return render_template(
        "reports/revenue.html",
        overview=overview,
        chart=chart,
        period=period,
        sort=sort,
        start=start,
        end=end,
    )


@bp.route("/new", methods=["GET", "POST"])
@login_required
def create():
    form = ReportForm()
    if form.validate_on_submit():
        report = SavedReport(owner_id=current_user.id, title=form.title.data, period=form.period.data,
                             notes=form.notes.data, filters=dict(request.args))
        db.session.add(report)
        db.session.commit()
        flash("Report saved.", "success")
        return redirect(url_for("reports.detail", report_id=report.id))
    return render_template("reports/edit.html", form=form)


@bp.route("/<int:report_id>")
@login_required
def detail(report_id):
    report = service.get_visible_report(current_user, report_id) or abort(404)
    return render_template("reports/detail.html", report=report, share_form=ShareForm(), public=False)


@bp.route("/<int:report_id>/edit", methods=["GET", "POST"])
@login_required
def edit(report_id):
    report = service.get_visible_report(current_user, report_id) or abort(404)
    form = ReportForm(obj=report)
    if form.validate_on_submit():
        form.populate_obj(report)
        db.session.commit()
        flash("Report updated.", "success")
        return redirect(url_for("reports.detail", report_id=report.id))
    return render_template("reports/edit.html", form=form, report=report)


@bp.route("/<int:report_id>/share", methods=["POST"])
@login_required
def share(report_id):
    report = service.get_visible_report(current_user, report_id) or abort(404)
    form = ShareForm()
    if not form.validate_on_submit():
        flash("Please check the share settings.", "danger")
        return redirect(url_for("reports.detail", report_id=report.id))
    link = sharing.create_share(report, current_user, form.password.data or None, form.days.data)
    flash(url_for("reports.shared", slug=link.slug, _external=True), "share-link")
    return redirect(url_for("reports.detail", report_id=report.id))


@bp.route("/s/<slug>", methods=["GET", "POST"])
@limiter.limit("10 per minute", methods=["POST"])
def shared(slug):
    link = sharing.find_share(slug) or abort(404)
    unlocked = session.get("unlocked_shares", [])
    if link.password_hash is None or link.id in unlocked:
        return render_template("reports/detail.html", report=link.report, public=True)

    form = UnlockForm()
    if form.validate_on_submit():
        if sharing.check_share_password(link, form.password.data):
            session["unlocked_shares"] = unlocked + [link.id]
            return redirect(url_for("reports.shared", slug=slug))
        flash("Wrong password.", "danger")
    return render_template("reports/share_unlock.html", form=form, slug=slug)
