#!/usr/bin/env bash
# kotlin-toolchain.sh — install the toolchain that compiles and runs RollSafe's Kotlin binding tests.
#
# Why this exists: Debian 12 has no usable Kotlin compiler (its `kotlin` package is 1.3, too old for
# UniFFI's generated code), and a fresh CI machine has none of the Java test pieces. This script
# installs, only when missing:
#   - Debian packages `libjna-java` (JNA, loads the Rust library), `junit5` (console launcher) and
#     `libgoogle-gson-java` (Gson, reads the shared JSON scenarios);
#   - the npm package kotlin-compiler@2.4.20 (JetBrains' full Kotlin distribution), cached outside
#     the repository in ${ROLLSAFE_CACHE:-$HOME/.cache/rollsafe}/kotlin.
# See /work/shared/reference/toolchains.md for the checked facts behind these choices.
#
# Use (bash only):
#   . tests/setup/kotlin-toolchain.sh        # installs if needed, then exports the variables below
#   tests/setup/kotlin-toolchain.sh          # installs if needed, prints `export ...` lines on stdout
#   eval "$(tests/setup/kotlin-toolchain.sh)"
# Exports: KOTLINC, KOTLIN_LIB, JNA_JAR, JUNIT_CONSOLE_JAR, GSON_JAR. Progress and errors go to stderr.
# Failure: non-zero exit (or `return` status when sourced) with a message on stderr.

# --- When sourced: run the installer in a child bash (so its `set -euo pipefail` and helper
# functions do not leak into the caller's shell) and import only the exported variables.
if [[ -n "${BASH_SOURCE[0]:-}" && "${BASH_SOURCE[0]}" != "$0" ]]; then
    if __rollsafe_kotlin_env="$(bash "${BASH_SOURCE[0]}")"; then
        eval "$__rollsafe_kotlin_env"
        unset __rollsafe_kotlin_env
        return 0
    else
        echo "kotlin-toolchain.sh: FAILED to set up the Kotlin toolchain (see messages above)" >&2
        unset __rollsafe_kotlin_env
        return 1
    fi
fi

set -euo pipefail

readonly KOTLIN_VERSION="2.4.20"
readonly APT_PACKAGES=(libjna-java junit5 libgoogle-gson-java)
readonly CACHE_DIR="${ROLLSAFE_CACHE:-$HOME/.cache/rollsafe}"
readonly KOTLIN_PREFIX="$CACHE_DIR/kotlin"
readonly KOTLIN_HOME="$KOTLIN_PREFIX/node_modules/kotlin-compiler"
readonly JNA_JAR_PATH="/usr/share/java/jna.jar"
readonly JUNIT_JAR_PATH="/usr/share/java/junit-platform-console-standalone.jar"
readonly GSON_JAR_PATH="/usr/share/java/gson.jar"

log() { echo "kotlin-toolchain: $*" >&2; }
die() { echo "kotlin-toolchain: ERROR: $*" >&2; exit 1; }

# Runs a command with its output captured; shows the output only if the command fails.
run_quiet() {
    local out status=0
    out="$(mktemp)"
    "$@" </dev/null >"$out" 2>&1 || status=$?
    [[ $status -eq 0 ]] || cat "$out" >&2
    rm -f -- "$out"
    return "$status"
}

require_cmd() {
    command -v "$1" >/dev/null 2>&1 || die "'$1' not found on PATH; $2"
}

apt_installed() {
    dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q '^install ok installed$'
}

