#!/usr/bin/env bash
# The project's entry point; README.md documents it and .ci/run calls `./build.sh demo`, then `./build.sh test`.
#   ./build.sh demo   provision restic if needed, build, run the console quick-start sample
#   ./build.sh test   provision restic 0.19.x, 0.18.0 and 0.14.0, build, run the tests that start no restic once
#                     and every test that starts restic against each version
#   ./build.sh canary provision whatever restic Debian sid ships now and run the tests that start restic against it
#   ./build.sh pack   build the NuGet packages into artifacts/packages
#   ./build.sh aot    publish the console sample as a NativeAOT binary (zero trim/AOT warnings) and run it
#   ./build.sh console start the web console on SQLite with a demo repository (eng/console-demo.sh) until Ctrl+C
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

# The newest pinned restic (the first line of --print): what the demo and the NativeAOT sample run against.
# awk reads all of --print: `head -n 1` would close the pipe early and, under pipefail, the script's next
# printf would die of SIGPIPE (exit 141) and abort the caller.
newest_restic() { eng/provision-restic.sh --print | awk -F '\t' 'NR == 1 { print $2 }'; }

build() { dotnet build Restic.Net.sln -c Release -nologo -clp:NoSummary; }

readonly packages=(Restic.Net Restic.Net.Extensions.DependencyInjection Restic.Net.Repository)

# Packs the three packages; the SDK's package validation compares each with the same package of the last release
# (baseline below) and fails the pack on a breaking change.
pack() {
  local id baseline
  baseline=$(baseline_packages)
  rm -rf artifacts/packages
  for id in "${packages[@]}"; do
    dotnet pack "src/$id/$id.csproj" -c Release --no-build -o artifacts/packages -nologo \
      -p:PackageValidationBaselinePath="$PWD/$baseline/$id.$(baseline_version).nupkg"
  done
  verify_packages
}

baseline_version() { grep -v '^#' eng/package-baseline | awk 'NF { print $1; exit }'; }

# The last release's packages, packed once from its commit (eng/package-baseline) into artifacts/baseline/VERSION;
# prints that folder. Nothing binary is committed: the release's sources are.
baseline_packages() {
  local version commit folder work id
  read -r version commit < <(grep -v '^#' eng/package-baseline | awk 'NF { print; exit }')
  folder="artifacts/baseline/$version"
  if [ "$(cat "$folder/commit" 2>/dev/null)" != "$commit" ]; then
    git cat-file -e "$commit^{commit}" 2>/dev/null ||
      { echo "build.sh: the commit of release $version ($commit, eng/package-baseline) is not in this clone; fetch the whole history (not a shallow clone)" >&2; return 1; }
    echo "== packing the $version baseline from $commit" >&2
    work=$(mktemp -d)
    git archive "$commit" | tar -x -C "$work"
    rm -rf "$folder"
    for id in "${packages[@]}"; do
      dotnet pack "$work/src/$id/$id.csproj" -c Release -o "$PWD/$folder" -nologo -p:EnablePackageValidation=false >&2 ||
        { rm -rf "$work"; return 1; }
    done
    rm -rf "$work"
    printf '%s\n' "$commit" >"$folder/commit"
  fi
  printf '%s' "$folder"
}

# What a package consumer gets: a README, icon and release notes in each package, and no trace of the
# folder it was built in (paths in the DLL and PDB read /_/...), with the sources embedded in the PDB.
# Dependencies: Restic.Net.Repository uses Restic.Net's internals, so it pins exactly the Restic.Net it was
# built with; the DI package does not pull in the reader (and its crypto).
verify_packages() {
  local package work entry nuspec status=0
  work=$(mktemp -d)
  for package in artifacts/packages/*.nupkg artifacts/packages/*.snupkg; do
    rm -rf "${work:?}"/* && unzip -q -o "$package" -d "$work"
    if [[ $package == *.nupkg ]]; then
      for entry in README.md icon.png CHANGELOG.md; do
        [ -f "$work/$entry" ] || { echo "build.sh: $package lacks $entry" >&2; status=1; }
      done
      nuspec=$(cat "$work"/*.nuspec)
      case "$package" in
        */Restic.Net.Repository.[0-9]*)
          grep -qE 'dependency id="Restic.Net" version="\[[^],]+\]"' <<<"$nuspec" ||
            { echo "build.sh: $package must depend on exactly one Restic.Net version ([x.y.z])" >&2; status=1; } ;;
        */Restic.Net.Extensions.DependencyInjection.[0-9]*)
          ! grep -q 'dependency id="Restic.Net.Repository"' <<<"$nuspec" ||
            { echo "build.sh: $package must not depend on Restic.Net.Repository" >&2; status=1; } ;;
      esac
    fi
    if grep -rlF "$PWD" "$work" >/dev/null; then
      echo "build.sh: $package embeds the build folder $PWD: $(grep -rlF "$PWD" "$work" | sed "s|$work/||" | paste -sd ' ')" >&2
      status=1
    fi
  done
  rm -rf "$work"
  return $status
}

demo() {
  local binary="${RESTIC_NET_RESTIC_BINARY:-}"
  if [ -z "$binary" ]; then
    eng/provision-restic.sh
    binary=$(newest_restic)
  fi
  build
  RESTIC_NET_RESTIC_BINARY="$binary" dotnet run --project samples/Restic.Net.Samples.Console -c Release --no-build
}

# NativeAOT: the proof that the library is trim- and AOT-safe. Any ILLink/ILC warning fails the
# build, and the native binary must run the quick start against the newest pinned restic.
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
  RESTIC_NET_RESTIC_BINARY="$(newest_restic)" "$out/restic-net-sample"
}

