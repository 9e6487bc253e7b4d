"""Prints what Proxyscope and nmap said about each server next to what it really is.

stdin: one "name|port|verdict" line per server, the verdict that is right for it; argv: proxyscope --json
output, nmap -oX output. Proxyscope is right about a server when the port's weightiest verdict (open, then
unverified, auth-required, denied, timeout, not-a-proxy) is the right one; nmap, which says only open or not,
when it calls the server open exactly when it relays for anyone.
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


WEIGHT = ["open", "unverified", "error", "auth-required", "denied", "timeout", "not-a-proxy", "no-service"]


def proxyscope_says(port):
    """The port's weightiest verdict, and the words the table shows for it."""
    findings = by_port.get(port, [])
    verdict = min((f["verdict"] for f in findings), key=WEIGHT.index, default="no-service")
    which = [f["protocol"] for f in findings if f["verdict"] == verdict]
    service = next((f.get("service") for f in findings if f.get("service")), "")
    words = verdict + (": " + ",".join(which) if verdict in ("open", "unverified", "auth-required", "denied") else "")
    return words + (" (" + service + ")" if service else ""), verdict


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
            if ("Potentially OPEN proxy" in out) or ("Server is an open relay" in out) or ("bounce working" in out):
                opened.append(script.get("id"))
        if opened:
            return "open: " + ",".join(opened) + " (service " + name + ")", True
        return ("scripts ran: " + ",".join(said) if said else "no script ran") + " (service " + name + ")", False
    return "port not reported", False


right = {"proxyscope": 0, "nmap": 0}
print("  %-20s %-6s %-14s %-52s %s" % ("server", "port", "right verdict", "proxyscope", "nmap"))
for name, port, truth in servers:
    port = int(port)
    ps, ps_verdict = proxyscope_says(port)
    nm, nm_open = nmap_says(port)
    right["proxyscope"] += ps_verdict == truth
    right["nmap"] += nm_open == (truth == "open")
    mark = lambda ok: "" if ok else "  <- wrong"
    print("  %-20s %-6d %-14s %-52s %s" % (name, port, truth, ps + mark(ps_verdict == truth),
                                         nm + mark(nm_open == (truth == "open"))))
print()
print("  right: proxyscope %d of %d, nmap %d of %d (open or not)" % (right["proxyscope"], len(servers), right["nmap"],
                                                                   len(servers)))
