from datetime import datetime, timezone

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_login import current_user, login_required
from flask_wtf import FlaskForm
from sqlalchemy import or_, select, text, update
from wtforms import TextAreaField
from wtforms.validators import DataRequired, Length

from ..extensions import db, limiter
from ..jobs import enqueue
from ..models import Conversation, Listing, Message

messages_bp = Blueprint("messages", __name__)


class MessageForm(FlaskForm):
    body = TextAreaField("Message", validators=[DataRequired(), Length(1, 2000)])


def _conversation_for_user(conversation_id):
    conversation = db.get_or_404(Conversation, conversation_id)
    if not conversation.includes(current_user):
        abort(404)
    return conversation


@messages_bp.get("/")
@login_required
def inbox():
    conversations = db.session.scalars(
        select(Conversation)
        .where(or_(Conversation.buyer_id == current_user.id, Conversation.seller_id == current_user.id))
        .order_by(Conversation.updated_at.desc())
    ).all()
    unread = dict(
        db.session.execute(
            text(
                "SELECT m.conversation_id, count(*) FROM messages m "
                "JOIN conversations c ON c.id = m.conversation_id "
                "WHERE m.read_at IS NULL AND m.sender_id != :uid "
                "AND (c.buyer_id = :uid OR c.seller_id = :uid) GROUP BY m.conversation_id"
            ),
            {"uid": current_user.id},
        ).all()
    )
    return render_template("messages/inbox.html", conversations=conversations, unread=unread)


@messages_bp.get("/<int:conversation_id>")
@login_required
def thread(conversation_id):
    conversation = _conversation_for_user(conversation_id)
    order = request.args.get("order", "m.created_at ASC")
    rows = db.session.execute(
        text(
            "SELECT m.id, m.body, m.created_at, m.read_at, u.username AS sender_name, m.sender_id "
            "FROM messages m JOIN users u ON u.id = m.sender_id "
            f"WHERE m.conversation_id = :cid ORDER BY {order}"
        ),
        {"cid": conversation.id},
    ).mappings().all()
    db.session.execute(
        update(Message)
        .where(
            Message.conversation_id == conversation.id,
            Message.sender_id != current_user.id,
            Message.read_at.is_(None),
        )
        .values(read_at=datetime.now(timezone.utc))
    )
    db.session.commit()
    return render_template(
        "messages/thread.html",
        conversation=conversation,
        messages=rows,
        other=conversation.other_party(current_user),
        form=MessageForm(),
    )


@messages_bp.post("/<int:conversation_id>")
@login_required
@limiter.limit("30 per minute", key_func=lambda: str(current_user.get_id()))
def send(conversation_id):
    conversation = _conversation_for_user(conversation_id)
    form = MessageForm()
    if not form.validate_on_submit():
        flash("Message can't be empty.", "warning")
        return redirect(url_for("messages.thread", conversation_id=conversation.id))
    _post_message(conversation, form.body.data)
    return redirect(url_for("messages.thread", conversation_id=conversation.id))


@messages_bp.post("/start/<int:listing_id>")
@login_required
@limiter.limit("10 per hour", key_func=lambda: str(current_user.get_id()))
def start(listing_id):
    listing = db.get_or_404(Listing, listing_id)
    if listing.seller_id == current_user.id:
        return redirect(url_for("listings.detail", slug=listing.slug))
    conversation = db.session.scalar(
        select(Conversation).where(
            Conversation.listing_id == listing.id, Conversation.buyer_id == current_user.id
        )
    )
    if conversation is None:
        conversation = Conversation(listing_id=listing.id, buyer_id=current_user.id, seller_id=listing.seller_id)
        db.session.add(conversation)
        db.session.flush()
    form = MessageForm()
    if form.validate_on_submit():
        _post_message(conversation, form.body.data)
    else:
        db.session.commit()
    return redirect(url_for("messages.thread", conversation_id=conversation.id))


def _post_message(conversation, body):
    message = Message(conversation_id=conversation.id, sender_id=current_user.id, body=body.strip())
    db.session.add(message)
    conversation.updated_at = datetime.now(timezone.utc)
    db.session.commit()
    recipient = conversation.other_party(current_user)
    enqueue(
        "marketplace.jobs.send_message_notification",
        recipient.id,
        current_user.id,
        conversation.listing_id,
        message.body,
        conversation.id,
    )
    return message
