#!/usr/bin/python3
"""pyOpenSSL 23 side of KeyGenBench / KeyUseBench: the same work, timed in one process.

Run with Debian's Python (the one that has python3-openssl):  /usr/bin/python3 bench/python/keys.py [seconds]
Prints operations per second (ms per operation for key generation), like the JMH tables.
"""
import sys
import time
import warnings

warnings.simplefilter("ignore")
import OpenSSL  # noqa: E402
import OpenSSL.SSL  # noqa: E402
from OpenSSL import crypto  # noqa: E402
from cryptography.hazmat.primitives.asymmetric import ec  # noqa: E402

SECONDS = float(sys.argv[1]) if len(sys.argv) > 1 else 5.0


def rate(label, fn, per_op_ms=False):
    fn()  # warm up
    n, start = 0, time.perf_counter()
    while time.perf_counter() - start < SECONDS:
        fn()
        n += 1
    elapsed = time.perf_counter() - start
    if per_op_ms:
        print(f"{label:28s} {1000 * elapsed / n:10.3f} ms/op  ({n} ops)")
    else:
        print(f"{label:28s} {n / elapsed:10.1f} ops/s")


def rsa2048():
    key = crypto.PKey()
    key.generate_key(crypto.TYPE_RSA, 2048)
    return key


def p256():
    return crypto.PKey.from_cryptography_key(ec.generate_private_key(ec.SECP256R1()))


rsa = rsa2048()
ecp = p256()
pem = crypto.dump_privatekey(crypto.FILETYPE_PEM, rsa)
data = bytes(1024)

print(f"pyOpenSSL {OpenSSL.__version__} on {OpenSSL.SSL.SSLeay_version(OpenSSL.SSL.SSLEAY_VERSION).decode()}, "
      f"{SECONDS:.0f} s per measurement")
rate("rsa2048 generate_key", rsa2048, per_op_ms=True)
rate("p256 generate (cryptography)", p256, per_op_ms=True)
rate("load_privatekey RSA PEM", lambda: crypto.load_privatekey(crypto.FILETYPE_PEM, pem))
rate("sign RSA-2048 sha256", lambda: crypto.sign(rsa, data, "sha256"))
rate("sign P-256 sha256", lambda: crypto.sign(ecp, data, "sha256"))
