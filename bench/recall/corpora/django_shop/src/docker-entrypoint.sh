#!/bin/sh
set -e

if [ "${RUN_MIGRATIONS:-1}" = "1" ]; then
    python manage.py migrate --noinput
fi
python manage.py collectstatic --noinput --verbosity 0

exec "$@"
