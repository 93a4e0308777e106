#!/usr/bin/env bash
# Records real restic output (stdout, stderr, exit code) into
#   tests/Restic.Net.Tests/TestData/restic-<version>/NAME.{stdout,stderr,exitcode}
# for every scenario below, using the binaries provisioned by eng/provision-restic.sh.
#
# Usage: eng/record-fixtures.sh             records all provisioned versions (0.18.0, 0.14.0)
#        eng/record-fixtures.sh 0.14.0      records one version only
#
# Everything happens under the fixed work directory /tmp/restic-fixtures (wiped at the start of
# every version), so the absolute paths printed by restic are stable and never contain the
# location of this repository. Each run uses exactly this environment and an empty stdin:
#   env -i PATH=/usr/bin:/bin HOME=$work/home RESTIC_PASSWORD=... RESTIC_CACHE_DIR=$work/cache \
#          RESTIC_PROGRESS_FPS=<n>
# Must run as root: the partial-backup scenario drops to uid/gid 65534 with setpriv so that
# chmod 000 files are really unreadable.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
testdata="$root/tests/Restic.Net.Tests/TestData"
work=/tmp/restic-fixtures
password=fixture-password
nobody=65534

# deterministic pseudo-random data: AES-256-CTR keystream with a fixed key/iv
key=000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f

die() { printf 'record-fixtures: %s\n' "$*" >&2; exit 1; }
log() { printf 'record-fixtures: %s\n' "$*" >&2; }

[ "$(id -u)" = 0 ] || die "must run as root (needs setpriv/chown for the backup-partial scenario)"
for tool in setpriv openssl timeout; do
  command -v "$tool" >/dev/null || die "missing tool: $tool"
done

umask 022

# random_bytes SIZE IV > file
random_bytes() {
  head -c "$1" /dev/zero | openssl enc -aes-256-ctr -nosalt -K "$key" -iv "$2"
}

# The environment every restic process gets. Variables (set per call as prefix assignments):
#   FPS  RESTIC_PROGRESS_FPS (default 2)    PW  password (default $password)
#   HOME_DIR / CACHE_DIR  override HOME / RESTIC_CACHE_DIR
#   AS_NOBODY=1  run restic as uid/gid 65534 through setpriv
restic_cmd() {
  local -a cmd=(env -i PATH=/usr/bin:/bin "HOME=${HOME_DIR:-$work/home}" "RESTIC_PASSWORD=${PW:-$password}"
    "RESTIC_CACHE_DIR=${CACHE_DIR:-$work/cache}" "RESTIC_PROGRESS_FPS=${FPS:-2}")
  if [ "${AS_NOBODY:-0}" = 1 ]; then
    cmd+=(setpriv "--reuid=$nobody" "--regid=$nobody" --clear-groups)
  fi
  "${cmd[@]}" "$restic" "$@"
}

# run NAME ARGS... : records one scenario
run() {
  local name=$1 rc=0
  shift
  restic_cmd "$@" </dev/null >"$out/$name.stdout" 2>"$out/$name.stderr" || rc=$?
  printf '%d\n' "$rc" >"$out/$name.exitcode"
  log "  $name: exit $rc"
}

# run_stdin NAME FILE ARGS... : records one scenario with FILE as restic's stdin
run_stdin() {
  local name=$1 input=$2 rc=0
  shift 2
  restic_cmd "$@" <"$input" >"$out/$name.stdout" 2>"$out/$name.stderr" || rc=$?
  printf '%d\n' "$rc" >"$out/$name.exitcode"
  log "  $name: exit $rc"
}

# since VERSION : true when the recorded restic is VERSION or newer
since() { [ "$(printf '%s\n%s\n' "$1" "$version" | sort -V | head -n 1)" = "$1" ]; }

# json_ids FILE KEY : the values of "KEY":"<hex>" in a recorded output, one per line
json_ids() { grep -o "\"$2\":\"[0-9a-f]*\"" "$1" | cut -d '"' -f 4; }

