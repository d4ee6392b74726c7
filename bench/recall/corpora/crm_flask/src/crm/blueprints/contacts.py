from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_login import current_user, login_required
from markupsafe import escape

from ..extensions import csrf, db
from ..forms import ContactForm, NoteForm
from ..models import Contact
from ..services import contact_service

bp = Blueprint("contacts", __name__, url_prefix="/contacts")


def _own_contact_or_404(contact_id):
    contact = db.session.get(Contact, contact_id)
    if contact is None or contact.owner_id != current_user.id:
        abort(404)
    return contact


@bp.route("/")
@login_required
def index():
    page_no = request.args.get("page", 1, type=int)
    rows, total = contact_service.page(
        current_user.id,
        sort=request.args.get("sort"),
        direction=request.args.get("dir"),
        page_no=page_no,
    )
    return render_template("contacts/list.html", contacts=rows, total=total, page=page_no)


@bp.route("/lookup")
@login_required
def lookup():
    """Typeahead used by the deal and campaign forms (htmx swaps the <ul>)."""
    q = request.args.get("q", "")
    matches = contact_service.search(current_user.id, q)
    if not matches:
        return f'<li class="lookup-empty">No contacts match &ldquo;{q}&rdquo;</li>'
    return render_template("contacts/_lookup.html", matches=matches)


@bp.route("/tagged/<tag>")
@login_required
def tagged(tag):
    contacts = contact_service.by_tag(current_user.id, tag)
    if not contacts:
        return f'<p class="empty-state">Nobody is tagged <em>{escape(tag)}</em> yet.</p>'
    return render_template("contacts/_tagged.html", contacts=contacts, tag=tag)


@bp.route("/new", methods=["GET", "POST"])
@login_required
def create():
    form = ContactForm()
    if form.validate_on_submit():
        contact = Contact(owner_id=current_user.id)
        form.populate_obj(contact)
        db.session.add(contact)
        db.session.commit()
        flash(f"{contact.full_name} added.", "success")
        return redirect(url_for("contacts.detail", contact_id=contact.id))
    return render_template("contacts/form.html", form=form)


@bp.route("/<int:contact_id>")
@login_required
def detail(contact_id):
    contact = _own_contact_or_404(contact_id)
    return render_template("contacts/detail.html", contact=contact,
                           notes=contact.notes.limit(100).all(), note_form=NoteForm())


@bp.route("/<int:contact_id>/edit", methods=["GET", "POST"])
@login_required
def edit(contact_id):
    contact = _own_contact_or_404(contact_id)
    form = ContactForm(obj=contact)
    if form.validate_on_submit():
        form.populate_obj(contact)
        db.session.commit()
        return redirect(url_for("contacts.detail", contact_id=contact.id))
    return render_template("contacts/form.html", form=form, contact=contact)


@bp.route("/<int:contact_id>/notes", methods=["POST"])
@login_required
def add_note(contact_id):
    contact = _own_contact_or_404(contact_id)
    form = NoteForm()
    if form.validate_on_submit():
        contact_service.add_note(contact, current_user, form.body.data)
    return redirect(url_for("contacts.detail", contact_id=contact.id) + "#notes")


@bp.route("/bulk-delete", methods=["POST"])
@csrf.exempt
@login_required
def bulk_delete():
    ids = request.form.getlist("contact_id")
    removed = contact_service.bulk_delete(current_user.id, ids)
    flash(f"Deleted {removed} contact(s).", "info")
    return redirect(url_for("contacts.index"))
