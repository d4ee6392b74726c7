"""Query helpers. Simple lookups use the ORM; reporting queries are hand-written SQL."""
