#!/usr/bin/env python3
"""A server that says yes to everything and relays nothing, for the probe tests: it answers 200 to every
CONNECT and every absolute-URI request, then answers what comes through the "tunnel" itself with a page of
its own, and keeps the connection open as a keep-alive server does. It proves that a 200 is not a relay.
Usage: yes-server.py PORT PIDFILE   (listens on 127.0.0.1 only)"""
import os
import socketserver
import sys

PAGE = b"<html><body>It works!</body></html>\n"
OWN_REPLY = b"HTTP/1.1 200 OK\r\nServer: yes\r\nContent-Type: text/html\r\nContent-Length: %d\r\n\r\n%s" % (len(PAGE), PAGE)


class Yes(socketserver.BaseRequestHandler):
    def handle(self):
        self.request.settimeout(30)
        pending = b""
        try:
            while True:
                data = self.request.recv(4096)
                if not data:
                    return
                pending += data
                # a request is whole at its blank line; anything else (a SOCKS greeting) gets the page at once
                if pending.startswith((b"GET", b"POST", b"CONNECT", b"HEAD")) and b"\r\n\r\n" not in pending:
                    continue
                while pending:
                    if pending.startswith(b"CONNECT") and b"\r\n\r\n" in pending:
                        self.request.sendall(b"HTTP/1.1 200 Connection established\r\n\r\n")
                        pending = pending.split(b"\r\n\r\n", 1)[1]  # what follows goes through the "tunnel"
                    else:
                        self.request.sendall(OWN_REPLY)
                        pending = b""
        except OSError:
            return


class Server(socketserver.ThreadingTCPServer):
    allow_reuse_address = True
    daemon_threads = True


if __name__ == "__main__":
    server = Server(("127.0.0.1", int(sys.argv[1])), Yes)
    with open(sys.argv[2], "w") as pid:
        pid.write(str(os.getpid()))
    server.serve_forever()
