import db


def make_ticket(app, user_id, subject, tags=()):
    with app.app_context():
        ticket_id = db.create_ticket(user_id, subject, "<p>body</p>")
        db.set_ticket_tags(ticket_id, list(tags))
    return ticket_id


def test_search_by_text(app, local_user):
    make_ticket(app, local_user, "Printer on 3rd floor jams")
    make_ticket(app, local_user, "VPN drops every hour")
    with app.app_context():
        rows = db.search_tickets(text="vpn")
    assert [r["subject"] for r in rows] == ["VPN drops every hour"]


def test_tags(app, local_user):
    first = make_ticket(app, local_user, "Laptop battery", tags=["hardware", "laptop"])
    make_ticket(app, local_user, "Outlook crash", tags=["software"])
    with app.app_context():
        rows = db.tickets_with_tags(["laptop"])
        assert [r["id"] for r in rows] == [first]
        assert db.get_ticket_tags(first) == ["hardware", "laptop"]


def test_count_rows(app, local_user):
    make_ticket(app, local_user, "one")
    make_ticket(app, local_user, "two")
    with app.app_context():
        assert db.count_rows("tickets") == 2
        assert db.count_rows("tickets", status="open") == 2
        assert db.count_rows("users") == 1


def test_get_tickets_by_ids(app, local_user):
    ids = [make_ticket(app, local_user, f"t{i}") for i in range(3)]
    with app.app_context():
        rows = db.get_tickets_by_ids(ids[:2])
    assert sorted(r["id"] for r in rows) == ids[:2]