# Tests marked [Trait("Restic", "None")] (whole assemblies or classes) start no restic: they run once.
# Tests marked [Trait("Restic", "Newest")] test a transport or the console's pages, not what a restic version writes or
# prints: they run against the first (newest) version only. Everything else runs once per restic version.
readonly no_restic_filter="Restic=None" restic_filter="Restic!=None" older_restic_filter="Restic!=None&Restic!=Newest"

# run_section NAME FILTER [VAR=VALUE...]: runs the solution's tests that match FILTER with the variables set,
# logs to artifacts/test-logs/NAME.log and adds the counts to the totals; returns non-zero on a failure.
passed=0 failed=0 skipped=0
run_section() {
  local name=$1 filter=$2 log="artifacts/test-logs/$1.log" status=0 start f p s
  shift 2
  start=$(date +%s)
  env "$@" dotnet test Restic.Net.sln -c Release --no-build -nologo --filter "$filter" --blame-hang-timeout 15m 2>&1 | tee "$log" || status=1
  # "Passed!  - Failed:     0, Passed:   100, Skipped:     0, Total:   100, ..." per test assembly
  while read -r f p s; do
    failed=$((failed + f)); passed=$((passed + p)); skipped=$((skipped + s))
  done < <(sed -nE 's/.*Failed: +([0-9]+), Passed: +([0-9]+), Skipped: +([0-9]+).*/\1 \2 \3/p' "$log")
  echo "== $name: $(( $(date +%s) - start )) s"
  return $status
}

# Stands in for restic in the section that must not start it: a test there that does fails loudly.
no_restic_guard() {
  local guard=artifacts/no-restic/restic
  mkdir -p "$(dirname "$guard")"
  printf '#!/bin/sh\necho "this test is marked [Trait(\"Restic\", \"None\")] but started restic: remove the trait" >&2\nexit 99\n' >"$guard"
  chmod +x "$guard"
  printf '%s/%s' "$PWD" "$guard"
}

# restic_sections VERSION<TAB>BINARY lines on stdin, newest first: the tests that start restic, once per version;
# the [Trait("Restic", "Newest")] ones against the first version only.
restic_sections() {
  local version binary filter=$restic_filter status=0
  while IFS=$'\t' read -r version binary; do
    echo "== tests against restic $version ($binary)"
    run_section "restic-$version" "$filter" \
      RESTIC_NET_TEST_RESTIC="$binary" RESTIC_NET_TEST_RESTIC_VERSION="$version" || status=1
    filter=$older_restic_filter
  done
  return $status
}

# The failed tests of every section, named at the end of the output (which is what a CI page shows first).
failed_tests() {
  grep -hE '^ +Failed [A-Za-z_.]+' artifacts/test-logs/*.log 2>/dev/null | sed -E 's/^ +Failed /  /; s/ \[[^]]*\]$//' | sort | uniq -c || true
}

# took NAME START: says how long a step that began at START (date +%s) took, as the test sections do.
took() { echo "== $1: $(( $(date +%s) - $2 )) s"; }

test_all() {
  local status=0 versions start
  start=$(date +%s)
  eng/provision-restic.sh
  eng/provision-servers.sh
  eng/provision-browser.sh
  took provisioning "$start"
  export RESTIC_NET_TEST_TOOLS="$PWD/.tools"
  start=$(date +%s)
  build
  took build "$start"
  start=$(date +%s)
  pack
  took pack "$start"
  rm -rf artifacts/test-logs && mkdir -p artifacts/test-logs
  versions=$(eng/provision-restic.sh --print)
  echo "== tests that start no restic (run once)"
  run_section no-restic "$no_restic_filter" RESTIC_NET_TEST_RESTIC="$(no_restic_guard)" RESTIC_NET_TEST_RESTIC_VERSION=none || status=1
  restic_sections <<<"$versions" || status=1
  echo "tests: $passed passed, $failed failed, $skipped skipped; restic versions: $(cut -f 1 <<<"$versions" | paste -sd ' ')"
  echo "== NativeAOT publish of the console sample"
  start=$(date +%s)
  aot || status=1
  took aot "$start"
  if [ "$skipped" -ne 0 ]; then
    echo "build.sh: $skipped tests were skipped; none may be." >&2
    status=1
  fi
  if [ "$failed" -ne 0 ]; then
    echo "build.sh: $failed tests failed (in how many sections, logs in artifacts/test-logs):" >&2
    failed_tests >&2
  fi
  return $status
}

# The canary: the restic Debian sid ships today, unpinned, against every test that starts restic. Not part
# of .ci/run (sid moves daily); run it first when restic releases (docs/compatibility.md).
canary() {
  local line status=0
  eng/provision-servers.sh
  eng/provision-browser.sh
  export RESTIC_NET_TEST_TOOLS="$PWD/.tools"
  line=$(eng/provision-restic.sh --canary)
  echo "== canary: Debian sid ships restic $(cut -f 1 <<<"$line")"
  build
  mkdir -p artifacts/test-logs
  restic_sections <<<"$line" || status=1
  echo "canary: restic $(cut -f 1 <<<"$line"): $passed passed, $failed failed, $skipped skipped"
  return $status
}

case "${1:-}" in
  demo) demo ;;
  test) test_all ;;
  canary) canary ;;
  pack) build && pack ;;
  aot) aot ;;
  console) shift; exec eng/console-demo.sh "$@" ;;
  *) echo "usage: ./build.sh demo|test|canary|pack|aot|console" >&2; exit 2 ;;
esac
