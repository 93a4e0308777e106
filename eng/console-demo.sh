#!/usr/bin/env bash
# Starts the web console (the web API sample's /console) on SQLite with a demo repository, as `./build.sh console`
# documents. Everything lives under artifacts/console-demo, or the folder --folder names (made again on each start; the
# tests give one of their own): a source tree with ordinary and
# hostile file names, a repository of three snapshots made by restic, its password file, the state database and key
# ring. Prints a viewer, an operator and an admin key (new on each start), then serves until Ctrl+C.
#
# Usage: eng/console-demo.sh [--urls URL] [--no-build] [--folder DIR]     (default URL http://127.0.0.1:5080)
#   RESTIC_NET_RESTIC_BINARY   the restic to use (default: the newest one eng/provision-restic.sh unpacked)
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
caller=$PWD
cd "$root"
urls=http://127.0.0.1:5080 build=1 demo="$root/artifacts/console-demo"
while [ $# -gt 0 ]; do
  case "$1" in
    --urls) urls=$2; shift 2 ;;
    --no-build) build=0; shift ;;
    --folder) demo=$(cd "$caller" && realpath -m -- "$2"); shift 2 ;;
    *) echo "console-demo: unknown argument $1" >&2; exit 2 ;;
  esac
done

restic=${RESTIC_NET_RESTIC_BINARY:-}
if [ -z "$restic" ]; then
  eng/provision-restic.sh
  restic=$(eng/provision-restic.sh --print | awk -F '\t' 'NR == 1 { print $2 }')
fi

# The folder is emptied on each start: one that holds anything but an earlier demo is refused, not emptied.
marker=.restic-net-console-demo
if [ "$demo" != "$root/artifacts/console-demo" ] && [ -n "$(ls -A "$demo" 2>/dev/null)" ] && [ ! -f "$demo/$marker" ]; then
  echo "console-demo: $demo is not empty and holds no earlier demo; give an empty or new folder" >&2
  exit 2
fi
rm -rf "$demo"
mkdir -p "$demo"
touch "$demo/$marker"
mkdir -p "$demo/files/src" "$demo/state"
chmod 700 "$demo/state"
src="$demo/files/src"

# The files: a small project, a deep single-child chain, a big folder, and names that are markup, quotes, a newline.
mkdir -p "$src/projects/website/assets" "$src/deep/a/b/c/d/e" "$src/many" "$src/hostile"
printf '# Website\n\nThe demo project.\n' >"$src/projects/website/README.md"
head -c 300000 /dev/urandom >"$src/projects/website/assets/logo.bin"
printf 'body { color: #123; }\n' >"$src/projects/website/assets/site.css"
printf 'at the bottom of a single-child chain\n' >"$src/deep/a/b/c/d/e/found.txt"
for i in $(seq -w 1 600); do printf 'line %s\n' "$i" >"$src/many/file-$i.txt"; done
printf 'markup\n' >"$src/hostile/<script>alert(1)<script>.txt"
printf 'quotes\n' >"$src/hostile/\"quoted\" & 'single'.txt"
printf 'newline\n' >"$src/hostile/two"$'\n'"lines.txt"
printf 'image\n' >"$src/hostile/<img src=x onerror=alert(2)>.txt"

password="$demo/password"
openssl rand -hex 24 >"$password"
chmod 600 "$password"
repo="$demo/files/repository"
export RESTIC_PASSWORD_FILE="$password" RESTIC_REPOSITORY="$repo" RESTIC_CACHE_DIR="$demo/state/cache"
"$restic" init --quiet
"$restic" backup --quiet --host demo-host --tag nightly "$src"
printf '# Website\n\nThe demo project, second edition.\n' >"$src/projects/website/README.md"
"$restic" backup --quiet --host demo-host --tag nightly "$src"
printf '# Website\n\nThe demo project, third edition.\n' >"$src/projects/website/README.md"
"$restic" backup --quiet --host laptop --tag manual "$src"
unset RESTIC_PASSWORD_FILE RESTIC_REPOSITORY RESTIC_CACHE_DIR

key() { openssl rand -hex 16; }
hash() { printf %s "$1" | sha256sum | cut -d' ' -f1; }
viewer=$(key) operator=$(key) admin=$(key)
if [ "$build" = 1 ]; then
  dotnet build samples/Restic.Net.Samples.WebApi -c Release -nologo -clp:NoSummary >/dev/null
fi
cat <<MSG
== Restic.Net console: $urls/console
   viewer key:   $viewer
   operator key: $operator
   admin key:    $admin
   demo files and repository in $demo (made again on every start)
MSG
exec dotnet run --project samples/Restic.Net.Samples.WebApi -c Release --no-build -- --urls "$urls" \
  --Restic:BinaryPath="$restic" \
  --Restic:AllowedRoots:0="$demo/files" \
  --Restic:CacheDirectory="$demo/state/cache" \
  --Restic:Repositories:demo:Location="$repo" \
  --Restic:Repositories:demo:PasswordFile="$password" \
  --State:ConnectionString="Data Source=$demo/state/state.db" \
  --DataProtection:KeysDirectory="$demo/state/keys" \
  --Authentication:ApiKeys:0:Name=viewer --Authentication:ApiKeys:0:Sha256="$(hash "$viewer")" --Authentication:ApiKeys:0:Roles:0=viewer \
  --Authentication:ApiKeys:1:Name=operator --Authentication:ApiKeys:1:Sha256="$(hash "$operator")" --Authentication:ApiKeys:1:Roles:0=operator \
  --Authentication:ApiKeys:2:Name=admin --Authentication:ApiKeys:2:Sha256="$(hash "$admin")" --Authentication:ApiKeys:2:Roles:0=admin
