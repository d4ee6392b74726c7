"""Gunicorn settings for the container image (see Dockerfile CMD)."""
import multiprocessing
import os

bind = os.getenv("GUNICORN_BIND", "0.0.0.0:8000")
workers = int(os.getenv("WEB_CONCURRENCY", multiprocessing.cpu_count() * 2 + 1))
worker_class = "uvicorn.workers.UvicornWorker"

timeout = 60
graceful_timeout = 30
keepalive = 5
max_requests = 2000
max_requests_jitter = 200

# The load balancer lives in the private VPC range.
forwarded_allow_ips = os.getenv("FORWARDED_ALLOW_IPS", "10.0.0.0/8")

accesslog = "-"
errorlog = "-"
loglevel = os.getenv("LOG_LEVEL", "info")

# pick up template and copy edits without a full redeploy
reload = True
reload_extra_files = ["app/templates"]