# setup ARGS... : an unrecorded helper call that must succeed
setup() {
  restic_cmd "$@" </dev/null >>"$work/setup.log" 2>&1 || die "setup command failed: restic $* (see $work/setup.log)"
}

make_source() {
  local src=$1 i j
  mkdir -p "$src/docs" "$src/data" "$src/dup" "$src/big" "$src/names" "$src/empty"
  printf 'Restic.Net fixture source tree\n' >"$src/README.txt"
  for i in $(seq -w 1 20); do
    for j in $(seq 1 "$((10#$i * 5))"); do printf 'note %s line %d: lorem ipsum dolor sit amet\n' "$i" "$j"; done >"$src/docs/note-$i.txt"
  done
  for i in $(seq -w 1 10); do
    for j in $(seq 1 200); do printf '%s,%d,%d,value-%d\n' "$i" "$j" "$((j * 10#$i))" "$((j % 7))"; done >"$src/data/record-$i.csv"
  done
  # identical content -> deduplicated blobs
  for i in 1 2 3; do
    random_bytes 300000 00000000000000000000000000000001 >"$src/dup/copy-$i.bin"
  done
  cp "$src/docs/note-05.txt" "$src/dup/note-05-copy.txt"
  # one larger file so backup/restore emit several status lines
  random_bytes $((32 * 1024 * 1024)) 00000000000000000000000000000002 >"$src/big/random.bin"
  # names exercising JSON escaping (<, >, &), spaces and non-ASCII
  printf 'angle & amp\n' >"$src/names/a&b <c>.txt"
  printf 'space\n' >"$src/names/with space.txt"
  printf 'unicode\n' >"$src/names/$(printf 'gr\303\274\303\237e')-caf$(printf '\303\251').txt"
  : >"$src/empty-file.txt"
  ln -s docs/note-01.txt "$src/link-to-note"
  find "$src" -exec touch -h -d '2024-01-02 03:04:05' {} +
}

