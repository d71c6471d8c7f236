#!/usr/bin/env bash
# fhir-validator.sh — install the real FHIR implementations that validate RollSafe's FHIR exports.
#
# Why this exists: the FHIR bundle test (core/tests/fhir_export.rs) must be checked by an
# implementation of the FHIR specification, not by our own idea of it. We use the PyPI package
# fhir.resources (pydantic models generated from the official FHIR StructureDefinitions), pinned
# below, twice, each in a virtual environment cached outside the repository under
# ${ROLLSAFE_CACHE:-$HOME/.cache/rollsafe}:
#   - fhir-venv: fhir.resources==$R4B_VERSION, whose R4B models (FHIR 4.3.0) are today's R4 family;
#   - fhir-r4-venv: fhir.resources==$R4_VERSION with pydantic<2, the last release whose default
#     models are FHIR R4 itself (4.0.1), the version the bundle claims to be.
# tests/fhir/validate.py runs in either; a bundle must pass both. Installs, only when missing:
#   - Debian packages `python3` and `python3-venv` (Debian's python3 cannot create a venv without
#     the latter);
#   - each pinned fhir.resources and its dependencies, from PyPI, into its own venv.
#
# Use (bash only):
#   tests/setup/fhir-validator.sh                # installs if needed, prints `export ...` on stdout
#   eval "$(tests/setup/fhir-validator.sh)"
# Exports: ROLLSAFE_FHIR_PYTHON (the R4B venv's python) and ROLLSAFE_FHIR_R4_PYTHON (the R4 4.0.1
# venv's python); each can `import fhir.resources`.
# Progress and errors go to stderr. Failure: non-zero exit with a message on stderr.

set -euo pipefail

readonly R4B_VERSION="8.3.0"
readonly R4_VERSION="6.4.0"
readonly CACHE_DIR="${ROLLSAFE_CACHE:-$HOME/.cache/rollsafe}"
readonly R4B_VENV="$CACHE_DIR/fhir-venv"
readonly R4_VENV="$CACHE_DIR/fhir-r4-venv"

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

# venv_complete_in DIR VERSION FHIR_VERSION: true when the venv under DIR has fhir.resources
# VERSION and the models validate.py uses there (R4B's from 8.x, the default ones from 6.x) are
# FHIR_VERSION.
venv_complete_in() {
    [[ -x "$1/bin/python" ]] || return 1
    "$1/bin/python" - "$2" "$3" >/dev/null 2>&1 <<'EOF'
import sys
from importlib.metadata import version
if version("fhir.resources") != sys.argv[1]:
    sys.exit(1)
if sys.argv[1].startswith("6."):
    import fhir.resources as models
    from fhir.resources.bundle import Bundle  # noqa: F401
else:
    import fhir.resources.R4B as models
    from fhir.resources.R4B.bundle import Bundle  # noqa: F401
sys.exit(0 if models.__fhir_version__ == sys.argv[2] else 1)
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

# install_venv DIR VERSION FHIR_VERSION [REQUIREMENT...]: makes DIR a venv with
# fhir.resources==VERSION (whose models are FHIR_VERSION) and the further requirements.
# Builds the venv in a temporary directory and renames it into place, so an interrupted install
# never leaves a half-filled venv behind. A venv records its own path, so it is built under the
# final name's parent and its scripts are not used: only bin/python, which works after a rename.
install_venv() {
    local venv="$1" version="$2" fhir_version="$3"
    shift 3
    venv_complete_in "$venv" "$version" "$fhir_version" && return 0
    mkdir -p -- "$CACHE_DIR" || die "cannot create the cache directory $CACHE_DIR"
    local lock_fd
    exec {lock_fd}>"$venv.lock"
    flock -w 900 "$lock_fd" || die "timed out waiting for $venv.lock"
    # Another run may have finished the install while we waited for the lock.
    if ! venv_complete_in "$venv" "$version" "$fhir_version"; then
        build_venv "$venv" "$version" "$fhir_version" "$@"
    fi
    exec {lock_fd}>&-
}

# build_venv DIR VERSION FHIR_VERSION [REQUIREMENT...]: install_venv's work, with the lock held.
build_venv() {
    local venv="$1" version="$2" fhir_version="$3"
    shift 3
    ensure_python_venv
    local tmp="$venv.tmp.$$"
    rm -rf -- "$tmp" "$venv".tmp.*   # leftovers of interrupted runs (the lock is held)
    log "creating $venv with fhir.resources==$version $*"
    if ! run_quiet python3 -m venv "$tmp"; then
        # Some images ship the venv module without the pieces it needs: install and retry.
        rm -rf -- "$tmp"
        install_debian_venv
        run_quiet python3 -m venv "$tmp" || { rm -rf -- "$tmp"; die "python3 -m venv failed"; }
    fi
    run_quiet "$tmp/bin/python" -m pip install --quiet --disable-pip-version-check --no-input \
        "fhir.resources==$version" "$@" \
        || { rm -rf -- "$tmp"; die "pip install fhir.resources==$version $* failed"; }
    venv_complete_in "$tmp" "$version" "$fhir_version" \
        || { rm -rf -- "$tmp"; die "fhir.resources installed but cannot be imported, or is not $version with FHIR $fhir_version"; }
    rm -rf -- "$venv"
    mv -T -- "$tmp" "$venv"
    venv_complete_in "$venv" "$version" "$fhir_version" || die "the venv does not work after moving it to $venv"
}

main() {
    install_venv "$R4B_VENV" "$R4B_VERSION" 4.3.0
    # 6.4.0 was written for pydantic 1 and fails to import under pydantic 2.
    install_venv "$R4_VENV" "$R4_VERSION" 4.0.1 "pydantic<2"
    printf 'export ROLLSAFE_FHIR_PYTHON=%q\n' "$R4B_VENV/bin/python"
    printf 'export ROLLSAFE_FHIR_R4_PYTHON=%q\n' "$R4_VENV/bin/python"
}

main "$@"
