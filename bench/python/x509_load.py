#!/usr/bin/python3
"""pyOpenSSL 23 side of dev.portcullis.bench.x509.CertificateLoadBenchmark.

Loads PEM certificates and reads the subject CN, the serial number and the subjectAltName text, round-robin
over a pool of 1,000 distinct certificates shaped like the Java benchmark's pool (RSA-2048 keys signed by an
RSA-2048 CA with SHA-256; C/O/OU/CN subject; basicConstraints, keyUsage and a SAN of three DNS names and an IP).
Also times building and signing an EC P-256 certificate (CertificateBuildBenchmark's work).

Run with Debian's pyOpenSSL:  /usr/bin/python3 bench/python/x509_load.py [seconds]
Prints certificates per second for each measurement.
"""
import sys
import time
import warnings

warnings.simplefilter("ignore", DeprecationWarning)

import OpenSSL  # noqa: E402
from OpenSSL import crypto  # noqa: E402


def make_pool(size):
    ca_key = crypto.PKey()
    ca_key.generate_key(crypto.TYPE_RSA, 2048)
    leaf_keys = []
    for _ in range(3):
        key = crypto.PKey()
        key.generate_key(crypto.TYPE_RSA, 2048)
        leaf_keys.append(key)
    pool = []
    for i in range(size):
        cert = crypto.X509()
        cert.set_version(2)
        cert.set_serial_number(1000003 * i + 12345)
        subject = cert.get_subject()
        subject.C = "US"
        subject.O = "Portcullis Bench"
        subject.OU = "unit %d" % (i % 17)
        subject.CN = "host%d.example.com" % i
        issuer = cert.get_issuer()
        issuer.C = "US"
        issuer.O = "Portcullis Bench"
        issuer.CN = "Bench CA"
        cert.gmtime_adj_notBefore(-86400)
        cert.gmtime_adj_notAfter(365 * 86400)
        cert.set_pubkey(leaf_keys[i % len(leaf_keys)])
        san = "DNS:host%d.example.com,DNS:www.host%d.example.com,DNS:alt%d.example.net,IP:192.0.2.%d" % (
            i, i, i, i % 250 + 1)
        cert.add_extensions([
            crypto.X509Extension(b"basicConstraints", True, b"CA:FALSE"),
            crypto.X509Extension(b"keyUsage", True, b"digitalSignature,keyEncipherment"),
            crypto.X509Extension(b"subjectAltName", False, san.encode()),
        ])
        cert.sign(ca_key, "sha256")
        pool.append(crypto.dump_certificate(crypto.FILETYPE_PEM, cert))
    return pool


def load_once(pem):
    cert = crypto.load_certificate(crypto.FILETYPE_PEM, pem)
    cn = cert.get_subject().CN
    serial = cert.get_serial_number()
    san = None
    for i in range(cert.get_extension_count()):
        ext = cert.get_extension(i)
        if ext.get_short_name() == b"subjectAltName":
            san = str(ext)
    return cn, serial, san


def build_once(ca_key, leaf_key, serial):
    cert = crypto.X509()
    cert.set_version(2)
    cert.set_serial_number(serial)
    cert.get_subject().O = "Portcullis Bench"
    cert.get_subject().CN = "leaf.example.com"
    cert.get_issuer().O = "Portcullis Bench"
    cert.get_issuer().CN = "Bench CA"
    cert.gmtime_adj_notBefore(0)
    cert.gmtime_adj_notAfter(86400)
    cert.set_pubkey(leaf_key)
    cert.add_extensions([crypto.X509Extension(b"subjectAltName", False, b"DNS:leaf.example.com")])
    cert.sign(ca_key, "sha256")
    return crypto.dump_certificate(crypto.FILETYPE_ASN1, cert)


def rate(work, seconds):
    """Runs work(i) for about `seconds` after a one-second warm-up; returns calls per second."""
    end = time.perf_counter() + 1.0
    i = 0
    while time.perf_counter() < end:
        work(i)
        i += 1
    count = 0
    start = time.perf_counter()
    end = start + seconds
    while True:
        for _ in range(100):
            work(count)
            count += 1
        now = time.perf_counter()
        if now >= end:
            return count / (now - start)


def ec_key():
    from cryptography.hazmat.primitives.asymmetric import ec
    return crypto.PKey.from_cryptography_key(ec.generate_private_key(ec.SECP256R1()))


def main():
    seconds = float(sys.argv[1]) if len(sys.argv) > 1 else 5.0
    pool = make_pool(1000)
    load_rate = rate(lambda i: load_once(pool[i % len(pool)]), seconds)
    print("pyOpenSSL %s load+subject+serial+SAN: %.0f certs/s" % (OpenSSL.__version__, load_rate))
    ca_key, leaf_key = ec_key(), ec_key()
    build_rate = rate(lambda i: build_once(ca_key, leaf_key, i + 1), seconds)
    print("pyOpenSSL build+sign EC P-256: %.0f certs/s" % build_rate)


if __name__ == "__main__":
    main()
