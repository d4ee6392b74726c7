#!/bin/sh
set -e

until python manage.py migrate --noinput; do
  echo "waiting for the database..."
  sleep 2
done

exec "$@"
