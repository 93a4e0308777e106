#!/usr/bin/env bash
# Provisions the storage servers the integration tests start on 127.0.0.1, without changing the system:
#   .tools/rest-server/usr/bin/restic-rest-server   restic's REST server (Debian 13 package)
#   .tools/openssh/usr/sbin/sshd                     OpenSSH's sshd for the SFTP tests (Debian 12), run unprivileged
#   .tools/rclone/usr/bin/rclone                     rclone (Debian 12): the rclone backend and `rclone serve restic`
#   .tools/moto                                      the moto S3 server (Debian 13 python3-moto + Debian 12 dependencies)
#   .tools/s3rver                                    the s3rver S3 server (npm), run over HTTPS
#   .tools/postgresql/usr/lib/postgresql/15/bin      PostgreSQL 15 (Debian 12) for the web API sample's state tests
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

# apt_unpack_many TARGET SUITE PACKAGE...: downloads several packages of SUITE and unpacks them all into TARGET.
apt_unpack_many() {
  local target=$1 suite=$2 package deb
  shift 2
  apt_prepare
  rm -rf "$target.partial"
  mkdir -p "$target.partial"
  for package in "$@"; do
    echo "provision: fetching $package from $suite" >&2
    rm -f "$apt_dir/debs/${package}"_*.deb
    (cd "$apt_dir/debs" && apt_private -qq download "$package/$suite" >&2) \
      || die "apt-get download $package/$suite failed"
    deb=$(ls "$apt_dir/debs/${package}"_*.deb 2>/dev/null | head -n 1)
    [ -n "$deb" ] || die "the $package package was not downloaded"
    dpkg -x "$deb" "$target.partial"
  done
}

# OpenSSH's sshd (Debian 12), run unprivileged by the SFTP tests; libwrap0 is not installed system-wide,
# so the tests set LD_LIBRARY_PATH to .tools/openssh/usr/lib/x86_64-linux-gnu.
#   .tools/openssh/usr/sbin/sshd
if [ ! -x "$tools/openssh/usr/sbin/sshd" ]; then
  apt_unpack_many "$tools/openssh" bookworm openssh-server openssh-sftp-server libwrap0
  rm -rf "$tools/openssh" && mv "$tools/openssh.partial" "$tools/openssh"
fi
LD_LIBRARY_PATH="$tools/openssh/usr/lib/x86_64-linux-gnu" "$tools/openssh/usr/sbin/sshd" -V 2>&1 | grep -q OpenSSH \
  || die "the unpacked sshd does not run"
command -v ssh >/dev/null || die "an ssh client is required on PATH for the SFTP tests (openssh-client)"

# rclone (Debian 12): the rclone backend and `rclone serve restic`.
#   .tools/rclone/usr/bin/rclone
if [ ! -x "$tools/rclone/usr/bin/rclone" ]; then
  apt_unpack rclone bookworm "$tools/rclone"
fi
"$tools/rclone/usr/bin/rclone" version >/dev/null 2>&1 || die "the unpacked rclone does not run"

# moto, an S3 server in Python: not in Debian 12, so Debian 13's pure-Python python3-moto with its
# dependencies from Debian 12, run by the system's /usr/bin/python3 (3.11) with PYTHONPATH set.
#   .tools/moto/usr/lib/python3/dist-packages
if [ ! -f "$tools/moto/.complete" ]; then
  [ -x /usr/bin/python3 ] || die "/usr/bin/python3 is required for the S3 (moto) tests"
  apt_unpack_many "$tools/moto" bookworm python3-asgiref python3-tz python3-dateutil python3-jmespath \
    python3-urllib3 python3-certifi python3-charset-normalizer python3-idna python3-chardet python3-requests \
    python3-botocore python3-s3transfer python3-boto3 python3-colorama python3-click python3-dotenv \
    python3-itsdangerous python3-markupsafe python3-jinja2 python3-werkzeug python3-flask python3-flask-cors \
    python3-responses python3-antlr4 python3-xmltodict python3-cryptography python3-cffi-backend python3-yaml python3-six
  mv "$tools/moto.partial" "$tools/moto.deps"
  apt_unpack python3-moto trixie "$tools/moto.trixie"
  cp -a "$tools/moto.trixie/." "$tools/moto.deps/"
  rm -rf "$tools/moto.trixie" "$tools/moto"
  mv "$tools/moto.deps" "$tools/moto"
  touch "$tools/moto/.complete"
fi
PYTHONPATH="$tools/moto/usr/lib/python3/dist-packages" /usr/bin/python3 -W ignore -c 'import moto.server' \
  || die "the unpacked moto does not import with /usr/bin/python3"

# s3rver (npm), an S3 server in node; the tests run it over HTTPS (over plain http it stores restic's aws-chunked
# uploads with their chunk framing, which corrupts the repository).
#   .tools/s3rver/node_modules/.bin/s3rver
if [ ! -x "$tools/s3rver/node_modules/.bin/s3rver" ]; then
  command -v npm >/dev/null || die "npm (and node) are required for the S3 over HTTPS (s3rver) tests"
  echo "provision: installing s3rver from npm" >&2
  rm -rf "$tools/s3rver.partial"
  npm install --no-audit --no-fund --silent --prefix "$tools/s3rver.partial" s3rver@3.7.1 >&2 || die "npm install s3rver@3.7.1 failed"
  rm -rf "$tools/s3rver"
  mv "$tools/s3rver.partial" "$tools/s3rver"
fi
command -v openssl >/dev/null || die "openssl is required to make the test certificate for s3rver"

# PostgreSQL 15 (Debian 12): the web API sample's state database in its PostgreSQL tests. The tests run
# initdb and postgres on 127.0.0.1 with a free port (as nobody when they run as root: postgres refuses root).
#   .tools/postgresql/usr/lib/postgresql/15/bin/{initdb,postgres}
if [ ! -x "$tools/postgresql/usr/lib/postgresql/15/bin/postgres" ]; then
  apt_unpack_many "$tools/postgresql" bookworm postgresql-15 postgresql-client-15 libpq5
  rm -rf "$tools/postgresql" && mv "$tools/postgresql.partial" "$tools/postgresql"
fi
"$tools/postgresql/usr/lib/postgresql/15/bin/postgres" --version | grep -q "PostgreSQL" || die "the unpacked postgres does not run"
command -v setpriv >/dev/null || die "setpriv (util-linux) is required to run postgres unprivileged when the tests run as root"
