def run(sql, *args):
    """Execute SQL on the pool."""


def quote_name(name):
    """Quote an identifier."""
