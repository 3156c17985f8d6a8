#!/usr/bin/env bash
# Start the machine's PostgreSQL cluster if nothing answers on 127.0.0.1:5432.
set -euo pipefail
if pg_isready -q -h 127.0.0.1 -p 5432; then exit 0; fi
version=$(ls /etc/postgresql | sort -n | tail -1)
pg_ctlcluster --skip-systemctl-redirect "$version" main start
for _ in $(seq 1 50); do pg_isready -q -h 127.0.0.1 -p 5432 && exit 0; sleep 0.2; done
echo "PostgreSQL did not start on 127.0.0.1:5432" >&2
exit 1
