#!/usr/bin/env bash
# Native reads as whole processes against restic's, interleaved in one run (see docs/benchmarks.md):
# dump, listing, one folder, find over 50 snapshots, diff. Uses the end-to-end repository in artifacts/e2e
# (built on the first run, with a 1 GiB file snapshot and 50 history snapshots added once).
#   eng/benchmark-whole-process.sh [samples] [row]   restic: RESTIC_NET_RESTIC_BINARY, else .tools' 0.19.1, else PATH
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
if [ -z "${RESTIC_NET_RESTIC_BINARY:-}" ]; then
  if [ -x .tools/restic-0.19/usr/bin/restic ]; then
    RESTIC_NET_RESTIC_BINARY="$PWD/.tools/restic-0.19/usr/bin/restic"
  else
    RESTIC_NET_RESTIC_BINARY="$(command -v restic)"
  fi
fi
export RESTIC_NET_RESTIC_BINARY
[ -x /usr/bin/time ] || { echo "benchmark-whole-process.sh: GNU time (/usr/bin/time) is needed" >&2; exit 1; }

dotnet build benchmarks/Restic.Net.Benchmarks -c Release -nologo -clp:NoSummary -v:q
exec benchmarks/Restic.Net.Benchmarks/bin/Release/net10.0/Restic.Net.Benchmarks whole "$PWD/artifacts/e2e" "${1:-5}" ${2:+"$2"}
