#!/usr/bin/env bash
# Shared by the eng/provision-*.sh scripts: a private apt configuration under .tools/apt whose
# mirror is read from this machine's apt sources, so that nothing names a host and nothing on the
# system changes. Source it after setting $tools.
apt_dir="$tools/apt"

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

# The suites the private lists hold: Debian 12 and 13 for the pinned packages, forky (testing) for
# the restic 0.19 series, sid for the canary (./build.sh canary). All come through the same mirror.
apt_suites="bookworm trixie forky sid"

# Makes the private package lists once; later calls reuse them. Lists made for another set of suites
# (an older checkout's .tools) are made again.
apt_prepare() {
  command -v apt-get >/dev/null || die "apt-get is required (Debian or a derivative)"
  command -v dpkg >/dev/null || die "dpkg is required (Debian or a derivative)"
  [ -f "$apt_dir/.updated" ] && [ "$(cat "$apt_dir/.updated")" = "$apt_suites" ] && return 0
  local mirror keyring=/usr/share/keyrings/debian-archive-keyring.gpg
  mirror=$(find_mirror)
  [ -f "$keyring" ] || die "$keyring is missing: install debian-archive-keyring"
  mkdir -p "$apt_dir/lists/partial" "$apt_dir/cache/archives/partial" "$apt_dir/sources.list.d" "$apt_dir/debs"
  : >"$apt_dir/status"
  local suite
  for suite in $apt_suites; do
    printf 'deb [signed-by=%s] %s %s main\n' "$keyring" "$mirror" "$suite"
  done >"$apt_dir/sources.list"
  echo "provision: updating the private package lists ($apt_suites)" >&2
  apt_private -qq update >&2 || die "apt-get update failed for the mirror read from this machine's apt sources"
  printf '%s' "$apt_suites" >"$apt_dir/.updated"
}

# apt_unpack PACKAGE SUITE TARGET: downloads PACKAGE from SUITE and unpacks it into TARGET (dpkg -x).
apt_unpack() {
  local package=$1 suite=$2 target=$3 deb
  apt_prepare
  echo "provision: fetching $package from $suite" >&2
  rm -f "$apt_dir/debs/${package}"_*.deb
  if ! (cd "$apt_dir/debs" && apt_private -qq download "$package/$suite" >&2); then
    # Lists kept from an earlier run may name a version the mirror no longer has: refresh once.
    rm -f "$apt_dir/.updated"
    apt_prepare
    (cd "$apt_dir/debs" && apt_private -qq download "$package/$suite" >&2) \
      || die "apt-get download $package/$suite failed (is the $suite suite reachable through the mirror?)"
  fi
  deb=$(ls "$apt_dir/debs/${package}"_*.deb 2>/dev/null | head -n 1)
  [ -n "$deb" ] || die "the $package package was not downloaded"
  rm -rf "$target.partial"
  dpkg -x "$deb" "$target.partial"
  rm -rf "$target"
  mv "$target.partial" "$target"
}
