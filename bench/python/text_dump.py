#!/usr/bin/python3
"""pyOpenSSL 23 side of dev.portcullis.bench.text.TextDumpBench.

Times crypto.dump_certificate(FILETYPE_TEXT, cert) for an RSA-2048 certificate with the same extensions as the
Java benchmark. Run with Debian's pyOpenSSL:  /usr/bin/python3 bench/python/text_dump.py [seconds]
Prints dumps per second for each measurement.
"""
import sys
import time
import warnings

warnings.simplefilter("ignore", DeprecationWarning)

from OpenSSL import crypto  # noqa: E402


def make_certificate():
    key = crypto.PKey()
    key.generate_key(crypto.TYPE_RSA, 2048)
    cert = crypto.X509()
    cert.set_version(2)
    cert.set_serial_number(0x1000)
    cert.get_subject().C = "US"
    cert.get_subject().O = "Portcullis Bench"
    cert.get_subject().CN = "www.example.com"
    cert.set_issuer(cert.get_subject())
    cert.gmtime_adj_notBefore(0)
    cert.gmtime_adj_notAfter(86400)
    cert.set_pubkey(key)
    cert.add_extensions([
        crypto.X509Extension(b"basicConstraints", True, b"CA:TRUE,pathlen:0"),
        crypto.X509Extension(b"keyUsage", True, b"digitalSignature,keyCertSign,cRLSign"),
        crypto.X509Extension(b"extendedKeyUsage", False, b"serverAuth,clientAuth"),
        crypto.X509Extension(b"subjectAltName", False, b"DNS:www.example.com,DNS:example.com,IP:192.0.2.1"),
        crypto.X509Extension(b"subjectKeyIdentifier", False, b"hash", subject=cert),
        crypto.X509Extension(b"crlDistributionPoints", False, b"URI:http://crl.example.com/ca.crl"),
        crypto.X509Extension(b"authorityInfoAccess", False, b"OCSP;URI:http://ocsp.example.com/"),
    ])
    cert.add_extensions([crypto.X509Extension(b"authorityKeyIdentifier", False, b"keyid:always,issuer", issuer=cert)])
    cert.sign(key, "sha256")
    return cert


def main():
    seconds = float(sys.argv[1]) if len(sys.argv) > 1 else 3.0
    cert = make_certificate()
    for _ in range(3):
        n = 0
        start = time.perf_counter()
        while time.perf_counter() - start < seconds:
            crypto.dump_certificate(crypto.FILETYPE_TEXT, cert)
            n += 1
        print("pyOpenSSL dump_certificate(FILETYPE_TEXT): %.0f ops/s" % (n / (time.perf_counter() - start)))


if __name__ == "__main__":
    main()
