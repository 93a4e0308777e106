#!/usr/bin/env bash
# Provisions the restic binaries the tests run against, without changing the system:
#   .tools/restic-0.18.0/usr/bin/restic   from the Debian 13 (trixie) package
#   .tools/restic-0.14.0/usr/bin/restic   from the Debian 12 (bookworm) package
# Packages are fetched with `apt-get download` through a private apt configuration (own sources
# list, lists and cache under .tools/apt) whose mirror is read from this machine's apt sources,
# then unpacked with `dpkg -x`. Idempotent: a version that is already unpacked is not fetched again.
#
# Usage: eng/provision-restic.sh            provisions both versions
#        eng/provision-restic.sh --print    prints "version<TAB>binary" lines only (after provisioning)
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
tools="$root/.tools"
apt_dir="$tools/apt"

# upstream version, Debian suite that ships it
versions=(
  "0.18.0 trixie"
  "0.14.0 bookworm"
)

die() { printf 'provision-restic: %s\n' "$*" >&2; exit 1; }

binary_of() { printf '%s/restic-%s/usr/bin/restic' "$tools" "$1"; }

all_present() {
  local line v
  for line in "${versions[@]}"; do
    read -r v _ <<<"$line"
    [ -x "$(binary_of "$v")" ] || return 1
  done
}

# The first Debian archive mirror configured on this machine (deb822 .sources or one-line format).
find_mirror() {
  local f uri=""
  for f in /etc/apt/sources.list.d/*.sources; do
    [ -f "$f" ] || continue
    uri=$(awk '
      /^[[:space:]]*$/ { if (uri != "" && debian && !security) { print uri; exit } uri=""; debian=0; security=0; next }
      /^URIs:/ { uri=$2 }
      /^Suites:/ { for (i = 2; i <= NF; i++) { if ($i ~ /^(bookworm|trixie|stable|testing)$/) debian=1; if ($i ~ /security/) security=1 } }
      END { if (uri != "" && debian && !security) print uri }' "$f" | head -n 1)
    [ -n "$uri" ] && break
  done
  if [ -z "$uri" ] && [ -f /etc/apt/sources.list ]; then
    uri=$(awk '$1 == "deb" && $3 ~ /^(bookworm|trixie|stable)$/ { for (i = 2; i <= NF; i++) if ($i ~ /^[a-z]+:\/\//) { print $i; exit } }' /etc/apt/sources.list | head -n 1)
  fi
  [ -n "$uri" ] || die "no Debian mirror found in /etc/apt/sources.list.d/*.sources or /etc/apt/sources.list"
  printf '%s' "${uri%/}"
}

apt_private() {
  apt-get \
    -o Dir::Etc::SourceList="$apt_dir/sources.list" \
    -o Dir::Etc::SourceParts="$apt_dir/sources.list.d" \
    -o Dir::State::Lists="$apt_dir/lists" \
    -o Dir::State::Status="$apt_dir/status" \
    -o Dir::Cache="$apt_dir/cache" \
    -o Debug::NoLocking=1 \
    -o APT::Sandbox::User=root \
    "$@"
}

provision() {
  command -v apt-get >/dev/null || die "apt-get is required (Debian or a derivative)"
  command -v dpkg >/dev/null || die "dpkg is required (Debian or a derivative)"
  local mirror keyring=/usr/share/keyrings/debian-archive-keyring.gpg
  mirror=$(find_mirror)
  [ -f "$keyring" ] || die "$keyring is missing: install debian-archive-keyring"
  mkdir -p "$apt_dir/lists/partial" "$apt_dir/cache/archives/partial" "$apt_dir/sources.list.d" "$apt_dir/debs"
  : >"$apt_dir/status"
  {
    printf 'deb [signed-by=%s] %s bookworm main\n' "$keyring" "$mirror"
    printf 'deb [signed-by=%s] %s trixie main\n' "$keyring" "$mirror"
  } >"$apt_dir/sources.list"

  echo "provision-restic: updating the private package lists" >&2
  apt_private -qq update >&2 || die "apt-get update failed for the mirror read from this machine's apt sources"

  local line v suite deb target
  for line in "${versions[@]}"; do
    read -r v suite <<<"$line"
    target="$tools/restic-$v"
    [ -x "$target/usr/bin/restic" ] && continue
    echo "provision-restic: fetching restic from $suite" >&2
    # Debian rebuilds (0.18.0-1+b4) change the package version, not restic's: pin the suite.
    (cd "$apt_dir/debs" && apt_private -qq download "restic/$suite" >&2) \
      || die "apt-get download restic/$suite failed (is the $suite suite reachable through the mirror?)"
    deb=$(ls "$apt_dir/debs"/restic_"${v}"-*_*.deb 2>/dev/null | head -n 1)
    [ -n "$deb" ] || die "the $suite package is not restic $v: $(ls "$apt_dir/debs")"
    rm -rf "$target.partial"
    dpkg -x "$deb" "$target.partial"
    mv "$target.partial" "$target"
    "$target/usr/bin/restic" version >&2 || die "the unpacked restic $v does not run"
  done
}

all_present || provision

if [ "${1:-}" = "--print" ]; then
  for line in "${versions[@]}"; do
    read -r v _ <<<"$line"
    printf '%s\t%s\n' "$v" "$(binary_of "$v")"
  done
fi
