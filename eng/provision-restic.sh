#!/usr/bin/env bash
# Provisions the restic binaries the tests run against, without changing the system:
#   .tools/restic-0.18.0/usr/bin/restic   from the Debian 13 (trixie) package
#   .tools/restic-0.14.0/usr/bin/restic   from the Debian 12 (bookworm) package
# Packages are fetched with `apt-get download` through a private apt configuration (eng/apt-private.sh)
# and unpacked with `dpkg -x`. Idempotent: a version that is already unpacked is not fetched again.
#
# Usage: eng/provision-restic.sh            provisions both versions
#        eng/provision-restic.sh --print    prints "version<TAB>binary" lines only (after provisioning)
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
tools="$root/.tools"
die() { printf 'provision-restic: %s\n' "$*" >&2; exit 1; }
# shellcheck source=eng/apt-private.sh
. "$root/eng/apt-private.sh"

# upstream version, Debian suite that ships it
versions=(
  "0.18.0 trixie"
  "0.14.0 bookworm"
)

binary_of() { printf '%s/restic-%s/usr/bin/restic' "$tools" "$1"; }

for line in "${versions[@]}"; do
  read -r v suite <<<"$line"
  target="$tools/restic-$v"
  [ -x "$target/usr/bin/restic" ] && continue
  # Debian rebuilds (0.18.0-1+b4) change the package version, not restic's: pin the suite, check the version.
  apt_unpack restic "$suite" "$target"
  "$target/usr/bin/restic" version | grep -q "^restic $v " || { rm -rf "$target"; die "the $suite package is not restic $v"; }
done

if [ "${1:-}" = "--print" ]; then
  for line in "${versions[@]}"; do
    read -r v _ <<<"$line"
    printf '%s\t%s\n' "$v" "$(binary_of "$v")"
  done
fi
