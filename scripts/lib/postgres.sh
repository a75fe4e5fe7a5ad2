# shellcheck shell=bash
# Throwaway PostgreSQL server for tests. Sourced by scripts/test.sh.
#
#   pg_start           starts a server; sets PG_PORT, PG_TMPDIR
#   pg_stop            stops it and removes its directory (safe to call twice)
#
# Inputs (env): PG_BINDIR (default /usr/lib/postgresql/15/bin),
#               PG_LOG_COPY (file the server log is copied to on stop; optional)
# Runs the server as the `postgres` OS user when we are root (PostgreSQL
# refuses to run as root); as the current user otherwise.

PG_BINDIR="${PG_BINDIR:-/usr/lib/postgresql/15/bin}"
PG_PORT=""
PG_TMPDIR=""

_pg_as() {
  # Run a command as the server's OS user, from a directory it can read.
  if [[ $(id -u) -eq 0 ]]; then
    (cd "$PG_TMPDIR" && runuser -u postgres -- "$@")
  else
    (cd "$PG_TMPDIR" && "$@")
  fi
}

_pg_free_port() {
  local py
  py=$(command -v python3 || true)
  if [[ -n "$py" ]]; then
    "$py" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
    return
  fi
  local p
  for ((p = 55432; p < 55632; p++)); do
    if ! ss -Htln "sport = :$p" | grep -q .; then echo "$p"; return; fi
  done
  echo "no free TCP port found in 55432-55631" >&2
  return 1
}

_pg_locale() {
  if locale -a 2>/dev/null | grep -qiE '^c\.utf-?8$'; then echo C.UTF-8; else echo C; fi
}

pg_start() {
  if [[ ! -x "$PG_BINDIR/initdb" || ! -x "$PG_BINDIR/pg_ctl" ]]; then
    echo "error: PostgreSQL server binaries not found in $PG_BINDIR (package postgresql-15)" >&2
    return 1
  fi
  if [[ $(id -u) -eq 0 ]] && ! id -u postgres >/dev/null 2>&1; then
    echo "error: running as root but there is no 'postgres' OS user to run PostgreSQL as" >&2
    echo "       (it is created by the postgresql-15 package: apt-get install postgresql-15)" >&2
    return 1
  fi

  PG_TMPDIR=$(mktemp -d /tmp/arbetsvagen-pg.XXXXXX)
  chmod 700 "$PG_TMPDIR"
  if [[ $(id -u) -eq 0 ]]; then chown postgres: "$PG_TMPDIR"; fi
  local data="$PG_TMPDIR/data" sock="$PG_TMPDIR/sock" log="$PG_TMPDIR/server.log"
  _pg_as mkdir -p "$sock"

  local loc
  loc=$(_pg_locale)
  if ! _pg_as "$PG_BINDIR/initdb" -D "$data" -A trust -U postgres --encoding=UTF8 --locale="$loc" \
      >"$PG_TMPDIR/initdb.log" 2>&1; then
    echo "error: initdb failed:" >&2
    tail -n 20 "$PG_TMPDIR/initdb.log" >&2
    return 1
  fi

  local attempt
  for attempt in 1 2 3; do
    PG_PORT=$(_pg_free_port)
    _pg_as tee -a "$data/postgresql.conf" >/dev/null <<CONF

# --- throwaway test server (scripts/lib/postgres.sh), attempt $attempt ---
listen_addresses = '127.0.0.1'
port = $PG_PORT
unix_socket_directories = '$sock'
max_connections = 300
fsync = off
synchronous_commit = off
full_page_writes = off
CONF
    if _pg_as "$PG_BINDIR/pg_ctl" -D "$data" -l "$log" -w -t 60 start >>"$PG_TMPDIR/pg_ctl.log" 2>&1; then
      local i
      for ((i = 0; i < 60; i++)); do
        if "$PG_BINDIR/pg_isready" -q -h 127.0.0.1 -p "$PG_PORT" -U postgres; then
          return 0
        fi
        sleep 0.5
      done
      echo "error: PostgreSQL started but pg_isready does not answer on 127.0.0.1:$PG_PORT" >&2
      tail -n 20 "$log" >&2
      return 1
    fi
    echo "warning: PostgreSQL failed to start on port $PG_PORT (attempt $attempt):" >&2
    tail -n 5 "$log" >&2 2>/dev/null || true
  done
  echo "error: could not start PostgreSQL" >&2
  return 1
}

pg_stop() {
  [[ -n "$PG_TMPDIR" && -d "$PG_TMPDIR" ]] || return 0
  if [[ -f "$PG_TMPDIR/data/postmaster.pid" ]]; then
    _pg_as "$PG_BINDIR/pg_ctl" -D "$PG_TMPDIR/data" -m fast -w -t 20 stop >/dev/null 2>&1 ||
      _pg_as "$PG_BINDIR/pg_ctl" -D "$PG_TMPDIR/data" -m immediate -w -t 20 stop >/dev/null 2>&1 || true
  fi
  if [[ -n "${PG_LOG_COPY:-}" && -f "$PG_TMPDIR/server.log" ]]; then
    cp "$PG_TMPDIR/server.log" "$PG_LOG_COPY" 2>/dev/null || true
  fi
  rm -rf "$PG_TMPDIR"
  PG_TMPDIR=""
}
