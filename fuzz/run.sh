#!/usr/bin/env bash
# Runs every fuzz target of a `fuzz` build for a bounded time and prints, for each, its executions,
# the coverage it reached and whether it crashed: `fuzz/run.sh build/fuzz 25`.
# Seeds are copied first, so what a run finds stays in the build folder (corpus-found/) and the
# repository's corpus changes only when someone adds a seed on purpose. A crash leaves its input in
# crashes/ and fails the run; each one found becomes a regression test in tests/.
set -euo pipefail
build=${1:?usage: fuzz/run.sh BUILD_DIR [SECONDS_PER_TARGET]}
seconds=${2:-25}
# CI's run starts from a fixed seed, so a verdict can be reproduced and a finding is not luck of the
# draw on one machine; GENAIOPS_FUZZ_SEED=0 lets libFuzzer pick a seed for exploring runs.
seed=${GENAIOPS_FUZZ_SEED:-1}
manifest="$build/fuzz/fuzzers.txt"
[ -f "$manifest" ] || { echo "no $manifest: configure with the fuzz preset (GENAIOPS_FUZZ=ON)" >&2; exit 2; }
work="$build/fuzz/runs"
rm -rf "$work"
mkdir -p "$work/crashes"
# Leaks are findings too; a finding ends the run at once.
export ASAN_OPTIONS="detect_leaks=1:halt_on_error=1:abort_on_error=0:${ASAN_OPTIONS:-}"
export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1:${UBSAN_OPTIONS:-}"
export QT_QPA_PLATFORM=offscreen LC_ALL=C.UTF-8

failed=0
printf '%-28s %12s %10s %10s %8s  %s\n' target executions "exec/s" coverage features verdict
while read -r executable seeds dictionary max_length; do
    name=$(basename "$executable")
    found="$work/$name/corpus-found"
    mkdir -p "$found"
    cp "$seeds"/* "$found"/
    options=(-max_total_time="$seconds" -max_len="$max_length" -print_final_stats=1 -timeout=10 -rss_limit_mb=2048
             -artifact_prefix="$work/crashes/$name-")
    [ "$dictionary" != "-" ] && options+=(-dict="$dictionary")
    [ "$seed" != 0 ] && options+=(-seed="$seed")
    log="$work/$name/log"
    if "$executable" "${options[@]}" "$found" >"$log" 2>&1; then
        verdict="no crash"
    else
        verdict="CRASH"
        failed=1
    fi
    executions=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
    rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
    # libFuzzer's status lines: "#N  DONE  cov: EDGES ft: FEATURES corp: …"
    status=$(grep -E '^#[0-9]+' "$log" | tail -1 || true)
    coverage=$(sed -n 's/.* cov: \([0-9]*\).*/\1/p' <<<"$status")
    features=$(sed -n 's/.* ft: \([0-9]*\).*/\1/p' <<<"$status")
    printf '%-28s %12s %10s %10s %8s  %s\n' "$name" "${executions:-?}" "${rate:-?}" "${coverage:-?}" "${features:-?}" "$verdict"
    if [ "$verdict" = CRASH ]; then
        grep -E 'ERROR: |property does not hold|runtime error|SUMMARY' "$log" | head -5 | sed 's/^/    /'
        ls "$work/crashes/$name-"* 2>/dev/null | sed 's/^/    input: /'
    fi
done <"$manifest"
[ "$failed" -eq 0 ] && echo "every target ran ${seconds} s without a crash" || echo "a target crashed: inputs in $work/crashes" >&2
exit "$failed"
