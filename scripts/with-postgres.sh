#!/usr/bin/env bash
# Runs CMD [ARGS...] against a fresh throwaway PostgreSQL 15 cluster and removes the cluster
# afterwards, whatever CMD does (fails, is interrupted). Exits with CMD's exit code (130/143
# when interrupted, 2 on wrong use or a missing package, 1 when no cluster could be started).
#
# CMD sees:
#   LOKET_TEST_PG      postgres://USER:PASSWORD@127.0.0.1:PORT/postgres, a superuser over TCP
#                      with password (SCRAM) authentication
#   LOKET_TEST_PG_TLS  1 when the server accepts SSL (always here: a self-signed certificate
#                      made for this run, so clients can use sslmode=require)
#   PGHOST, PGPORT, PGUSER, PGPASSWORD, PGDATABASE  the same server for psql and libpq
#
# Built on Debian's pg_virtualenv (postgresql-common), always with -t: the cluster's data,
# configuration, log, socket and certificate live in temporary directories, also as root (as
# root the server runs as the `postgres` user, otherwise as the calling user), so nothing is
# written under /etc/postgresql (as root, pg_ctlcluster keeps a pid file named 15-regress.pid
# in /var/run/postgresql while the server runs) and several runs can coexist. The port is a
# random free one in 20000-29999 (pg_virtualenv's own choice, the first free one from 5432 up,
# is taken by two runs starting at once); when the server still cannot start, another port is
# tried. When CMD fails, pg_virtualenv prints the end of the server's log.
set -euo pipefail
source "$(dirname "$0")/env.sh"

if (($# == 0)); then
  echo "pemakaian: $0 PERINTAH [ARGUMEN...]" >&2
  echo "  menjalankan PERINTAH dengan LOKET_TEST_PG menunjuk ke klaster PostgreSQL 15 sementara" >&2
  exit 2
fi
for tool in pg_virtualenv openssl; do
  if ! command -v "$tool" >/dev/null; then
    echo "galat: $tool belum terpasang; jalankan scripts/setup.sh" >&2
    exit 2
  fi
done
if [ ! -x /usr/lib/postgresql/15/bin/postgres ]; then
  echo "galat: server PostgreSQL 15 belum terpasang (paket Debian 'postgresql'); jalankan scripts/setup.sh" >&2
  exit 2
fi

# Our own temporary directory: the certificate, its key, the SSL settings and the socket.
# (pg_virtualenv makes and removes its own directory for data, configuration and log.)
tmp="$(mktemp -d -t loket-pg.XXXXXX)"
cleanup() { rm -rf "$tmp"; }
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
if [[ "$tmp" =~ [[:space:]] ]]; then
  echo "galat: direktori sementara $tmp mengandung spasi; atur TMPDIR ke jalur tanpa spasi" >&2
  exit 2
fi

# A self-signed certificate for this run only.
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 7 \
  -subj "/CN=localhost" -addext "subjectAltName=DNS:localhost,IP:127.0.0.1" \
  -keyout "$tmp/server.key" -out "$tmp/server.crt" 2>/dev/null
chmod 600 "$tmp/server.key"
# `ssl = on` cannot be passed with -o: pg_createcluster takes its `ssl` option as "use
# Debian's snakeoil certificate if the server's user can read it" (not so for an unprivileged
# user), so the SSL settings go into a file included from postgresql.conf.
cat >"$tmp/ssl.conf" <<EOF
ssl = on
ssl_cert_file = '$tmp/server.crt'
ssl_key_file = '$tmp/server.key'
EOF
# As root the server runs as postgres, which must read the key (it must also own it: the
# server refuses a private key that others can read).
if [ "$(id -u)" -eq 0 ]; then
  chown -R postgres:postgres "$tmp"
fi

# What CMD runs in: the URL from what pg_virtualenv exported, and the caller's LC_ALL back.
# shellcheck disable=SC2016 # expanded by the inner shell
inner='
  export LOKET_TEST_PG="postgres://$PGUSER:$PGPASSWORD@127.0.0.1:$PGPORT/postgres"
  unset LOKET_TEST_PG_TLS
  if [ "$(psql -XAtq -d "$LOKET_TEST_PG" -c "show ssl")" = on ]; then
    export LOKET_TEST_PG_TLS=1
  fi
  if [ -n "${LOKET_PG_CALLER_LC_ALL+x}" ]; then
    export LC_ALL="$LOKET_PG_CALLER_LC_ALL"
  else
    unset LC_ALL
  fi
  unset LOKET_PG_CALLER_LC_ALL
  : >"$LOKET_PG_TMP/started"
  unset LOKET_PG_TMP
  exec "$@"
'
export LOKET_PG_TMP="$tmp"
if [ -n "${LC_ALL+x}" ]; then
  export LOKET_PG_CALLER_LC_ALL="$LC_ALL"
fi

free_port() {
  local p
  for _ in $(seq 100); do
    # Below Linux's ephemeral range (32768-60999), so no outgoing connection holds it.
    p=$((20000 + RANDOM % 10000))
    # Refused means nobody listens there.
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then
      echo "$p"
      return 0
    fi
  done
  echo "galat: tidak menemukan port bebas di 127.0.0.1" >&2
  return 1
}

# pg_createcluster refuses to run when the caller's locale is not installed, hence LC_ALL.
# The cluster's databases are UTF8 with collation C and character classes C.UTF-8, the same
# as CREATE DATABASE ... TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C.UTF-8'.
# -c is split on spaces by pg_virtualenv (checked above that $tmp has none).
# Speed over durability: the cluster is thrown away, a crash loses nothing of value.
status=0
for attempt in 1 2 3; do
  port="$(free_port)"
  status=0
  PGPORT="$port" LC_ALL=C.UTF-8 pg_virtualenv -t -v 15 \
    -c "--locale=C.UTF-8 --lc-collate=C --socketdir=$tmp" \
    -o fsync=off -o synchronous_commit=off -o full_page_writes=off \
    -o max_connections=200 \
    -o "add_include=$tmp/ssl.conf" \
    bash -c "$inner" with-postgres "$@" || status=$?
  # CMD ran (whatever its exit code), or the cluster could not start for the last time.
  if [ -e "$tmp/started" ] || ((attempt == 3)); then
    break
  fi
  echo "== klaster PostgreSQL gagal dimulai di port $port; mencoba port lain" >&2
done
if [ ! -e "$tmp/started" ]; then
  echo "galat: klaster PostgreSQL 15 sementara tidak dapat dimulai" >&2
fi
exit "$status"
