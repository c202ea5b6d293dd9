#!/bin/bash
# Measures what following the store costs an idle workstation: the real `fuhe` process in tmux,
# CPU time (utime + stime from /proc/PID/stat) over wall time.
#
#   scripts/idle-follow-cpu.sh [--fuhe .build/release/fuhe] [--seconds 30]
#
# Phase 1: idle, nothing changes in the store (the workstation polls every 300 ms).
# Phase 2: idle, while another process (`fuhe import --replace` of a unit not on screen) commits
#          every 3 s: the workstation reads the feed, reloads the unit list and says who did it.
# Needs tmux. Works in a temporary folder; leaves nothing behind.
set -euo pipefail
FUHE=.build/release/fuhe
SECONDS_IDLE=30
while [ $# -gt 0 ]; do
  case "$1" in
    --fuhe) FUHE=$2; shift 2 ;;
    --seconds) SECONDS_IDLE=$2; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
FUHE=$(cd "$(dirname "$FUHE")" && pwd)/$(basename "$FUHE")
ROOT=$(cd "$(dirname "$0")/.." && pwd)
D=$(mktemp -d)
SOCK="idle-follow-$$"
T="tmux -L $SOCK -f /dev/null"
cleanup() { $T kill-server 2>/dev/null || true; rm -rf "$D"; }
trap cleanup EXIT
export HOME=$D LANG=C.UTF-8
"$FUHE" import --samples --store "$D/s.sqlite" >/dev/null
$T new-session -d -s w -x 100 -y 30 "exec env TERM=screen-256color $FUHE --store $D/s.sqlite --as 王某"
PID=$($T display-message -p -t w '#{pane_pid}')
TICKS=$(getconf CLK_TCK)
cpu() { awk '{ print $14 + $15 }' "/proc/$PID/stat"; }
sleep 2
# A dossier on screen, as a reviewer leaves it.
$T send-keys -t w -l "/heshan"; $T send-keys -t w Enter Enter; sleep 1

measure() {  # $1 = label; runs $2 (a function) in the background meanwhile
  local before after start end
  before=$(cpu); start=$(date +%s.%N)
  if [ -n "${2:-}" ]; then $2 & local job=$!; fi
  sleep "$SECONDS_IDLE"
  if [ -n "${2:-}" ]; then wait "$job"; fi
  after=$(cpu); end=$(date +%s.%N)
  awk -v a="$after" -v b="$before" -v s="$start" -v e="$end" -v t="$TICKS" -v l="$1" \
    'BEGIN { cpu = (a - b) / t; wall = e - s; printf "%-52s %6.2f s CPU in %5.1f s = %.3f %% of a core\n", l, cpu, wall, 100 * cpu / wall }'
}

others() {  # another process commits every 3 s (a unit that is not on screen)
  local n=$((SECONDS_IDLE / 3 - 1))
  for _ in $(seq "$n"); do
    "$FUHE" import --replace --store "$D/s.sqlite" --as 组长 "$ROOT/Resources/samples/01-huangtukuang-2020.json" >/dev/null
    sleep 3
  done
}

echo "fuhe workstation, pid $PID, $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
measure "idle, nothing changes (poll every 300 ms)"
measure "idle, another process commits every 3 s" others
$T capture-pane -p -t w | tail -1
