#!/usr/bin/env bash
# Builds the RollSafe Swift package around the generated bindings and runs the
# XCTest suite with `swift test`, inside the Debian 13 root file system that
# carries the only Swift toolchain reachable from this Linux host, against
# the real Rust library.
#
# Also runs the tests of the iOS demo's view models (ios-demo/RollSafeDemoKit),
# which depend on the same package.
#
# Expects tests/lib/build-library.sh to have run. Prints XCTest's output, whose
# "Test Case '...' passed/failed" lines tests/run counts; exits non-zero on any
# failure, and when a suite ran no test.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$repo"

generated="target/bindings/swift"
package="bindings/swift"
[[ -f target/test-lib/librollsafe_ffi.so ]] || { echo "swift: build the library first" >&2; exit 1; }
[[ -f "$generated/RollSafe.swift" ]] || { echo "swift: generate the bindings first" >&2; exit 1; }

# Put the generated sources where the package expects them (not committed).
mkdir -p "$package/Sources/RollSafe/Generated" "$package/Sources/RollSafeFFI/include"
cp "$generated/RollSafe.swift" "$package/Sources/RollSafe/Generated/RollSafe.swift"
cp "$generated/RollSafeFFI.h" "$package/Sources/RollSafeFFI/include/RollSafeFFI.h"

tests/setup/swift-toolchain.sh >/dev/null

# The scenarios ScenarioTests runs, as a path inside the root (the repository is
# /rollsafe there). ROLLSAFE_SCENARIOS may point elsewhere: a path under /rollsafe,
# or a host path under the repository, which is translated.
ROLLSAFE_SCENARIOS="${ROLLSAFE_SCENARIOS:-/rollsafe/tests/scenarios}"
case "$ROLLSAFE_SCENARIOS" in
    "$repo"/*) ROLLSAFE_SCENARIOS="/rollsafe/${ROLLSAFE_SCENARIOS#"$repo"/}" ;;
    /rollsafe/*) ;;
    *) echo "swift: ROLLSAFE_SCENARIOS must be under the repository: $ROLLSAFE_SCENARIOS" >&2; exit 1 ;;
esac
export ROLLSAFE_SCENARIOS
export ROLLSAFE_SWIFT_PASS_ENV="${ROLLSAFE_SWIFT_PASS_ENV:+$ROLLSAFE_SWIFT_PASS_ENV }ROLLSAFE_SCENARIOS"

log="$(mktemp)"
trap 'rm -f "$log"' EXIT
status=0
# Each package's suite: the bindings' own tests, then the iOS demo's view models
# (ios-demo/RollSafeDemoKit), both against the same library. Every suite must
# run at least one test: XCTest on Linux exits 0 when it finds none.
for suite in tests/swift/RollSafeTests ios-demo/RollSafeDemoKit; do
    suite_status=0
    LD_LIBRARY_PATH=/rollsafe/target/test-lib tests/setup/in-swift-root.sh "$repo" \
        "cd $suite && swift test -Xlinker -L/rollsafe/target/test-lib 2>&1" | tee "$log" || suite_status=$?
    if ! grep -Eq 'Executed [1-9][0-9]* tests?' "$log"; then
        echo "swift: no test was executed in $suite" >&2
        suite_status=1
    fi
    (( suite_status == 0 )) || status=$suite_status
done
exit "$status"
