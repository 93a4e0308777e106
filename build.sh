#!/usr/bin/env bash
# The project's entry point; README.md documents it and .ci/run calls `./build.sh test`.
#   ./build.sh demo   provision restic if needed, build, run the console quick-start sample
#   ./build.sh test   provision restic 0.18.0 and 0.14.0, build, run every test against each version
#   ./build.sh pack   build the NuGet packages into artifacts/packages
#   ./build.sh aot    publish the console sample as a NativeAOT binary (zero trim/AOT warnings) and run it
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

restic_binary() { eng/provision-restic.sh --print | awk -v v="$1" '$1 == v { print $2 }'; }

build() { dotnet build Restic.Net.sln -c Release -nologo -clp:NoSummary; }

pack() {
  local project
  for project in src/Restic.Net/Restic.Net.csproj src/Restic.Net.Extensions.DependencyInjection/Restic.Net.Extensions.DependencyInjection.csproj; do
    dotnet pack "$project" -c Release --no-build -o artifacts/packages -nologo
  done
}

demo() {
  local binary="${RESTIC_NET_RESTIC_BINARY:-}"
  if [ -z "$binary" ]; then
    eng/provision-restic.sh
    binary=$(restic_binary 0.18.0)
  fi
  build
  RESTIC_NET_RESTIC_BINARY="$binary" dotnet run --project samples/Restic.Net.Samples.Console -c Release --no-build
}

# NativeAOT: the proof that the library is trim- and AOT-safe. Any ILLink/ILC warning fails the
# build, and the native binary must run the quick start against restic 0.18.0.
aot() {
  eng/provision-restic.sh
  local clang log=artifacts/aot/publish.log out=artifacts/aot/bin
  clang=$(eng/provision-aot.sh)
  mkdir -p artifacts/aot
  dotnet publish samples/Restic.Net.Samples.Console/Restic.Net.Samples.Console.csproj -c Release -r linux-x64 \
    -p:PublishAot=true -p:CppCompilerAndLinker="$clang" -o "$out" -nologo 2>&1 | tee "$log"
  if grep -qE 'warning (IL|AOT)[0-9]+' "$log"; then
    echo "build.sh: the NativeAOT publish reported trim/AOT warnings (see $log)" >&2
    return 1
  fi
  echo "== running the native quick start ($(du -h "$out/restic-net-sample" | cut -f1))"
  RESTIC_NET_RESTIC_BINARY="$(restic_binary 0.18.0)" "$out/restic-net-sample"
}

test_all() {
  eng/provision-restic.sh
  eng/provision-servers.sh
  export RESTIC_NET_TEST_TOOLS="$PWD/.tools"
  build
  pack
  local passed=0 failed=0 skipped=0 status=0 version log
  mkdir -p artifacts/test-logs
  for version in 0.18.0 0.14.0; do
    log="artifacts/test-logs/restic-$version.log"
    echo "== tests against restic $version"
    if ! RESTIC_NET_TEST_RESTIC="$(restic_binary "$version")" RESTIC_NET_TEST_RESTIC_VERSION="$version" \
        dotnet test Restic.Net.sln -c Release --no-build -nologo --blame-hang-timeout 15m 2>&1 | tee "$log"; then
      status=1
    fi
    # "Passed!  - Failed:     0, Passed:   100, Skipped:     0, Total:   100, ..." per test assembly
    while read -r f p s; do
      failed=$((failed + f)); passed=$((passed + p)); skipped=$((skipped + s))
    done < <(sed -nE 's/.*Failed: +([0-9]+), Passed: +([0-9]+), Skipped: +([0-9]+).*/\1 \2 \3/p' "$log")
  done
  echo "tests: $passed passed, $failed failed, $skipped skipped"
  echo "== NativeAOT publish of the console sample"
  aot || status=1
  if [ "$skipped" -ne 0 ]; then
    echo "build.sh: $skipped tests were skipped; none may be." >&2
    status=1
  fi
  return $status
}

case "${1:-}" in
  demo) demo ;;
  test) test_all ;;
  pack) build && pack ;;
  aot) aot ;;
  *) echo "usage: ./build.sh demo|test|pack|aot" >&2; exit 2 ;;
esac
