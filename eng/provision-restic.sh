#!/usr/bin/env bash
# Provisions the restic binaries the tests run against, without changing the system:
#   .tools/restic-0.19/usr/bin/restic     the 0.19 series (0.19.1) from Debian forky (testing)
#   .tools/restic-0.18.0/usr/bin/restic   from the Debian 13 (trixie) package
#   .tools/restic-0.14.0/usr/bin/restic   from the Debian 12 (bookworm) package
# Packages are fetched with `apt-get download` through a private apt configuration (eng/apt-private.sh)
# and unpacked with `dpkg -x`. Idempotent: a version that is already unpacked is not fetched again.
#
# forky is Debian's testing suite and moves on. The 0.19 series is pinned: a newer 0.19.x patch release
# is accepted (with a line saying so); any other version fails with a message on how to move the pin.
#
# Usage: eng/provision-restic.sh            provisions every pinned version
#        eng/provision-restic.sh --print    prints "version<TAB>binary" lines only (after provisioning),
#                                           newest first; the version is the one the binary reports
#        eng/provision-restic.sh --canary   provisions whatever restic Debian sid ships now (no pin,
#                                           fetched anew each time) and prints "version<TAB>binary"
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
tools="$root/.tools"
die() { printf 'provision-restic: %s\n' "$*" >&2; exit 1; }
# shellcheck source=eng/apt-private.sh
. "$root/eng/apt-private.sh"

# pin, Debian suite that ships it, the version last checked (= pin for an exact pin).
# A pin of two components (0.19) is a series: any 0.19.x from the suite is accepted.
pins=(
  "0.19 forky 0.19.1"
  "0.18.0 trixie 0.18.0"
  "0.14.0 bookworm 0.14.0"
)

binary_of() { printf '%s/restic-%s/usr/bin/restic' "$tools" "$1"; }

# The version an unpacked binary reports ("restic 0.19.1 compiled with go1.24 on linux/amd64").
version_of() { "$1" version 2>/dev/null | awk '$1 == "restic" { print $2; exit }'; }

# 0 when $1 is a newer x.y.z than $2.
newer() { [ "$1" != "$2" ] && [ "$(printf '%s\n%s\n' "$1" "$2" | sort -V | tail -n 1)" = "$1" ]; }

provision_pin() {
  local pin=$1 suite=$2 checked=$3 target binary version
  target="$tools/restic-$pin"
  binary=$(binary_of "$pin")
  [ -x "$binary" ] && return 0
  # Debian rebuilds (0.18.0-1+b4) change the package version, not restic's: pin the suite, check the version.
  apt_unpack restic "$suite" "$target"
  version=$(version_of "$binary")
  case "$pin" in
    *.*.*)
      [ "$version" = "$pin" ] && return 0
      rm -rf "$target"
      die "the $suite package is restic ${version:-of unknown version}, not $pin" ;;
    *)
      if [ "${version%.*}" != "$pin" ]; then
        rm -rf "$target"
        die "Debian $suite no longer ships restic $pin.x (it ships ${version:-an unknown version}). Move the pin in" \
          "eng/provision-restic.sh: set the '$pin $suite' line to a suite that still ships $pin.x (sid, or the Debian" \
          "release that froze it), or to the new series once './build.sh canary' passes against it, and add the new" \
          "version to docs/compatibility.md."
      fi
      if newer "$version" "$checked"; then
        echo "provision-restic: Debian $suite ships restic $version, newer than $checked that the suite was last checked against; accepted (the $pin series is pinned)" >&2
      fi ;;
  esac
}

canary() {
  local target="$tools/restic-canary" binary version
  # sid moves daily: always fetch the lists and the package anew.
  rm -f "$apt_dir/.updated"
  apt_unpack restic sid "$target"
  binary="$target/usr/bin/restic"
  version=$(version_of "$binary")
  [ -n "$version" ] || die "the restic from sid does not run"
  printf '%s\t%s\n' "$version" "$binary"
}

if [ "${1:-}" = "--canary" ]; then
  canary
  exit 0
fi

for line in "${pins[@]}"; do
  read -r pin suite checked <<<"$line"
  provision_pin "$pin" "$suite" "$checked"
done

if [ "${1:-}" = "--print" ]; then
  for line in "${pins[@]}"; do
    read -r pin _ _ <<<"$line"
    printf '%s\t%s\n' "$(version_of "$(binary_of "$pin")")" "$(binary_of "$pin")"
  done
fi