# Scenarios of the wider command surface (stdin, tags, keys, copy, rewrite, repair, cache), each on
# its own copy of the repository so that the scenarios above keep their state.
record_surface() {
  local base=$work/repo copy rc

  # --- backup from stdin --------------------------------------------------------------------
  setup -r "$work/repo-stdin" init
  printf 'CREATE TABLE t (id int);\nINSERT INTO t VALUES (1);\n' >"$work/stdin-data.sql"
  run_stdin backup-stdin "$work/stdin-data.sql" -r "$work/repo-stdin" backup --json --host fixture-host --stdin --stdin-filename dump.sql
  if since 0.17.0; then
    run backup-stdin-command -r "$work/repo-stdin" backup --json --host fixture-host --stdin-from-command --stdin-filename cmd.txt -- sh -c 'printf "from a command\n"'
    run backup-stdin-command-failed -r "$work/repo-stdin" backup --json --host fixture-host --stdin-from-command --stdin-filename failed.txt -- sh -c 'printf partial; exit 3'
  fi

  # --- tags ---------------------------------------------------------------------------------
  copy=$work/repo-tags
  cp -a "$base" "$copy"
  # tag replaces the snapshots it changes: set by id first, while the recorded id still exists
  run tag-set-id -r "$copy" tag --json --set one --set two "$(json_ids "$out/snapshots.stdout" id | tail -n 1)"
  run tag-add -r "$copy" tag --json --host fixture-host --add extra
  run tag-remove-none -r "$copy" tag --json --remove no-such-tag

  # --- keys ---------------------------------------------------------------------------------
  copy=$work/repo-keys
  cp -a "$base" "$copy"
  printf 'second-password\n' >"$work/second-password"
  printf 'third-password\n' >"$work/third-password"
  run key-list -r "$copy" key list --json
  run key-add -r "$copy" key add --json --new-password-file "$work/second-password" --user fixture-user --host fixture-host
  run key-list-two -r "$copy" key list --json
  run key-remove -r "$copy" key remove --json "$(grep -o '"current":false,"id":"[0-9a-f]*"' "$out/key-list-two.stdout" | cut -d '"' -f 6)"
  run key-remove-current -r "$copy" key remove --json "$(grep -o '"current":true,"id":"[0-9a-f]*"' "$out/key-list-two.stdout" | cut -d '"' -f 6)"
  run key-passwd -r "$copy" key passwd --json --new-password-file "$work/third-password"
  PW=third-password run key-list-after-passwd -r "$copy" key list --json

  # --- copy to a repository with another password -------------------------------------------
  copy=$work/repo-copy
  PW=copy-password setup -r "$copy" init
  printf '%s\n' "$password" >"$work/source-password"
  PW=copy-password run copy -r "$copy" copy --json -v --from-repo "$base" --from-password-file "$work/source-password"
  PW=copy-password run copy-again -r "$copy" copy --json -v --from-repo "$base" --from-password-file "$work/source-password"

  # --- rewrite (0.15+) ------------------------------------------------------------------------
  if since 0.15.0; then
    copy=$work/repo-rewrite
    cp -a "$base" "$copy"
    run rewrite-dry-run -r "$copy" rewrite --json --dry-run --exclude "$work/src/docs/note-01.txt"
    run rewrite -r "$copy" rewrite --json --exclude "$work/src/docs/note-01.txt"
    run rewrite-forget -r "$copy" rewrite --json --forget --exclude "$work/src/dup"
    run rewrite-nothing -r "$copy" rewrite --json --exclude "$work/no-such-path"
  fi

  # --- repair (0.16+; rebuild-index before) --------------------------------------------------
  copy=$work/repo-repair
  cp -a "$base" "$copy"
  if since 0.16.0; then
    run repair-index -r "$copy" repair index --json
    run repair-snapshots-dry-run -r "$copy" repair snapshots --json --dry-run
    run repair-snapshots -r "$copy" repair snapshots --json --forget
  else
    run repair-index -r "$copy" rebuild-index --json
  fi

  # --- cache (no repository) ------------------------------------------------------------------
  run cache -r "$base" cache --json
  run cache-cleanup -r "$base" cache --json --cleanup --max-age 1000
  run cache-cleanup-all -r "$base" cache --json --cleanup --max-age 0
}

