#!/bin/sh
# Started by systemd (deploy/helpdesk.service).
set -eu

cd /opt/helpdesk
. /opt/helpdesk/venv/bin/activate

flask --app app init-db >/dev/null

exec gunicorn app:app \
    --bind 127.0.0.1:8000 \
    --workers "${GUNICORN_WORKERS:-4}" \
    --timeout 60 \
    --access-logfile - \
    --forwarded-allow-ips 127.0.0.1
