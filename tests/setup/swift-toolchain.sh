#!/usr/bin/env bash
# swift-toolchain.sh — make sure the Debian 13 root file system with Swift exists (built once, cached).
#
# Why this exists: no Swift toolchain is packaged for Debian 12 (the CI host) in any registry we
# can reach, but Debian 13 ("trixie") packages `swiftlang` (Swift 6.0.3 with Foundation, XCTest
# and the package manager). So we build a trixie root file system with debootstrap, install
# swiftlang + libc6-dev in it, and run the Swift tests in it through in-swift-root.sh.
# See /work/shared/reference/toolchains.md for the checked recipe.
#
# Usage: tests/setup/swift-toolchain.sh
#   Prints the root file system's path on stdout; progress and errors go to stderr.
#   Root file system: ${ROLLSAFE_CACHE:-$HOME/.cache/rollsafe}/swift-rootfs (outside the repo).
#   First run: about 1.5-2 minutes and 3 GB of disk. When complete already: a file check (<0.1 s).
#
# Crash safety: the root file system is built in "<rootfs>.building" and renamed to its final
# name only after `swift --version` works inside it and the completion marker is written. A
# leftover "<rootfs>.building" (or an unmarked "<rootfs>") from an interrupted run is unmounted
# and removed, then rebuilt. Nothing is ever removed while anything is mounted under it.
# A lock file serializes concurrent runs. Needs root.

set -euo pipefail

readonly RECIPE="rollsafe-swift-rootfs recipe 1: debootstrap minbase trixie + swiftlang libc6-dev"
readonly SUITE="trixie"
readonly CHROOT_PACKAGES="swiftlang libc6-dev"
readonly MARKER=".rollsafe-swift-rootfs-complete"
SETUP_DIR="$(dirname -- "$(realpath -e -- "${BASH_SOURCE[0]}")")"
readonly SETUP_DIR
readonly IN_ROOT="$SETUP_DIR/in-swift-root.sh"

log() { echo "swift-toolchain: $*" >&2; }
die() { echo "swift-toolchain: ERROR: $*" >&2; exit 1; }

# Runs a command with its output captured; shows the output only if the command fails.
run_quiet() {
    local out status=0
    out="$(mktemp)"
    "$@" </dev/null >"$out" 2>&1 || status=$?
    [[ $status -eq 0 ]] || { tail -n 60 "$out" >&2; log "(last 60 lines of: $*)"; }
    rm -f -- "$out"
    return "$status"
}

is_complete() {   # is_complete <rootfs>
    # Not $1/usr/bin/swift: it is an absolute symlink, meaningful only inside the chroot.
    [[ -f "$1/$MARKER" && -x "$1/usr/libexec/swift/bin/swift" ]] \
        && [[ "$(head -n 1 -- "$1/$MARKER")" == "$RECIPE" ]]
}

# Mount points at or below <dir> in this mount namespace (deepest first).
mounts_under() {   # mounts_under <dir>
    findmnt -rn -o TARGET | awk -v d="$1" '$0 == d || index($0, d "/") == 1' | sort -r
}

# Removes a (partial) root file system, but only after everything mounted under it (for example
# the host's /dev, bind-mounted by an interrupted run) is unmounted; refuses otherwise.
safe_remove() {   # safe_remove <dir>
    local dir="$1" target
    [[ "$dir" == "$CACHE_DIR"/swift-rootfs* ]] || die "internal error: refusing to remove $dir"
    [[ -e "$dir" ]] || return 0
    while read -r target; do
        [[ -n "$target" ]] || continue
        log "unmounting leftover mount $target"
        umount -- "$target" 2>/dev/null || umount -l -- "$target" || true
    done < <(mounts_under "$dir")
    if [[ -n "$(mounts_under "$dir")" ]]; then
        die "refusing to remove $dir: still mounted under it: $(mounts_under "$dir" | tr '\n' ' ')"
    fi
    log "removing incomplete root file system $dir"
    rm -rf --one-file-system -- "$dir"
    [[ ! -e "$dir" ]] || die "could not remove $dir"
}

