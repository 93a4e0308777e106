#!/usr/bin/env bash
# End-to-end benchmark: Restic.Net against restic itself, whole process against whole process, in one
# interleaved run (see docs/benchmarks.md). The 200,000-file repository is built on the first run and
# kept in artifacts/e2e (ignored by git); delete that folder to rebuild it.
#   eng/benchmark-e2e.sh [samples]        restic: RESTIC_NET_RESTIC_BINARY, else .tools' 0.18.0, else PATH
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
if [ -z "${RESTIC_NET_RESTIC_BINARY:-}" ]; then
  if [ -x .tools/restic-0.18.0/usr/bin/restic ]; then
    RESTIC_NET_RESTIC_BINARY="$PWD/.tools/restic-0.18.0/usr/bin/restic"
  else
    RESTIC_NET_RESTIC_BINARY="$(command -v restic)"
  fi
fi
export RESTIC_NET_RESTIC_BINARY
[ -x /usr/bin/time ] || { echo "benchmark-e2e.sh: GNU time (/usr/bin/time) is needed for peak RSS" >&2; exit 1; }

dotnet build benchmarks/Restic.Net.Benchmarks -c Release -nologo -clp:NoSummary -v:q
# The apphost, not dotnet run: every child process must start the way an application would.
exec benchmarks/Restic.Net.Benchmarks/bin/Release/net10.0/Restic.Net.Benchmarks e2e "$PWD/artifacts/e2e" "${1:-5}"
