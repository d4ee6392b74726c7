from flask import abort, current_app, flash, redirect, render_template, request, url_for
from flask_login import current_user, login_required
from flask_wtf import FlaskForm
from wtforms import StringField, TextAreaField
from wtforms.validators import DataRequired, Length

from ..extensions import cache
from ..models import NoticePost, Plot, Site, Tenancy
from . import bp


class NoticeForm(FlaskForm):
    title = StringField("Title", validators=[DataRequired(), Length(max=120)])
    body = TextAreaField("Message", validators=[DataRequired(), Length(max=10000)])


def _member_site_ids(user):
    query = (
        Site.select(Site.id)
        .join(Plot)
        .join(Tenancy)
        .where((Tenancy.tenant == user.id) & (Tenancy.status == "active"))
        .distinct()
    )
    return {s.id for s in query}


@bp.route("/<slug>")
@login_required
def board(slug):
    site = Site.get_or_none(Site.slug == slug)
    if site is None:
        abort(404)
    if site.id not in _member_site_ids(current_user) and not current_user.is_admin:
        abort(403)
    page = request.args.get("page", 1, type=int)
    posts = (
        NoticePost.select()
        .where(NoticePost.site == site)
        .order_by(NoticePost.pinned.desc(), NoticePost.created_at.desc())
        .paginate(page, current_app.config["NOTICES_PER_PAGE"])
    )
    return render_template("notices/board.html", site=site, posts=posts, form=NoticeForm(), page=page)


@bp.route("/<slug>/post", methods=["POST"])
@login_required
def create(slug):
    site = Site.get_or_none(Site.slug == slug)
    if site is None:
        abort(404)
    if site.id not in _member_site_ids(current_user) and not current_user.is_admin:
        abort(403)
    form = NoticeForm()
    if form.validate_on_submit():
        NoticePost.create(site=site, author=current_user.id, title=form.title.data, body=form.body.data)
        cache.delete(f"notices:latest:{site.id}")
        flash("Notice posted.", "success")
    return redirect(url_for("notices.board", slug=slug))
