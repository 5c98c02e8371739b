#!/usr/bin/python3
"""Regenerates crypto/src/main/resources/dev/portcullis/crypto/internal/object-names.tsv.

The facts come from the installed OpenSSL 3 (Debian libssl-dev / libssl3): the OID arcs from the
OBJ_* macros of <openssl/obj_mac.h>, and the short and long names from the live library's
OBJ_nid2sn / OBJ_nid2ln (through pyOpenSSL's cffi binding), so the table spells every name exactly
as the OpenSSL that the tests use as an oracle does. Objects without an OID (NID-only entries) are
left out: they never appear in DER. Run with Debian's /usr/bin/python3 (it has pyOpenSSL 23).
Output lines: dotted-oid TAB short-name TAB long-name, in NID order.
"""
import re
import sys

from OpenSSL._util import ffi, lib

HEADER = "/usr/include/openssl/obj_mac.h"


def read_macros(path):
    nids, objs = {}, {}
    for line in open(path, encoding="ascii"):
        m = re.match(r"#define\s+NID_(\w+)\s+(\d+)\s*$", line)
        if m:
            nids[m.group(1)] = int(m.group(2))
        m = re.match(r"#define\s+OBJ_(\w+)\s+(.+?)\s*$", line)
        if m:
            objs[m.group(1)] = [p.strip() for p in m.group(2).split(",")]
    return nids, objs


def resolve(name, objs, seen=()):
    arcs = []
    for part in objs[name]:
        if part.startswith("OBJ_"):
            arcs += resolve(part[4:], objs, seen + (name,))
        else:
            arcs.append(str(int(part.rstrip("L"))))
    return arcs


def main():
    nids, objs = read_macros(HEADER)
    rows = []
    for name, nid in nids.items():
        if name not in objs:
            continue
        sn = ffi.string(lib.OBJ_nid2sn(nid)).decode()
        ln = ffi.string(lib.OBJ_nid2ln(nid)).decode()
        rows.append((nid, ".".join(resolve(name, objs)), sn, ln))
    rows.sort()
    out = sys.argv[1] if len(sys.argv) > 1 else "/dev/stdout"
    with open(out, "w", encoding="utf-8") as f:
        f.write("# OID\tOpenSSL short name\tOpenSSL long name (from OpenSSL 3.0 obj_mac.h + OBJ_nid2sn/ln)\n")
        for _, oid, sn, ln in rows:
            f.write(f"{oid}\t{sn}\t{ln}\n")


if __name__ == "__main__":
    main()
