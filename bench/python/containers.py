#!/usr/bin/python3
"""pyOpenSSL 23 side of Pkcs12Benchmark.portcullisPyOpenSslExportAndLoad and CrlLookupBenchmark: the same work,
timed in one process.

Run with Debian's Python (the one that has python3-openssl):  /usr/bin/python3 bench/python/containers.py [seconds]
Prints operations per second, like the JMH tables.
"""
import datetime
import sys
import time
import warnings

warnings.simplefilter("ignore")
from OpenSSL import crypto  # noqa: E402

SECONDS = float(sys.argv[1]) if len(sys.argv) > 1 else 5.0


def rate(label, fn):
    fn()  # warm up
    n, start = 0, time.perf_counter()
    while time.perf_counter() - start < SECONDS:
        fn()
        n += 1
    print(f"{label:40s} {n / (time.perf_counter() - start):10.1f} ops/s")


def self_signed():
    key = crypto.PKey()
    key.generate_key(crypto.TYPE_RSA, 2048)
    cert = crypto.X509()
    cert.set_version(2)
    cert.set_serial_number(42)
    cert.get_subject().CN = "benchmark"
    cert.set_issuer(cert.get_subject())
    cert.gmtime_adj_notBefore(0)
    cert.gmtime_adj_notAfter(365 * 86400)
    cert.set_pubkey(key)
    cert.sign(key, "sha256")
    return key, cert


def main():
    key, cert = self_signed()
    p12 = crypto.PKCS12()
    p12.set_privatekey(key)
    p12.set_certificate(cert)
    p12.set_friendlyname(b"bench")

    def export_and_load():
        loaded = crypto.load_pkcs12(p12.export(b"benchmark password"), b"benchmark password")
        assert loaded.get_privatekey() is not None

    rate("PKCS12 export+load (3DES, 2048 iter.)", export_and_load)

    crl = crypto.CRL()
    now = datetime.datetime.utcnow()
    for i in range(10000):
        revoked = crypto.Revoked()
        revoked.set_serial(b"%x" % (0x100000 + 2 * i))
        revoked.set_rev_date((now - datetime.timedelta(minutes=i)).strftime("%Y%m%d%H%M%SZ").encode())
        if i % 10 == 0:
            revoked.set_reason(b"keyCompromise")
        crl.add_revoked(revoked)
    der = crl.export(cert, key, crypto.FILETYPE_ASN1, 7, b"sha256")
    wanted = b"%X" % (0x100000 + 2 * 5000)

    def load_and_find():
        # pyOpenSSL has no lookup: get_revoked() and a scan is what its users wrote
        for r in crypto.load_crl(crypto.FILETYPE_ASN1, der).get_revoked():
            if r.get_serial() == wanted:
                return r
        raise AssertionError("not found")

    rate("CRL 10,000 entries: load + find one", load_and_find)


if __name__ == "__main__":
    main()
