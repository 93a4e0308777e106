#!/usr/bin/env bash
# Provisions the storage servers the integration tests start on 127.0.0.1, without changing the system:
#   .tools/rest-server/usr/bin/restic-rest-server   restic's REST server (Debian 13 package)
# Idempotent. The tests find the tools through RESTIC_NET_TEST_TOOLS (the .tools folder), which build.sh sets.
#
# Usage: eng/provision-servers.sh
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
tools="$root/.tools"
die() { printf 'provision-servers: %s\n' "$*" >&2; exit 1; }
# shellcheck source=eng/apt-private.sh
. "$root/eng/apt-private.sh"

if [ ! -x "$tools/rest-server/usr/bin/restic-rest-server" ]; then
  apt_unpack restic-rest-server trixie "$tools/rest-server"
fi
"$tools/rest-server/usr/bin/restic-rest-server" --version >/dev/null 2>&1 || die "the unpacked rest-server does not run"
