#!/usr/bin/env bash
# in-swift-root.sh — run a command inside RollSafe's Debian 13 Swift root file system.
#
# Why this exists: no Swift toolchain is packaged for the Debian 12 CI host, so the Swift binding
# tests run in a Debian 13 (trixie) root file system built by swift-toolchain.sh and entered with
# chroot. The compiler needs /proc, /dev, /sys and /tmp inside it, and the tests need the
# project's files, so this script mounts those, runs the command, and always unmounts again.
#
# Usage: in-swift-root.sh <host-dir-to-bind> <command...>
#   <host-dir-to-bind>  host directory bind-mounted read-write at /rollsafe (the working directory).
#   <command...>        one argument: a shell command line, run with `bash -c` (may use &&, |, ...);
#                       several arguments: a program and its arguments, run as given (no shell).
# Exit status: the command's exit status (125 when this script itself fails before running it,
# 128+N when it is interrupted by signal N).
#
# Environment inside: HOME=/root, a standard PATH, LANG=C.UTF-8, plus LD_LIBRARY_PATH, CI and TERM
# when set on the host, plus the variables named in ROLLSAFE_SWIFT_PASS_ENV (space separated).
# Paths in passed variables must be valid inside the root, e.g. LD_LIBRARY_PATH=/rollsafe/target/debug.
#
# Root file system: ${ROLLSAFE_SWIFT_ROOTFS:-${ROLLSAFE_CACHE:-$HOME/.cache/rollsafe}/swift-rootfs}.
# Needs root (CI runs as root).
#
# Safety: the script re-executes itself in a private mount namespace (unshare), so its mounts are
# invisible to the rest of the machine and vanish with its processes even after `kill -9`.
# On top of that it unmounts everything it mounted on EXIT/INT/TERM/HUP (lazy unmount as a
# fallback). If unshare is not permitted it warns and mounts in the host namespace, relying on
# the traps alone. Set ROLLSAFE_NO_UNSHARE=1 to force that mode (for testing).
# The command runs in its own session (setsid), so on interruption its whole process group is
# stopped before unmounting; it reads the caller's stdin but has no controlling terminal.

set -euo pipefail

readonly SELF="$(realpath -e -- "${BASH_SOURCE[0]}")"
readonly CACHE_DIR="${ROLLSAFE_CACHE:-$HOME/.cache/rollsafe}"
readonly ROOTFS_DEFAULT="$CACHE_DIR/swift-rootfs"
readonly CHROOT_PATH="/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"

MOUNTED=()          # mount points made by this script, in mount order
CHILD_PID=""        # the command's process (also its process group and session id)
CLEANED_UP=0

log() { echo "in-swift-root: $*" >&2; }
die() { echo "in-swift-root: ERROR: $*" >&2; exit 125; }

usage() {
    echo "usage: in-swift-root.sh <host-dir-to-bind> <command...>" >&2
    exit 125
}

# --- mounts ---------------------------------------------------------------------------------

mount_at() {   # mount_at <target> <mount arguments...>
    local target="$1"; shift
    mkdir -p -- "$target"
    mount "$@" "$target" || die "mount $* $target failed"
    MOUNTED+=("$target")
}

mount_all() {
    local rootfs="$1" host_dir="$2"
    mount_at "$rootfs/proc" -t proc proc
    mount_at "$rootfs/dev" --bind /dev
    mount_at "$rootfs/sys" -t sysfs sysfs
    mount_at "$rootfs/tmp" -t tmpfs -o mode=1777 tmpfs
    mount_at "$rootfs/rollsafe" --bind "$host_dir"
}

