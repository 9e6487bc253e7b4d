# Sourced by the test servers' scripts. free_port BASE NAME: sets port to BASE, or 10, 20, ... 90 higher when
# that is taken on 127.0.0.1 (another test run, a server of the machine); fails saying so when all are.
free_port() {
    local shift
    port=
    for shift in 0 10 20 30 40 50 60 70 80 90; do
        if ! (exec 3<>"/dev/tcp/127.0.0.1/$(($1 + shift))") 2>/dev/null; then
            port=$(($1 + shift))
            return 0
        fi
    done
    echo "$2: no free port from $1 to $(($1 + 90)) on 127.0.0.1" >&2
    return 1
}
