# What the smoke tests share: counting checks, and finding, keying and photographing the workbench's windows
# on the current X display. Source it after setting out (where screenshots go) and passed=0 failed=0.

pass() { passed=$((passed + 1)); echo "smoke: ok   $1"; }
fail() { failed=$((failed + 1)); echo "smoke: FAIL $1${2:+ ($2)}"; }
expect() { # NAME COMMAND...: passes when the command succeeds
    local name=$1; shift
    if "$@"; then pass "$name"; else fail "$name"; fi
}
title() { # TITLE: a regex for exactly that window title (SWT on GTK appends a space to titles)
    printf '^%s ?$' "$(printf %s "$1" | sed 's/[].*^$()+?{}|[\]/\\&/g')"
}
window() { # TITLE [SECONDS]: id of the first visible window with that title, waiting for it
    # one xdotool that waits on its own connection: a new X connection every few milliseconds makes
    # Xvfb refuse connections now and then, and then the workbench's own GTK start-up fails. When xdotool
    # ends without a window before the time is up (its own connection was refused), it is started again:
    # CI once failed a step 60 s long within a few seconds, the dialog shown soon after.
    local deadline=$((SECONDS + ${2:-60})) id
    while [ $SECONDS -lt $deadline ]; do
        id=$(timeout $((deadline - SECONDS)) xdotool search --sync --onlyvisible --name "$(title "$1")" 2>/dev/null | head -n 1)
        [ -n "$id" ] && { echo "$id"; return 0; }
        sleep 0.5
    done
    return 1
}
exited() { # PID SECONDS: waits for a background process, leaves its status in $exit_status
    local deadline=$((SECONDS + $2))
    while kill -0 "$1" 2>/dev/null; do
        [ $SECONDS -lt $deadline ] || return 1
        sleep 0.3
    done
    wait "$1"; exit_status=$?
    return 0
}
shot() { # NAME: screenshot of the whole screen; passes when it is not blank
    sleep "${2:-1.5}"
    import -window root "$out/$1.png"
    local colours
    colours=$(identify -format '%k' "$out/$1.png")
    if [ "$colours" -gt 50 ]; then pass "screenshot $1 shows a window ($colours colours)"; else fail "screenshot $1 is blank" "$colours colours"; fi
}
keys() { # WINDOW KEYS...
    local w=$1; shift
    xdotool windowfocus --sync "$w" 2>/dev/null || xdotool windowfocus "$w"
    xdotool key --clearmodifiers "$@"
}
differs() { # A B: the two screenshots differ in more than 2000 pixels
    local ae
    ae=$(compare -metric AE "$out/$1.png" "$out/$2.png" null: 2>&1 >/dev/null | cut -d' ' -f1)
    [ "${ae%.*}" -gt 2000 ]
}
differs_in() { # A B CROP MIN: the two screenshots differ in more than MIN pixels within CROP (WxH+X+Y)
    local ae
    convert "$out/$1.png" -crop "$3" +repage "$out/.crop-a.png" && convert "$out/$2.png" -crop "$3" +repage "$out/.crop-b.png" || return 1
    ae=$(compare -metric AE "$out/.crop-a.png" "$out/.crop-b.png" null: 2>&1 >/dev/null | cut -d' ' -f1)
    rm -f "$out/.crop-a.png" "$out/.crop-b.png"
    [ "${ae%.*}" -gt "$4" ]
}
