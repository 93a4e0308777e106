#!/usr/bin/env bash
# GET /snapshots of the web API sample under load (docs/benchmarks.md, "Web API"): a repository with 50 snapshots,
# the sample started as its README shows (Kestrel on 127.0.0.1, SQLite state), then the benchmarks' http mode.
#   eng/benchmark-webapi.sh [seconds] [concurrency]     restic: RESTIC_NET_RESTIC_BINARY, else the newest in .tools
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
seconds=${1:-10} concurrency=${2:-8}
restic=${RESTIC_NET_RESTIC_BINARY:-$(eng/provision-restic.sh --print | awk -F '\t' 'NR == 1 { print $2 }')}

work=$(mktemp -d)
server=
cleanup() { [ -n "$server" ] && kill "$server" 2>/dev/null; wait 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT
mkdir -p "$work/state" "$work/files/src"
openssl rand -hex 16 >"$work/state/password"
for i in $(seq 1 40); do printf 'file %s\n' "$i" >"$work/files/src/f$i.txt"; done
export RESTIC_REPOSITORY="$work/files/repo" RESTIC_PASSWORD_FILE="$work/state/password" RESTIC_CACHE_DIR="$work/state/cache"
"$restic" init -q
echo "== 50 snapshots ($("$restic" version | cut -d' ' -f2))"
for i in $(seq 1 50); do
  printf 'change %s\n' "$i" >"$work/files/src/changing.txt"
  "$restic" backup -q --tag "run$i" "$work/files/src"
done
unset RESTIC_REPOSITORY RESTIC_PASSWORD_FILE RESTIC_CACHE_DIR

dotnet build samples/Restic.Net.Samples.WebApi -c Release -nologo -v:q -clp:NoSummary
dotnet build benchmarks/Restic.Net.Benchmarks -c Release -nologo -v:q -clp:NoSummary
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
key=$(openssl rand -hex 24)
hash=$(printf %s "$key" | sha256sum | cut -d' ' -f1)
dotnet samples/Restic.Net.Samples.WebApi/bin/Release/net10.0/Restic.Net.Samples.WebApi.dll --urls "http://127.0.0.1:$port" \
  --Restic:BinaryPath="$restic" --Restic:AllowedRoots:0="$work/files" --Restic:CacheDirectory="$work/state/cache" \
  --Restic:Repositories:bench:Location="$work/files/repo" --Restic:Repositories:bench:PasswordFile="$work/state/password" \
  --State:ConnectionString="Data Source=$work/state/state.db" --DataProtection:KeysDirectory="$work/state/keys" \
  --Logging:LogLevel:Default=Warning \
  --Authentication:ApiKeys:0:Name=bench --Authentication:ApiKeys:0:Sha256="$hash" --Authentication:ApiKeys:0:Roles:0=viewer \
  >"$work/server.log" 2>&1 &
server=$!
for _ in $(seq 1 100); do
  curl -fsS -o /dev/null -H "X-Api-Key: $key" "http://127.0.0.1:$port/api/v1/backups/restic/repositories" 2>/dev/null && break
  sleep 0.2
done
count=$(curl -fsS -H "X-Api-Key: $key" "http://127.0.0.1:$port/api/v1/backups/restic/snapshots?repository=bench" | python3 -c 'import json, sys; print(json.load(sys.stdin)["count"])')
echo "== GET /snapshots ($count snapshots), $concurrency connections, $seconds s, after a warm-up"
# The password comes from the registered PasswordFile: no token needed (an empty header is ignored).
benchmarks/Restic.Net.Benchmarks/bin/Release/net10.0/Restic.Net.Benchmarks http \
  "http://127.0.0.1:$port/api/v1/backups/restic/snapshots?repository=bench" "$key" "" "$seconds" "$concurrency"
