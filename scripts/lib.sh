# Shared set-up for scripts/run, scripts/test and scripts/bench (sourced, not run).

# Wide characters render blank without a UTF-8 locale; Debian has C.UTF-8 built in.
export LANG=C.UTF-8
export LC_ALL=C.UTF-8
[ -d /opt/swift/usr/bin ] && case ":$PATH:" in *:/opt/swift/usr/bin:*) ;; *) export PATH="$PATH:/opt/swift/usr/bin" ;; esac

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export PLANSMITH_CORPUS="${PLANSMITH_CORPUS:-$ROOT/../shared/corpus}"
export PLANSMITH_PEERS_VENV="${PLANSMITH_PEERS_VENV:-$ROOT/.peers-venv}"

say() { printf '\033[1m%s\033[0m\n' "$*" >&2; }

# System packages the build links against (ncursesw, SQLite, libcurl) and tmux for the
# terminal tests. Installs what is missing when root; otherwise prints the exact command.
ensure_system_packages() {
  local wanted=(libncursesw5-dev libsqlite3-dev libcurl4-openssl-dev pkg-config tmux "$@")
  local missing=()
  for package in "${wanted[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed' || missing+=("$package")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ "$(id -u)" -eq 0 ]; then
    say "installing system packages: ${missing[*]}"
    DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >&2
  else
    echo "Plansmith needs these system packages: ${missing[*]}" >&2
    echo "install them with:  sudo apt-get install -y ${missing[*]}" >&2
    exit 1
  fi
}

ensure_swift() {
  if ! command -v swift >/dev/null 2>&1; then
    echo "Swift 6 is required (swift not found on PATH; expected /opt/swift/usr/bin)." >&2
    exit 1
  fi
}

# The peer planners and validators (pyperplan, Fast Downward, unified-planning) in an ignored
# venv, reused when present. Extra pip packages may be named as arguments.
ensure_peers() {
  local peers_script="$ROOT/../shared/tools/peers.sh"
  if [ ! -x "$PLANSMITH_PEERS_VENV/bin/pyperplan" ] || ! "$PLANSMITH_PEERS_VENV/bin/python" -c 'import unified_planning' 2>/dev/null; then
    if [ ! -f "$peers_script" ]; then
      echo "peer tools missing and $peers_script not found" >&2
      return 1
    fi
    say "installing peer planners into $PLANSMITH_PEERS_VENV (pyperplan, Fast Downward, unified-planning)"
    PEERS_VENV="$PLANSMITH_PEERS_VENV" bash "$peers_script" >&2
  fi
  if [ $# -gt 0 ]; then
    "$PLANSMITH_PEERS_VENV/bin/python" -m pip install --quiet "$@" >&2
  fi
}

# PostgreSQL's server programs (Debian's `postgresql`), installed when missing; sets PG_BIN.
ensure_postgres() {
  if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
    ensure_system_packages postgresql
  fi
  PG_BIN="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)"
  export PG_BIN
}

# A throwaway PostgreSQL cluster for tests and benchmarks: initdb in a fresh temp dir, listening
# only on a unix socket inside that dir (no TCP port, so it can clash with nothing), trust auth
# (only the dir's owner can reach the socket), one database. initdb refuses to run as root, so
# as root the cluster belongs to the `postgres` system user the package creates.
# Exports PLANSMITH_TEST_POSTGRES_URL and PG_THROWAWAY_DIR; stop_throwaway_postgres removes it all.
# Extra arguments are server settings (e.g. -c fsync=off).
start_throwaway_postgres() {
  ensure_postgres
  local dir run_as=()
  dir="$(mktemp -d /tmp/plansmith-pg.XXXXXX)"
  if [ "$(id -u)" -eq 0 ]; then
    chown postgres: "$dir"
    run_as=(runuser -u postgres --)
  fi
  PG_THROWAWAY_DIR="$dir"
  PG_THROWAWAY_RUN_AS=("${run_as[@]}")
  export PG_THROWAWAY_DIR
  "${run_as[@]}" "$PG_BIN/initdb" -D "$dir/data" -U plansmith --auth=trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
    || { cat "$dir/initdb.log" >&2; return 1; }
  "${run_as[@]}" "$PG_BIN/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 start \
    -o "-c listen_addresses='' -c unix_socket_directories='$dir' -c max_connections=300 $*" >/dev/null \
    || { cat "$dir/server.log" >&2; return 1; }
  "${run_as[@]}" "$PG_BIN/createdb" -h "$dir" -U plansmith plansmith_test
  export PLANSMITH_TEST_POSTGRES_URL="postgres://plansmith@/plansmith_test?host=$dir"
  say "throwaway PostgreSQL cluster at $dir ($("$PG_BIN/postgres" --version))"
}

stop_throwaway_postgres() {
  [ -n "${PG_THROWAWAY_DIR:-}" ] || return 0
  "${PG_THROWAWAY_RUN_AS[@]}" "$PG_BIN/pg_ctl" -D "$PG_THROWAWAY_DIR/data" -m immediate -w stop >/dev/null 2>&1 || true
  rm -rf "$PG_THROWAWAY_DIR"
  PG_THROWAWAY_DIR=""
}
