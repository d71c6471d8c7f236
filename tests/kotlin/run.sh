#!/usr/bin/env bash
# Compiles the generated Kotlin bindings and the Kotlin test suite with the
# real Kotlin compiler, then runs the suite on the JVM with JUnit 5, loading
# the real Rust library through JNA.
#
# Expects tests/lib/build-library.sh to have run. Prints JUnit's summary,
# whose "[ N tests successful ]" and "[ N tests failed ]" lines tests/run
# counts; exits non-zero on any failure, and when no test was found.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$repo"
. tests/setup/kotlin-toolchain.sh

library_dir="$repo/target/test-lib"
bindings="$repo/target/bindings/kotlin"
out="$repo/target/kotlin-tests"
[[ -f "$library_dir/librollsafe_ffi.so" ]] || { echo "kotlin: build the library first" >&2; exit 1; }
[[ -d "$bindings" ]] || { echo "kotlin: generate the bindings first" >&2; exit 1; }

rm -rf "$out"
mkdir -p "$out/classes"
# The thin Kotlin layer (bindings/kotlin, package app.rollsafe.ktx) is compiled and tested too,
# and so is the Android demo's plain-Kotlin logic module (android-demo/logic: its state
# holders and notification reconciler, with its own JUnit tests).
mapfile -t sources < <(find "$bindings" bindings/kotlin/src/main/kotlin tests/kotlin/src \
    android-demo/logic/src/main/kotlin android-demo/logic/src/test/kotlin -name '*.kt' | sort)
# The demo's logic module stays plain Kotlin (it is what the JVM can test): no Android imports.
if grep -rnE '^import +(android|androidx)\.' android-demo/logic/src; then
    echo "kotlin: android-demo/logic must not import Android classes (above)" >&2
    exit 1
fi
# The layer's suspend functions and Flow need kotlinx.coroutines (shipped with the compiler).
COROUTINES_JAR="$KOTLIN_LIB/kotlinx-coroutines-core-jvm.jar"
[[ -f "$COROUTINES_JAR" ]] || { echo "kotlin: kotlinx-coroutines not found at $COROUTINES_JAR" >&2; exit 1; }
# Gson parses the shared scenarios (tests/scenarios/*.json) in ScenarioTest.
GSON_JAR="${GSON_JAR:-/usr/share/java/gson.jar}"
[[ -f "$GSON_JAR" ]] || { echo "kotlin: Gson not found at $GSON_JAR (apt-get install libgoogle-gson-java)" >&2; exit 1; }
# The scenarios ScenarioTest runs; ROLLSAFE_SCENARIOS may point elsewhere (a host path).
scenarios="${ROLLSAFE_SCENARIOS:-$repo/tests/scenarios}"
compile_classpath="$JNA_JAR:$JUNIT_CONSOLE_JAR:$GSON_JAR:$COROUTINES_JAR"
echo "kotlin: compiling ${#sources[@]} files" >&2
"$KOTLINC" -nowarn -jvm-target 17 -classpath "$compile_classpath" -d "$out/classes" "${sources[@]}"

test_classpath="$out/classes:$KOTLIN_LIB/kotlin-stdlib.jar:$JNA_JAR:$GSON_JAR:$COROUTINES_JAR"
# rollsafe.test.classpath lets a test start child JVMs on the same classes (the
# multi-process test's writers).
java -Djna.library.path="$library_dir" -Drollsafe.scenarios="$scenarios" \
    -Drollsafe.test.classpath="$test_classpath" -jar "$JUNIT_CONSOLE_JAR" \
    --class-path "$test_classpath" \
    --scan-class-path --fail-if-no-tests --disable-banner --details=tree --disable-ansi-colors \
    --details-theme=ascii
