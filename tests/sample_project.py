"""Pieces of a small Flask project shared by the tests that build git repositories around it."""

STRIPE = "sk_live_xMqLPaZXhTmpRa5TvpHV0eTr"

# A query whose request data comes from another module (app/views.py): SQL002 only when both are analysed.
DB = """\
import sqlite3


def find_user(name):
    conn = sqlite3.connect("app.db")
    return conn.execute(f"SELECT * FROM users WHERE name = '{name}'").fetchall()
"""
