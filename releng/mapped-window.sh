# Waiting for a window without polling the X server, for the start-up benchmark and the smoke test.
# Source it, call watch_maps before starting the program, then mapped_window. xev prints each top-level
# window as the X server maps it; polling for the window instead (a new xdotool every 20 ms) took about
# 0.9 s of the two cores from the workbench being timed.

watch_maps() { # starts the watcher; call it before the program whose window is awaited
    coproc MAPS { exec stdbuf -oL xev -root -event substructure 2>/dev/null; }
    sleep 0.1   # xev selects its events before the program starts
}

# (it sets a variable rather than printing: a coprocess's pipes are closed in a $(...) subshell)
mapped_window() { # PID TITLE: sets mapped to the id of the window titled TITLE once it is mapped; fails when PID ends first
    local line window=""
    while :; do
        if read -r -t 1 line <&"${MAPS[0]}"; then
            case "$line" in MapNotify*) ;; *) continue ;; esac
            read -r line <&"${MAPS[0]}"   # "event 0x..., window 0x..., override NO"
            window=${line#*window }
            window=$((${window%%,*}))
            case "$(xdotool getwindowname "$window" 2>/dev/null)" in
                "$2"|"$2 ") break ;;   # GTK may end the title with a space
            esac
            window=""
        fi
        kill -0 "$1" 2>/dev/null || break
    done
    kill "$MAPS_PID" 2>/dev/null; wait "$MAPS_PID" 2>/dev/null
    mapped=$window
    [ -n "$window" ]
}
