from .. import db


def get(clinic_id):
    return db.query("SELECT * FROM clinics WHERE id = %s", (clinic_id,), one=True)


def get_by_slug(slug):
    return db.query("SELECT * FROM clinics WHERE slug = %s", (slug,), one=True)


def all_active():
    return db.query("SELECT id, name, slug FROM clinics WHERE is_active = 1 ORDER BY name")


def update_email_template(clinic_id, body):
    db.execute("UPDATE clinics SET shift_email_template = %s WHERE id = %s", (body, clinic_id))
