#!/usr/bin/python3
"""Prints the X509_V_ERR_* table of the installed OpenSSL as Java source lines.

The codes come from <openssl/x509_vfy.h>, the message strings from libcrypto's own
X509_verify_cert_error_string() (called through ctypes), so the Java table is exactly what
`openssl verify` prints. Usage: gen_verify_errors.py > fragment.txt (paste into VerifyError.java).
"""
import ctypes, ctypes.util, re

header = open("/usr/include/openssl/x509_vfy.h").read()
lib = ctypes.CDLL(ctypes.util.find_library("crypto"))
lib.X509_verify_cert_error_string.restype = ctypes.c_char_p
lib.X509_verify_cert_error_string.argtypes = [ctypes.c_long]
lib.OpenSSL_version.restype = ctypes.c_char_p
print("    // generated from %s" % lib.OpenSSL_version(0).decode())
for name, value in re.findall(r"#\s*define\s+X509_V_(ERR_\w+|OK)\s+(\d+)", header):
    msg = lib.X509_verify_cert_error_string(int(value)).decode()
    print('    %s(%s, "%s"),' % (name.replace("ERR_", "", 1), value, msg.replace('"', '\\"')))
