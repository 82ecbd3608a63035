# The real `nettui` binary in a real terminal (tmux), timed from outside by polling
# capture-pane (sourced by bench/run.sh). Coarse: each poll costs a tmux round trip
# (a few ms), so these numbers are upper bounds with ~10 ms resolution. The precise
# keypress numbers come from the in-process harness (NetTui.Bench tui).
# A private tmux server (-L) so no other tmux session is ever touched.

TMUX_SOCK=nettui-bench-$$
tm() { tmux -L "$TMUX_SOCK" "$@"; }
screen_text() { tm capture-pane -p -t bench 2>/dev/null; }

# Polls the screen every 5 ms until it matches the extended regex $2; prints elapsed ms
# since $1 (ms epoch), or "timeout" after $3 seconds.
wait_screen() {
  local t0=$1 re=$2 limit=$(( $(now_ms) + ${3:-30} * 1000 ))
  while [ "$(now_ms)" -lt "$limit" ]; do
    if screen_text | grep -qE "$re"; then echo $(( $(now_ms) - t0 )); return 0; fi
    sleep 0.005
  done
  echo timeout; return 1
}

# Starts `nettui --netns NS` in a 200x50 pane; $1 = namespace, $2 = regex of the complete first screen.
# Its journal (read at start by the History view) is the lab's, never /var/lib/nettui.
# Prints the ms from start to that screen. The pane runs nettui itself (exec), so its pid is nettui's.
tmux_start() {
  local ns=$1 re=$2 bus=${3:-$LAB_BUS} t0
  tm kill-server 2>/dev/null
  t0=$(now_ms)
  tm new-session -d -s bench -x 200 -y 50 \
    "exec env DBUS_SYSTEM_BUS_ADDRESS=$bus NETTUI_HISTORY=$LAB_DIR/history.db TERM=xterm-256color $NETTUI --netns $ns --ovs-db $LAB_OVS_DB"
  wait_screen "$t0" "$re" 30
}

# Starts nmtui in the same 200x50 pane on the lab's bus (it reads only the bus, so no
# namespace); prints the ms to its first complete screen (the main menu, whose last item is "Quit").
tmux_start_nmtui() {
  local bus=${1:-$LAB_BUS} t0
  tm kill-server 2>/dev/null
  t0=$(now_ms)
  tm new-session -d -s bench -x 200 -y 50 \
    "exec env DBUS_SYSTEM_BUS_ADDRESS=$bus TERM=xterm-256color nmtui"
  wait_screen "$t0" "Quit" 30
}

tmux_pid() { tm display -p -t bench '#{pane_pid}'; }

# Peak resident memory (VmHWM, kB) of the TUI so far.
tmux_peak_rss_kb() { awk '/^VmHWM/ {print $2}' "/proc/$(tmux_pid)/status" 2>/dev/null; }

tmux_stop() { tm send-keys -t bench q 2>/dev/null; sleep 0.3; tm kill-server 2>/dev/null; return 0; }