record_version() {
  local version=$1
  restic=$(awk -F '\t' -v v="$version" '$1 == v { print $2 }' <<<"$binaries")
  [ -n "$restic" ] && [ -x "$restic" ] || die "no restic binary for version $version"
  out="$testdata/restic-$version"
  log "restic $version ($restic) -> $out"

  rm -rf "$work" "$out"
  mkdir -p "$work/home" "$work/cache" "$out"
  cd "$work"
  : >"$work/setup.log"

  local src=$work/src repo=$work/repo
  make_source "$src"
  mkdir -p "$work/big-src"
  random_bytes $((300 * 1024 * 1024)) 00000000000000000000000000000003 >"$work/big-src/random-300M.bin"

  local v14=0
  case "$version" in 0.14.*) v14=1 ;; esac

  # --- version / init / empty repo --------------------------------------------------------
  run version version --json
  run init -r "$repo" init --json
  run snapshots-empty -r "$repo" snapshots --json

  # --- backups ------------------------------------------------------------------------------
  FPS=30 run backup -r "$repo" backup --json -v --tag fixture --host fixture-host "$src"

  # modify two files, add one
  printf 'modified line\n' >>"$src/docs/note-02.txt"
  sed -i 's/value-3/value-three/' "$src/data/record-03.csv"
  for j in $(seq 1 50); do printf 'new note line %d\n' "$j"; done >"$src/docs/note-new.txt"
  touch -d '2024-02-01 12:00:00' "$src/docs/note-02.txt" "$src/data/record-03.csv" "$src/docs/note-new.txt"

  FPS=30 run backup-dry-run -r "$repo" backup --json --dry-run --tag fixture --host fixture-host "$src"
  FPS=30 run backup-incremental -r "$repo" backup --json --tag fixture --host fixture-host "$src"

  # --- listing ------------------------------------------------------------------------------
  run snapshots -r "$repo" snapshots --json
  run snapshots-group-by-host -r "$repo" snapshots --json --group-by host

  # --- browsing: config, ls, find, diff, dump (read-only) -------------------------------------
  local first second
  first=$(json_ids "$out/backup.stdout" snapshot_id)
  second=$(json_ids "$out/backup-incremental.stdout" snapshot_id)
  run cat-config -r "$repo" cat config --json
  run ls -r "$repo" ls --json latest
  run ls-dir -r "$repo" ls --json latest "$src/docs"
  run ls-recursive -r "$repo" ls --json --recursive latest "$src/names"
  run ls-missing-snapshot -r "$repo" ls --json deadbeef
  run find -r "$repo" find --json 'note-0*.txt' 'record-01.csv'
  run find-none -r "$repo" find --json 'no-such-file-*'
  run diff -r "$repo" diff --json "$first" "$second"
  run diff-metadata -r "$repo" diff --json --metadata "$first" "$second"
  run dump -r "$repo" dump --json latest "$src/docs/note-02.txt"
  run dump-missing -r "$repo" dump --json latest "$src/no-such-file"

  # --- restore ------------------------------------------------------------------------------
  FPS=30 run restore -r "$repo" restore latest --json --target "$work/restore/full"
  run restore-include -r "$repo" restore latest --json --target "$work/restore/include" --include "$src/docs/note-01.txt"
  run restore-verify -r "$repo" restore latest --json --target "$work/restore/verify" --verify

  # --- stats --------------------------------------------------------------------------------
  run stats -r "$repo" stats --json
  run stats-raw-data -r "$repo" stats --json --mode raw-data
  run stats-files-by-contents -r "$repo" stats --json --mode files-by-contents
  run stats-blobs-per-file -r "$repo" stats --json --mode blobs-per-file

  # --- check --------------------------------------------------------------------------------
  run check -r "$repo" check --json
  run check-read-data -r "$repo" check --json --read-data
  run check-read-data-subset -r "$repo" check --json --read-data-subset 1/2

  cp -a "$repo" "$work/repo-corrupt"
  local pack size
  pack=$(cd "$work/repo-corrupt" && find data -type f -printf '%s %p\n' | sort -k1,1nr -k2,2 | head -n 1 | cut -d ' ' -f 2)
  size=$(stat -c %s "$work/repo-corrupt/$pack")
  printf 'CORRUPTED-BY-RECORD-FIXTURES----%.0s' $(seq 1 8) |
    dd of="$work/repo-corrupt/$pack" bs=1 seek=$((size / 2)) conv=notrunc status=none
  run check-corrupt -r "$work/repo-corrupt" check --json --read-data

  # --- partial backup (exit 3) as uid 65534 -------------------------------------------------
  local p=$work/partial
  mkdir -p "$p/home" "$p/cache" "$p/src/locked-dir"
  printf 'readable 1\n' >"$p/src/readable-1.txt"
  printf 'readable 2\n' >"$p/src/readable-2.txt"
  printf 'secret\n' >"$p/src/unreadable.txt"
  printf 'hidden\n' >"$p/src/locked-dir/inner.txt"
  find "$p/src" -exec touch -h -d '2024-01-02 03:04:05' {} +
  chown -R "$nobody:$nobody" "$p"
  chmod 000 "$p/src/unreadable.txt" "$p/src/locked-dir"
  AS_NOBODY=1 HOME_DIR="$p/home" CACHE_DIR="$p/cache" setup -r "$p/repo" init
  AS_NOBODY=1 HOME_DIR="$p/home" CACHE_DIR="$p/cache" \
    run backup-partial -r "$p/repo" backup --json --tag fixture --host fixture-host "$p/src"

  # --- forget / prune -----------------------------------------------------------------------
  setup -r "$repo" backup --json --tag fixture --host fixture-host --time "2020-01-01 10:00:00" "$src"
  setup -r "$repo" backup --json --tag fixture --host fixture-host --time "2021-06-01 10:00:00" "$src"
  run forget-dry-run -r "$repo" forget --json --keep-last 1 --dry-run
  run forget-no-policy -r "$repo" forget --json
  run forget -r "$repo" forget --json --keep-daily 7 --keep-weekly 4 --keep-monthly 6 --keep-yearly 2
  run prune-dry-run -r "$repo" prune --json --dry-run
  run prune -r "$repo" prune --json

  # --- unlock without locks -----------------------------------------------------------------
  run unlock -r "$repo" unlock --json

  # --- failures -----------------------------------------------------------------------------
  PW=wrong-password run wrong-password -r "$repo" snapshots --json
  run repo-missing -r "$work/no-repo-here" snapshots --json
  run init-existing -r "$repo" init --json
  run backup-missing-source -r "$repo" backup --json --host fixture-host "$work/does-not-exist"

  # --- stale lock: SIGKILL a backup while it holds its lock ---------------------------------
  local pid i
  # Not through restic_cmd: a backgrounded shell function is a subshell, and $! would be its pid,
  # not restic's (env execs restic, so here $! is restic itself).
  env -i PATH=/usr/bin:/bin "HOME=$work/home" "RESTIC_PASSWORD=$password" "RESTIC_CACHE_DIR=$work/cache" RESTIC_PROGRESS_FPS=2 \
    "$restic" -r "$repo" backup --json --host fixture-host "$work/big-src" </dev/null >/dev/null 2>&1 &
  pid=$!
  for i in $(seq 1 300); do
    [ -n "$(ls -A "$repo/locks" 2>/dev/null)" ] && break
    sleep 0.05
  done
  sleep 0.3
  kill -KILL "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  [ -n "$(ls -A "$repo/locks")" ] || die "no stale lock left in $repo/locks"
  run list-locks -r "$repo" list locks --json
  [ -s "$out/list-locks.stdout" ] || die "list locks shows no lock"
  run cat-lock -r "$repo" cat lock --json --no-lock "$(head -n 1 "$out/list-locks.stdout")"
  run locked -r "$repo" forget --json --keep-last 1
  run unlock-stale -r "$repo" unlock --json --remove-all

  # --- SIGINT during backup -----------------------------------------------------------------
  setup -r "$work/repo-cancel" init
  local rc=0
  timeout --preserve-status -k 60 -s INT 1.5 \
    env -i PATH=/usr/bin:/bin "HOME=$work/home" "RESTIC_PASSWORD=$password" "RESTIC_CACHE_DIR=$work/cache" \
    RESTIC_PROGRESS_FPS=10 "$restic" -r "$work/repo-cancel" backup --json --host fixture-host "$work/big-src" \
    </dev/null >"$out/cancel-backup.stdout" 2>"$out/cancel-backup.stderr" || rc=$?
  printf '%d\n' "$rc" >"$out/cancel-backup.exitcode"
  log "  cancel-backup: exit $rc"
  run list-locks-after-cancel -r "$work/repo-cancel" list locks --json

  record_surface
  cd /
  log "restic $version done: $(find "$out" -type f | wc -l) files, $(du -sk "$out" | cut -f 1) KiB"
}

binaries=$("$root/eng/provision-restic.sh" --print)
if [ $# -gt 1 ]; then
  die "usage: $0 [version]"
elif [ $# -eq 1 ]; then
  versions=("$1")
else
  mapfile -t versions < <(cut -f 1 <<<"$binaries")
fi

for v in "${versions[@]}"; do
  record_version "$v"
done
# the work directory holds ~700 MB of source data and repositories; KEEP_WORK=1 keeps it
[ "${KEEP_WORK:-0}" = 1 ] || rm -rf "$work"
