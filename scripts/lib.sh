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
