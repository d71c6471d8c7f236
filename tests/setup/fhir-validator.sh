#!/usr/bin/env bash
# fhir-validator.sh — install the real FHIR implementation that validates RollSafe's FHIR exports.
#
# Why this exists: the FHIR bundle test (core/tests/fhir_export.rs) must be checked by an
# implementation of the FHIR specification, not by our own idea of it. We use the PyPI package
# fhir.resources (pydantic models generated from the official FHIR StructureDefinitions; its R4B
# models are the R4 family), pinned below, in a virtual environment cached outside the repository
# at ${ROLLSAFE_CACHE:-$HOME/.cache/rollsafe}/fhir-venv. Installs, only when missing:
#   - Debian packages `python3` and `python3-venv` (Debian's python3 cannot create a venv without
#     the latter);
#   - fhir.resources==$FHIR_RESOURCES_VERSION and its dependencies, from PyPI, into the venv.
#
# Use (bash only):
#   tests/setup/fhir-validator.sh                # installs if needed, prints `export ...` on stdout
#   eval "$(tests/setup/fhir-validator.sh)"
# Exports: ROLLSAFE_FHIR_PYTHON (the venv's python, which can `import fhir.resources`).
# Progress and errors go to stderr. Failure: non-zero exit with a message on stderr.

set -euo pipefail

readonly FHIR_RESOURCES_VERSION="8.3.0"
readonly CACHE_DIR="${ROLLSAFE_CACHE:-$HOME/.cache/rollsafe}"
readonly VENV="$CACHE_DIR/fhir-venv"

log() { echo "fhir-validator: $*" >&2; }
die() { echo "fhir-validator: ERROR: $*" >&2; exit 1; }

# Runs a command with its output captured; shows the output only if the command fails.
run_quiet() {
    local out status=0
    out="$(mktemp)"
    "$@" </dev/null >"$out" 2>&1 || status=$?
    [[ $status -eq 0 ]] || cat "$out" >&2
    rm -f -- "$out"
    return "$status"
}

# True when the venv under $1 imports the pinned fhir.resources.
venv_complete_in() {
    [[ -x "$1/bin/python" ]] || return 1
    "$1/bin/python" - "$FHIR_RESOURCES_VERSION" >/dev/null 2>&1 <<'EOF'
import sys
from importlib.metadata import version
from fhir.resources.R4B.bundle import Bundle  # noqa: F401
sys.exit(0 if version("fhir.resources") == sys.argv[1] else 1)
EOF
}

# Makes sure `python3 -m venv` can work: Debian splits venv (and ensurepip) into python3-venv.
ensure_python_venv() {
    if command -v python3 >/dev/null 2>&1 \
        && python3 -c 'import venv, ensurepip' >/dev/null 2>&1; then
        return 0
    fi
    install_debian_venv
}

install_debian_venv() {
    command -v apt-get >/dev/null 2>&1 || die "python3 with venv support is missing and apt-get is not available"
    [[ $(id -u) -eq 0 ]] || die "need root to apt-get install python3 python3-venv"
    log "installing Debian packages: python3 python3-venv"
    run_quiet env DEBIAN_FRONTEND=noninteractive apt-get update -qq || die "apt-get update failed"
    run_quiet env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
        python3 python3-venv || die "apt-get install python3 python3-venv failed"
    python3 -c 'import venv, ensurepip' >/dev/null 2>&1 \
        || die "python3 still cannot create a virtual environment after installing python3-venv"
}

# Builds the venv in a temporary directory and renames it into place, so an interrupted install
# never leaves a half-filled venv behind. A venv records its own path, so it is built under the
# final name's parent and its scripts are not used: only bin/python, which works after a rename.
install_venv() {
    venv_complete_in "$VENV" && return 0
    mkdir -p -- "$CACHE_DIR" || die "cannot create the cache directory $CACHE_DIR"
    exec {lock_fd}>"$CACHE_DIR/fhir-venv.lock"
    flock -w 900 "$lock_fd" || die "timed out waiting for $CACHE_DIR/fhir-venv.lock"
    # Another run may have finished the install while we waited for the lock.
    venv_complete_in "$VENV" && return 0

    ensure_python_venv
    local tmp="$CACHE_DIR/fhir-venv.tmp.$$"
    rm -rf -- "$tmp" "$CACHE_DIR"/fhir-venv.tmp.*   # leftovers of interrupted runs (lock is held)
    log "creating $VENV with fhir.resources==$FHIR_RESOURCES_VERSION"
    if ! run_quiet python3 -m venv "$tmp"; then
        # Some images ship the venv module without the pieces it needs: install and retry.
        rm -rf -- "$tmp"
        install_debian_venv
        run_quiet python3 -m venv "$tmp" || { rm -rf -- "$tmp"; die "python3 -m venv failed"; }
    fi
    run_quiet "$tmp/bin/python" -m pip install --quiet --disable-pip-version-check --no-input \
        "fhir.resources==$FHIR_RESOURCES_VERSION" \
        || { rm -rf -- "$tmp"; die "pip install fhir.resources==$FHIR_RESOURCES_VERSION failed"; }
    venv_complete_in "$tmp" \
        || { rm -rf -- "$tmp"; die "fhir.resources installed but cannot be imported, or is not $FHIR_RESOURCES_VERSION"; }
    rm -rf -- "$VENV"
    mv -T -- "$tmp" "$VENV"
    venv_complete_in "$VENV" || die "the venv does not work after moving it to $VENV"
}

main() {
    install_venv
    printf 'export ROLLSAFE_FHIR_PYTHON=%q\n' "$VENV/bin/python"
}

main "$@"