install_apt_packages() {
    local missing=() pkg
    for pkg in "${APT_PACKAGES[@]}"; do
        apt_installed "$pkg" || missing+=("$pkg")
    done
    [[ ${#missing[@]} -eq 0 ]] && return 0
    require_cmd apt-get "cannot install ${missing[*]}"
    [[ $(id -u) -eq 0 ]] || die "need root to apt-get install ${missing[*]}"
    log "installing Debian packages: ${missing[*]}"
    run_quiet env DEBIAN_FRONTEND=noninteractive apt-get update -qq \
        || die "apt-get update failed"
    run_quiet env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
        "${missing[@]}" || die "apt-get install ${missing[*]} failed"
    for pkg in "${missing[@]}"; do
        apt_installed "$pkg" || die "package $pkg is still not installed after apt-get install"
    done
}

# True when a complete kotlin-compiler of the wanted version is installed under $1 (an npm prefix).
kotlin_complete_in() {
    local home="$1/node_modules/kotlin-compiler" version
    [[ -f "$home/package.json" && -x "$home/bin/kotlinc" ]] || return 1
    version="$(node -p "require(process.argv[1]).version" "$home/package.json" 2>/dev/null)" || return 1
    [[ "$version" == "$KOTLIN_VERSION" ]] || return 1
    [[ -f "$home/lib/kotlin-stdlib.jar" && -f "$home/lib/kotlin-test.jar" \
        && -f "$home/lib/kotlinx-coroutines-core-jvm.jar" && -f "$home/lib/kotlin-compiler.jar" ]]
}

# Installs into a temporary prefix next to the final one and renames it into place, so an
# interrupted install never leaves a half-filled $KOTLIN_PREFIX behind.
install_kotlin() {
    kotlin_complete_in "$KOTLIN_PREFIX" && return 0
    require_cmd node "install Node.js (npm is needed for kotlin-compiler)"
    require_cmd npm "install npm (needed for kotlin-compiler)"
    mkdir -p -- "$CACHE_DIR" || die "cannot create the cache directory $CACHE_DIR"
    exec {lock_fd}>"$CACHE_DIR/kotlin.lock"
    flock -w 900 "$lock_fd" || die "timed out waiting for $CACHE_DIR/kotlin.lock"
    # Another run may have finished the install while we waited for the lock.
    kotlin_complete_in "$KOTLIN_PREFIX" && return 0

    local tmp="$CACHE_DIR/kotlin.tmp.$$"
    rm -rf -- "$tmp" "$CACHE_DIR"/kotlin.tmp.*   # leftovers of interrupted runs (lock is held)
    log "installing npm kotlin-compiler@$KOTLIN_VERSION into $KOTLIN_PREFIX (about 90 MB)"
    run_quiet npm install --prefix "$tmp" --no-audit --no-fund --loglevel=error \
        "kotlin-compiler@$KOTLIN_VERSION" \
        || { rm -rf -- "$tmp"; die "npm install kotlin-compiler@$KOTLIN_VERSION failed"; }
    kotlin_complete_in "$tmp" \
        || { rm -rf -- "$tmp"; die "npm installed kotlin-compiler but it is incomplete or not version $KOTLIN_VERSION"; }
    rm -rf -- "$KOTLIN_PREFIX"
    mv -T -- "$tmp" "$KOTLIN_PREFIX"
}

check_file() {
    [[ -f "$2" ]] || die "$1 not found: $2"
}

print_exports() {
    check_file "kotlinc" "$KOTLIN_HOME/bin/kotlinc"
    [[ -x "$KOTLIN_HOME/bin/kotlinc" ]] || die "kotlinc is not executable: $KOTLIN_HOME/bin/kotlinc"
    check_file "kotlin-stdlib.jar" "$KOTLIN_HOME/lib/kotlin-stdlib.jar"
    check_file "kotlin-test.jar" "$KOTLIN_HOME/lib/kotlin-test.jar"
    check_file "kotlinx-coroutines-core-jvm.jar" "$KOTLIN_HOME/lib/kotlinx-coroutines-core-jvm.jar"
    check_file "JNA jar" "$JNA_JAR_PATH"
    check_file "JUnit console launcher" "$JUNIT_JAR_PATH"
    check_file "Gson (reads the shared scenario files)" "$GSON_JAR_PATH"
    require_cmd java "install a JDK (Java 17 is expected)"
    printf 'export KOTLINC=%q\n' "$KOTLIN_HOME/bin/kotlinc"
    printf 'export KOTLIN_LIB=%q\n' "$KOTLIN_HOME/lib"
    printf 'export JNA_JAR=%q\n' "$JNA_JAR_PATH"
    printf 'export JUNIT_CONSOLE_JAR=%q\n' "$JUNIT_JAR_PATH"
    printf 'export GSON_JAR=%q\n' "$GSON_JAR_PATH"
}

main() {
    install_apt_packages
    install_kotlin
    print_exports
}

main "$@"
