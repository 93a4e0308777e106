#!/usr/bin/env bash
# The web console in headless Chromium against the 200k-file snapshot of the end-to-end repository (docs/benchmarks.md,
# "Web console"): the first folder after a cold start, then each further folder at the median and 95th percentile,
# beside restic ls of one folder as a whole process.
#   eng/benchmark-console.sh [folders]     restic: RESTIC_NET_RESTIC_BINARY, else .tools' 0.19.1, else PATH
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
eng/provision-browser.sh
dotnet build samples/Restic.Net.Samples.WebApi -c Release -nologo -clp:NoSummary -v:q
dotnet build benchmarks/Restic.Net.Benchmarks -c Release -nologo -clp:NoSummary -v:q
exec benchmarks/Restic.Net.Benchmarks/bin/Release/net10.0/Restic.Net.Benchmarks console "$PWD/artifacts/e2e" "${1:-40}"
