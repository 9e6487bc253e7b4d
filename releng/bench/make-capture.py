#!/usr/bin/env python3
"""Writes a deterministic pcap of at least SIZE_MIB MiB for the capture import benchmark.

Customers' PCs (10.0.x.y) use an infected PC (192.0.2.7) as a SOCKS5 proxy to send mail, as an HTTP
CONNECT proxy, and download web pages directly; every connection has a handshake, a request, a reply in
full-size segments and a FIN exchange. Same bytes on every run. Usage: make-capture.py SIZE_MIB OUT [--dense]

--dense writes a capture dense in proxy sessions, as a busy infected PC's line is: eight connections in ten
go through the proxy (SOCKS5 mail, HTTP CONNECT), with short messages and pages: about 80,000 proxy sessions
and 175,000 flows a GiB. Every relayed session has the proxy's own connection to its destination, opened
while the session is open, as a capture of the infected PC's line holds it.
"""
import struct
import sys

MSS = 1448
size = int(sys.argv[1]) << 20
dense = "--dense" in sys.argv[3:]
out = open(sys.argv[2], "wb", buffering=1 << 22)
out.write(struct.pack("<IHHiIII", 0xa1b2c3d4, 2, 4, 0, 0, 262144, 1))
ETH = b"\x02\x00\x00\x00\x00\x01\x02\x00\x00\x00\x00\x02\x08\x00"
written = 24
clock = 1_700_000_000_000_000  # microseconds


def ip(a):
    return bytes(int(x) for x in a.split("."))


def packet(src, sport, dst, dport, seq, ack, flags, payload=b""):
    global written, clock
    tcp = struct.pack("!HHIIBBHHH", sport, dport, seq & 0xffffffff, ack & 0xffffffff, 0x50, flags, 65535, 0, 0)
    total = 20 + len(tcp) + len(payload)
    iph = struct.pack("!BBHHHBBH4s4s", 0x45, 0, total, 0, 0x4000, 64, 6, 0, src, dst)
    frame = ETH + iph + tcp + payload
    clock += 37
    out.write(struct.pack("<IIII", clock // 1_000_000, clock % 1_000_000, len(frame), len(frame)))
    out.write(frame)
    written += 16 + len(frame)


def connection(client, cport, server, sport, request, reply, onward=None):
    """One TCP connection; a proxy's onward connection (a function writing it) opens after the request, as a
    relay's own connection to the destination does."""
    # initial sequence numbers differ per connection, as real stacks choose them
    c, s = (n * 2654435761) & 0x7fffffff, (n * 40503 + 12345) & 0x7fffffff
    packet(client, cport, server, sport, c, 0, 0x02)
    packet(server, sport, client, cport, s, c + 1, 0x12)
    c += 1
    s += 1
    packet(client, cport, server, sport, c, s, 0x10)
    for i in range(0, len(request), MSS):
        packet(client, cport, server, sport, c, s, 0x18, request[i:i + MSS])
        c += len(request[i:i + MSS])
    if onward:
        onward()
    for i in range(0, len(reply), MSS):
        packet(server, sport, client, cport, s, c, 0x18 if i + MSS >= len(reply) else 0x10, reply[i:i + MSS])
        s += len(reply[i:i + MSS])
        if i // MSS % 2:
            packet(client, cport, server, sport, c, s, 0x10)
    packet(client, cport, server, sport, c, s, 0x11)
    packet(server, sport, client, cport, s, c + 1, 0x11)
    packet(client, cport, server, sport, c + 1, s + 1, 0x10)


proxy = ip("192.0.2.7")
mx = ip("198.51.100.25")
web = ip("203.0.113.80")
page_size = 6000 if dense else 48000
recipients = 3 if dense else 20
page = (b"<html><body>" + b"proxyscope benchmark page " * 2000 + b"</body></html>")[:page_size]
smtp_client = (b"EHLO spam.test\r\nMAIL FROM:<a@spam.test>\r\n" + b"RCPT TO:<victim@example.test>\r\n" * recipients
               + b"DATA\r\nSubject: offer\r\n\r\n" + b"cheap watches " * (380 if dense else 300) + b"\r\n.\r\nQUIT\r\n")
smtp_server = (b"220 mx.example.test ESMTP\r\n" + b"250 ok\r\n" * (recipients + 2)
               + b"354 go ahead\r\n250 queued\r\n221 bye\r\n")
tls_client = b"\x16\x03\x01" + b"\x00" * (2000 if dense else 300)
tls_server = b"\x16\x03\x03" + b"\x00" * (3500 if dense else 4000)
n = 0
while written < size:
    client = ip("10.0.%d.%d" % (n // 250 % 250, n % 250 + 1))
    cport = 1024 + n % 60000
    oport = 40000 + n % 20000
    kind = n % 10
    if dense:
        kind = 0 if kind < 5 else 1 if kind < 8 else 2
    if kind == 0:
        socks = (b"\x05\x01\x00" + b"\x05\x01\x00\x01" + mx + struct.pack("!H", 25) + smtp_client)
        connection(client, cport, proxy, 1080, socks, b"\x05\x00" + b"\x05\x00\x00\x01" + proxy + b"\x30\x39" + smtp_server,
                   lambda: connection(proxy, oport, mx, 25, smtp_client, smtp_server))
    elif kind == 1:
        connect = b"CONNECT 203.0.113.80:443 HTTP/1.1\r\nHost: 203.0.113.80:443\r\n\r\n"
        connection(client, cport, proxy, 8080, connect + tls_client,
                   b"HTTP/1.1 200 Connection established\r\n\r\n" + tls_server,
                   lambda: connection(proxy, oport, web, 443, tls_client, tls_server))
    else:
        connection(client, cport, web, 80, b"GET /index.html HTTP/1.1\r\nHost: www.example.test\r\n\r\n",
                   b"HTTP/1.1 200 OK\r\nContent-Length: %d\r\n\r\n" % page_size + page)
    n += 1
out.close()
