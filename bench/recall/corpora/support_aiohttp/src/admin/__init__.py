"""Internal admin dashboard (Litestar), served on a separate port behind the SSO proxy."""