# Unmounts in reverse order; a busy mount is detached lazily. Returns 1 if anything stayed.
unmount_all() {
    local i target failed=0
    for ((i = ${#MOUNTED[@]} - 1; i >= 0; i--)); do
        target="${MOUNTED[i]}"
        if ! umount -- "$target" 2>/dev/null; then
            log "umount $target failed (busy?); detaching it lazily"
            umount -l -- "$target" || { log "ERROR: could not unmount $target"; failed=1; }
        fi
    done
    MOUNTED=()
    return "$failed"
}

# --- the command's process group --------------------------------------------------------------

kill_group() {   # kill_group <signal>
    [[ -n "$CHILD_PID" ]] && kill "-$1" -- "-$CHILD_PID" 2>/dev/null || true
}

# Stops the command (TERM, then KILL after 5 s) and reaps it.
stop_child() {
    [[ -n "$CHILD_PID" ]] || return 0
    local killer
    kill_group TERM
    ( sleep 5; kill -KILL -- "-$CHILD_PID" 2>/dev/null ) &
    killer=$!
    wait "$CHILD_PID" 2>/dev/null || true
    kill "$killer" 2>/dev/null || true
    wait "$killer" 2>/dev/null || true
}

cleanup() {
    [[ $CLEANED_UP -eq 0 ]] || return 0
    CLEANED_UP=1
    kill_group KILL   # leftovers of the command would keep the mounts busy
    unmount_all
}

on_exit() {
    local status=$?
    if ! cleanup && [[ $status -eq 0 ]]; then
        status=1
    fi
    exit "$status"
}

on_signal() {   # on_signal <name> <number>
    trap - "$1"
    log "caught SIG$1; stopping the command and unmounting"
    stop_child
    cleanup || true
    exit $((128 + $2))
}

# --- main -----------------------------------------------------------------------------------

# Re-executes this script (same pid) inside a private mount namespace when possible.
enter_private_namespace() {
    [[ "${ROLLSAFE_IN_PRIVATE_MOUNT_NS:-}" == 1 ]] && return 0
    if [[ "${ROLLSAFE_NO_UNSHARE:-}" != 1 ]] && command -v unshare >/dev/null 2>&1 \
        && unshare --mount --propagation private true 2>/dev/null; then
        ROLLSAFE_IN_PRIVATE_MOUNT_NS=1 exec unshare --mount --propagation private -- \
            "$BASH" "$SELF" "$@"
    fi
    log "WARNING: no private mount namespace (unshare unavailable or disabled);" \
        "mounting in the host namespace, relying on traps to unmount"
}

chroot_env() {
    local name
    CHROOT_ENV=("HOME=/root" "PATH=$CHROOT_PATH" "LANG=C.UTF-8")
    for name in LD_LIBRARY_PATH CI TERM ${ROLLSAFE_SWIFT_PASS_ENV:-}; do
        [[ "$name" =~ ^[A-Za-z_][A-Za-z0-9_]*$ ]] || die "bad name in ROLLSAFE_SWIFT_PASS_ENV: $name"
        [[ -v "$name" ]] && CHROOT_ENV+=("$name=${!name}")
    done
    return 0
}

main() {
    [[ $# -ge 2 ]] || usage
    [[ $(id -u) -eq 0 ]] || die "must run as root (chroot and mount)"
    local host_dir rootfs status=0
    host_dir="$(realpath -e -- "$1" 2>/dev/null)" || die "host directory not found: $1"
    [[ -d "$host_dir" ]] || die "not a directory: $host_dir"
    [[ "$host_dir" != / ]] || die "refusing to bind the host's / into the root file system"
    rootfs="$(realpath -e -- "${ROLLSAFE_SWIFT_ROOTFS:-$ROOTFS_DEFAULT}" 2>/dev/null)" \
        || die "no Swift root file system at ${ROLLSAFE_SWIFT_ROOTFS:-$ROOTFS_DEFAULT}; run tests/setup/swift-toolchain.sh first"
    [[ -x "$rootfs/usr/bin/env" && -x "$rootfs/usr/bin/bash" ]] \
        || die "$rootfs does not look like a root file system; run tests/setup/swift-toolchain.sh"
    [[ "$rootfs" != / ]] || die "the root file system must not be /"

    enter_private_namespace "$@"
    shift
    chroot_env

    trap on_exit EXIT
    trap 'on_signal INT 2' INT
    trap 'on_signal TERM 15' TERM
    trap 'on_signal HUP 1' HUP
    mount_all "$rootfs" "$host_dir"

    # Background job (so traps run at once on a signal) with the caller's stdin kept.
    exec {stdin_fd}<&0
    setsid chroot "$rootfs" /usr/bin/env -i "${CHROOT_ENV[@]}" /usr/bin/bash -c '
        cd /rollsafe || exit 125
        if [ "$#" -eq 1 ]; then exec /usr/bin/bash -c "$1"; else exec "$@"; fi
    ' in-swift-root "$@" <&"$stdin_fd" &
    CHILD_PID=$!
    wait "$CHILD_PID" || status=$?
    exit "$status"
}

main "$@"
