"""Prints what Proxyscope and nmap said about each server next to what it really is.

stdin: one "name|port|open-or-closed" line per server; argv: proxyscope --json output, nmap -oX output.
A tool is right about a server when it calls it open exactly when it relays for anyone.
"""
import json
import sys
import xml.etree.ElementTree as ET

servers = [line.strip().split("|") for line in sys.stdin if line.strip()]
proxyscope = json.load(open(sys.argv[1]))
nmap = ET.parse(sys.argv[2]).getroot()

by_port = {}
for f in proxyscope["findings"]:
    by_port.setdefault(f["port"], []).append(f)


def proxyscope_says(port):
    findings = by_port.get(port, [])
    opened = [f["protocol"] for f in findings if f["verdict"] == "open"]
    if opened:
        return "open: " + ",".join(opened), True
    words = sorted({f["verdict"] for f in findings if f["verdict"] not in ("not-a-proxy", "no-service", "timeout")})
    return (",".join(words) or "no proxy"), False


def nmap_says(port):
    for p in nmap.iter("port"):
        if int(p.get("portid")) != port:
            continue
        service = p.find("service")
        name = service.get("name") if service is not None else "?"
        opened, said = [], []
        for script in p.findall("script"):
            out = script.get("output", "").strip()
            said.append(script.get("id"))
            if ("Potentially OPEN proxy" in out) or ("Server is an open relay" in out):
                opened.append(script.get("id"))
        if opened:
            return "open: " + ",".join(opened) + " (service " + name + ")", True
        return ("scripts ran: " + ",".join(said) if said else "no script ran") + " (service " + name + ")", False
    return "port not reported", False


right = {"proxyscope": 0, "nmap": 0}
print("  %-20s %-6s %-8s %-44s %s" % ("server", "port", "truth", "proxyscope", "nmap"))
for name, port, truth in servers:
    port = int(port)
    ps, ps_open = proxyscope_says(port)
    nm, nm_open = nmap_says(port)
    right["proxyscope"] += ps_open == (truth == "open")
    right["nmap"] += nm_open == (truth == "open")
    mark = lambda ok: "" if ok else "  <- wrong"
    print("  %-20s %-6d %-8s %-44s %s" % (name, port, truth, ps + mark(ps_open == (truth == "open")),
                                         nm + mark(nm_open == (truth == "open"))))
print()
print("  right: proxyscope %d of %d, nmap %d of %d" % (right["proxyscope"], len(servers), right["nmap"], len(servers)))