ensure_debootstrap() {
    command -v debootstrap >/dev/null 2>&1 && return 0
    command -v apt-get >/dev/null 2>&1 || die "debootstrap is missing and apt-get is not available"
    log "installing debootstrap on the host"
    run_quiet env DEBIAN_FRONTEND=noninteractive apt-get update -qq || die "apt-get update failed"
    run_quiet env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq debootstrap \
        || die "apt-get install debootstrap failed"
    command -v debootstrap >/dev/null 2>&1 || die "debootstrap still not found after installing it"
}

# Runs a shell command inside the root file system being built (with an empty /rollsafe).
in_build_root() {   # in_build_root <shell command>
    ROLLSAFE_SWIFT_ROOTFS="$BUILD" "$IN_ROOT" "$EMPTY_DIR" "$1"
}

build_rootfs() {
    log "debootstrap --variant=minbase $SUITE $BUILD (about 35 s)"
    # In a private mount namespace when permitted, so that mounts debootstrap makes (/proc,
    # /sys, maybe /dev) cannot outlive it; safe_remove copes with leftovers otherwise.
    local -a private_ns=(unshare --mount --propagation private)
    if ! "${private_ns[@]}" true 2>/dev/null; then
        log "WARNING: unshare not permitted; running debootstrap in the host mount namespace"
        private_ns=()
    fi
    run_quiet "${private_ns[@]}" debootstrap --variant=minbase "$SUITE" "$BUILD" \
        || die "debootstrap failed"
    [[ -z "$(mounts_under "$BUILD")" ]] || die "debootstrap left mounts under $BUILD"

    log "installing $CHROOT_PACKAGES inside the root file system (about 40 s)"
    run_quiet in_build_root "set -e; export DEBIAN_FRONTEND=noninteractive
        apt-get update -qq
        apt-get install -y -qq --no-install-recommends $CHROOT_PACKAGES
        apt-get clean" || die "installing $CHROOT_PACKAGES in the root file system failed"

    local version
    version="$(in_build_root "swift --version" 2>&1)" \
        || die "swift --version does not work in the new root file system: $version"
    log "$(echo "$version" | head -n 1)"
    printf '%s\n%s\n' "$RECIPE" "$version" >"$BUILD/$MARKER.tmp"
    mv -f -- "$BUILD/$MARKER.tmp" "$BUILD/$MARKER"
}

main() {
    CACHE_DIR="$(realpath -m -- "${ROLLSAFE_CACHE:-$HOME/.cache/rollsafe}")"
    [[ "$CACHE_DIR" =~ ^/[A-Za-z0-9._/+@=-]+$ ]] \
        || die "unsupported cache directory path (spaces or special characters): $CACHE_DIR"
    readonly CACHE_DIR
    readonly ROOTFS="$CACHE_DIR/swift-rootfs" BUILD="$CACHE_DIR/swift-rootfs.building"

    if is_complete "$ROOTFS"; then
        echo "$ROOTFS"
        return 0
    fi
    [[ $(id -u) -eq 0 ]] || die "must run as root to build $ROOTFS (debootstrap, chroot, mount)"
    [[ -x "$IN_ROOT" ]] || die "missing or not executable: $IN_ROOT"
    mkdir -p -- "$CACHE_DIR" || die "cannot create the cache directory $CACHE_DIR"
    exec {lock_fd}>"$CACHE_DIR/swift-rootfs.lock"
    if ! flock -n "$lock_fd"; then
        log "another run holds $CACHE_DIR/swift-rootfs.lock; waiting for it"
        flock -w 1800 "$lock_fd" || die "timed out waiting for $CACHE_DIR/swift-rootfs.lock"
    fi
    if is_complete "$ROOTFS"; then   # built by another run while we waited
        echo "$ROOTFS"
        return 0
    fi

    safe_remove "$ROOTFS"    # unmarked, outdated or half-built
    safe_remove "$BUILD"     # leftover of an interrupted build
    ensure_debootstrap
    EMPTY_DIR="$(mktemp -d)"
    trap 'rmdir -- "$EMPTY_DIR" 2>/dev/null || true' EXIT
    local start=$SECONDS
    build_rootfs
    [[ -z "$(mounts_under "$BUILD")" ]] || die "something is still mounted under $BUILD"
    mv -T -- "$BUILD" "$ROOTFS"
    log "Swift root file system ready at $ROOTFS ($((SECONDS - start)) s)"
    echo "$ROOTFS"
}

main "$@"
