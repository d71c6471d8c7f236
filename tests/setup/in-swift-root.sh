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
# invisible to the rest of the machine and vanish with its processes even after `kill -9`; the
# command runs in its own PID namespace, so all its processes die with it (also after `kill -9`
# of this script). On top of that it unmounts everything it mounted on EXIT/INT/TERM/HUP, with a
# lazy unmount as the fallback. If namespaces are not permitted it warns and mounts in the host
# namespace, runs the command in its own session (setsid) and relies on the traps alone; set
# ROLLSAFE_NO_UNSHARE=1 to force that mode (for testing).
# On INT/TERM/HUP the command is stopped (SIGKILL in namespace mode; TERM, then KILL after 5 s
# otherwise), everything is unmounted, and the exit status is 128+N.

# shellcheck disable=SC2317  # the cleanup functions are called from traps
set -euo pipefail

SELF="$(realpath -e -- "${BASH_SOURCE[0]}")"
readonly SELF
readonly CACHE_DIR="${ROLLSAFE_CACHE:-$HOME/.cache/rollsafe}"
readonly ROOTFS_DEFAULT="$CACHE_DIR/swift-rootfs"
readonly CHROOT_PATH="/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"

MOUNTED=()          # mount points made by this script, in mount order
CHILD_PID=""        # the command's launcher process (setsid mode: also its process group)
CLEANED_UP=0
IN_PRIVATE_NS=0     # 1 once running in our own mount namespace

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
    # In namespace mode /proc is mounted by `unshare --mount-proc` from inside the command's PID
    # namespace (a /proc of the outer namespace makes the Swift compiler crash with signal 4).
    [[ "$IN_PRIVATE_NS" == 1 ]] || mount_at "$rootfs/proc" -t proc proc
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

# --- the command's processes ------------------------------------------------------------------

# Starts the command in the background (so traps run at once on a signal), keeping the caller's
# stdin. In namespace mode it gets its own PID namespace (and its own /proc): when that ends, the
# kernel kills every process of the command, and `setpriv --pdeathsig` + `unshare --kill-child`
# end it even if this script is killed with SIGKILL. Otherwise it gets its own session and
# process group (setsid).
launch_command() {   # launch_command <rootfs> <command...>
    local rootfs="$1"; shift
    local -a launcher=(setsid)
    if [[ "$IN_PRIVATE_NS" == 1 ]]; then
        launcher=(setpriv --pdeathsig KILL
                  unshare --pid --fork --kill-child --mount-proc="$rootfs/proc")
    fi
    [[ -e /dev/fd/0 ]] || exec </dev/null   # stdin may be closed in CI
    exec {stdin_fd}<&0
    # The command runs as a child of this bash (not exec'd), so it is never the PID namespace's
    # first process (which ignores unhandled signals and must reap orphans; bash reaps them).
    # shellcheck disable=SC2016  # $1 and $@ expand inside the chroot's bash
    "${launcher[@]}" chroot "$rootfs" /usr/bin/env -i "${CHROOT_ENV[@]}" /usr/bin/bash -c '
        cd /rollsafe || exit 125
        if [ "$#" -eq 1 ]; then /usr/bin/bash -c "$1"; else "$@"; fi
        exit "$?"
    ' in-swift-root "$@" <&"$stdin_fd" &
    CHILD_PID=$!
}

kill_group() {   # kill_group <signal>  (setsid mode)
    [[ -n "$CHILD_PID" ]] || return 0
    # Falls back to the pid alone if setsid has not made the group yet.
    kill "-$1" -- "-$CHILD_PID" 2>/dev/null || kill "-$1" "$CHILD_PID" 2>/dev/null || true
}

# Stops the command and reaps it. Namespace mode: SIGKILL to the PID namespace's first process
# (unshare's child); unshare then returns only after the kernel has ended every process in the
# namespace, so nothing keeps the mounts busy (falls back to killing unshare itself if its child
# does not exist yet). setsid mode: TERM to the process group, KILL after 5 s.
stop_child() {
    [[ -n "$CHILD_PID" ]] || return 0
    if [[ "$IN_PRIVATE_NS" == 1 ]]; then
        local init_pid
        init_pid="$(cat "/proc/$CHILD_PID/task/$CHILD_PID/children" 2>/dev/null || true)"
        # shellcheck disable=SC2086  # init_pid is one pid (or empty)
        kill -KILL ${init_pid:-$CHILD_PID} 2>/dev/null || kill -KILL "$CHILD_PID" 2>/dev/null || true
        wait "$CHILD_PID" 2>/dev/null || true
    else
        local killer
        kill_group TERM
        ( sleep 5; kill_group KILL ) &
        killer=$!
        wait "$CHILD_PID" 2>/dev/null || true
        kill "$killer" 2>/dev/null || true
        wait "$killer" 2>/dev/null || true
    fi
}

cleanup() {
    [[ $CLEANED_UP -eq 0 ]] || return 0
    CLEANED_UP=1
    # Leftover processes of the command would keep the mounts busy.
    if [[ "$IN_PRIVATE_NS" == 1 ]]; then
        kill -0 "$CHILD_PID" 2>/dev/null && stop_child
    else
        kill_group KILL
    fi
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
    [[ "$IN_PRIVATE_NS" == 1 ]] && log "(a following 'unshare: sigprocmask unblock failed' is harmless)"
    stop_child
    cleanup || true
    exit $((128 + $2))
}

# --- main -----------------------------------------------------------------------------------

# Re-executes this script (same pid) inside a private mount namespace when possible.
enter_private_namespace() {
    # Set by the re-exec below; trusted only if our mount namespace really differs from the parent's.
    if [[ "${ROLLSAFE_IN_PRIVATE_MOUNT_NS:-}" == 1 ]] \
        && [[ "$(readlink /proc/self/ns/mnt)" != "$(readlink "/proc/$PPID/ns/mnt")" ]]; then
        IN_PRIVATE_NS=1
        return 0
    fi
    if [[ "${ROLLSAFE_NO_UNSHARE:-}" != 1 ]] && command -v unshare >/dev/null 2>&1 \
        && command -v setpriv >/dev/null 2>&1 \
        && unshare --mount --pid --fork --propagation private true 2>/dev/null; then
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

    launch_command "$rootfs" "$@"
    wait "$CHILD_PID" || status=$?
    exit "$status"
}

main "$@"
