#!/usr/bin/env bash
# Makes sure the services the tests talk to are up: PostgreSQL at 127.0.0.1:5432 with a
# database "test" (trust auth for local connections).
set -euo pipefail
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
if ! pg_isready -h 127.0.0.1 -p 5432 -q 2>/dev/null; then
  ver="$(ls /etc/postgresql 2>/dev/null | sort -V | tail -n1)"
  if [ -z "$ver" ]; then
    echo "ensure-services: PostgreSQL is not installed (scripts/setup.sh installs it)" >&2
    exit 1
  fi
  $SUDO pg_ctlcluster --skip-systemctl-redirect "$ver" main start || true
  for _ in $(seq 1 30); do pg_isready -h 127.0.0.1 -p 5432 -q && break; sleep 1; done
fi
pg_isready -h 127.0.0.1 -p 5432 -q || { echo "ensure-services: PostgreSQL did not start" >&2; exit 1; }
if ! psql -h 127.0.0.1 -U postgres -d test -c 'select 1' -q -t >/dev/null 2>&1; then
  # A fresh cluster: allow trust auth on loopback and create the test database.
  hba="$(ls /etc/postgresql/*/main/pg_hba.conf | head -n1)"
  if ! grep -q "pos-tests" "$hba"; then
    $SUDO sed -i '1i host all all 127.0.0.1/32 trust # pos-tests\nhost all all ::1/128 trust # pos-tests\nlocal all all trust # pos-tests' "$hba"
    $SUDO pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | sort -V | tail -n1)" main reload
  fi
  psql -h 127.0.0.1 -U postgres -d postgres -tc "select 1 from pg_database where datname='test'" | grep -q 1 \
    || psql -h 127.0.0.1 -U postgres -d postgres -c 'create database test' >/dev/null
fi
