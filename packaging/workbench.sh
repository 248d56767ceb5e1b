#!/usr/bin/env bash
# One entry point for a fresh Debian 12 machine (as root, or with sudo available):
#   packaging/workbench.sh run [workbench options…]   install what is missing, build, start the GUI
#   packaging/workbench.sh test                        install what is missing, build, run every test,
#                                                      prove the GUI-free build, build the .deb
set -euo pipefail
cd "$(dirname "$0")/.."
source_dir=$(pwd)
jobs=$(nproc)
# One ccache for every checkout on this machine: paths below the source tree are hashed relative to
# it, so a fresh clone in another folder reuses what an earlier build compiled.
export CCACHE_BASEDIR="$source_dir" CCACHE_NOHASHDIR=1

packages=(
    # toolchain
    g++ cmake ninja-build pkg-config git file dpkg-dev fakeroot python3 ccache clang-format
    # Qt 6 (Charts on Debian 12 needs the OpenGL dev package too) and the plugins loaded at run time
    qt6-base-dev qt6-charts-dev libqt6opengl6-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
    qt6-translations-l10n libqt6sql6-sqlite libqt6sql6-psql libqt6svg6 fonts-dejavu-core
    # keyring
    qtkeychain-qt6-dev libsecret-1-0 dbus gnome-keyring zlib1g-dev
    # team workspaces: libpq parses their URIs; the tests start a real PostgreSQL of their own
    libpq-dev postgresql
    # MQTT: the client library, the broker the tests and --demo start, its clients (the bench's
    # peer), openssl for the tests' certificates, and the CA store TLS verifies against by default
    libmosquitto-dev mosquitto mosquitto-clients openssl ca-certificates
    # the statistics tests check every figure against scipy (and, for agreement, scikit-learn)
    python3-scipy python3-numpy python3-sklearn
    # bench_eval_table's floor reads a run through SQLite's C API
    libsqlite3-dev
    # the sanitized tests and the fuzz targets: clang with its sanitizer and libFuzzer runtimes, and
    # llvm-symbolizer so that a finding's stack names files and lines
    clang libclang-rt-14-dev llvm-14
    # HTML reports built from hostile datasets are opened in headless Chromium
    chromium
)

install_missing() {
    local missing=()
    for package in "${packages[@]}"; do
        dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
    done
    [ ${#missing[@]} -eq 0 ] && return
    echo "Installing: ${missing[*]}"
    local sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    export DEBIAN_FRONTEND=noninteractive
    $sudo apt-get update -qq
    $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

configure_and_build() {  # build_dir, extra cmake arguments…
    local build_dir=$1
    shift
    # ccache keeps its objects in ~/.cache/ccache, which outlives a CI clone on the same machine.
    cmake -S "$source_dir" -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
        -DCMAKE_CXX_COMPILER_LAUNCHER=ccache "$@"
    cmake --build "$build_dir" --parallel "$jobs"
}

command=${1:-}
[ $# -gt 0 ] && shift
case "$command" in
run)
    install_missing
    configure_and_build build/release -DBUILD_TESTING=OFF
    exec build/release/app/genaiops-workbench "$@"
    ;;
test)
    started=$(date +%s)
    install_missing
    echo "== source formatting (clang-format, .clang-format)"
    sources=$(git ls-files '*.cpp' '*.h' 2>/dev/null || find core ui app tests bench \( -name '*.cpp' -o -name '*.h' \))
    # --dry-run -Werror prints each difference as file:line and fails on the first file that has one.
    xargs clang-format --dry-run -Werror <<<"$sources"
    echo "$(wc -l <<<"$sources") files formatted as .clang-format says"
    echo "== file length (product code: at most 450 lines a file)"
    # A file past this has more than one thing in it; tests, benches and servers are exempt.
    long=$(grep -E '^(core|ui|app)/' <<<"$sources" | xargs wc -l | awk '$2 != "total" && $1 > 450 {print $2 ": " $1 " lines"}')
    if [[ -n "$long" ]]; then
        echo "$long" >&2
        echo "split these files (STYLE.md: short files, one class per file pair)" >&2
        exit 1
    fi
    echo "== full build (warnings are errors)"
    configure_and_build build/ci -DGENAIOPS_WERROR=ON -DGENAIOPS_BENCH=OFF
    (cd build/ci && ctest --output-on-failure --parallel "$jobs")

    echo "== core, CLI and their tests without any GUI module"
    configure_and_build build/core-only -DGENAIOPS_GUI=OFF -DGENAIOPS_WERROR=ON -DGENAIOPS_BENCH=OFF
    if ldd build/core-only/app/genaiops | grep -E 'libQt6(Gui|Widgets|Charts)'; then
        echo "genaiops links a GUI module" >&2
        exit 1
    fi
    (cd build/core-only && ctest --output-on-failure --parallel "$jobs")

    echo "== sanitizers and fuzzing (one clang build: the fuzz preset)"
    # AddressSanitizer, UndefinedBehaviorSanitizer and leak checking over the whole suite, GUI tests
    # included; then every fuzz target for a bounded time. The build's objects come from ccache.
    cmake --preset fuzz -DCMAKE_CXX_COMPILER_LAUNCHER=ccache >/dev/null
    cmake --build --preset fuzz --parallel "$jobs"
    sanitized_started=$(date +%s)
    ctest --preset fuzz --parallel "$jobs"
    echo "the suite passed under the sanitizers in $(( $(date +%s) - sanitized_started )) s"
    fuzz/run.sh build/fuzz "${GENAIOPS_FUZZ_SECONDS:-25}"

    echo "== Debian package"
    (cd build/ci && cpack -G DEB >/dev/null)
    deb=$(ls build/ci/genaiops-workbench_*.deb)
    # Listed once into a variable: `grep -q` closing the pipe early would fail the pipeline.
    contents=$(dpkg-deb -c "$deb")
    grep -q './usr/bin/genaiops$' <<<"$contents"
    grep -q './usr/bin/genaiops-workbench$' <<<"$contents"
    echo "package $deb holds both executables"
    echo "all checks passed in $(( $(date +%s) - started )) s"
    ;;
*)
    echo "usage: $0 run [--demo] [--workspace PATH] | test" >&2
    exit 2
    ;;
esac
