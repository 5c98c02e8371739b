"""python-nss (real NSS) listing of one database, printed as JSON; run as a separate process by area_nss.py.

Usage: /usr/bin/python3 nss_listing.py sql:DBDIR|dbm:DBDIR [PASSWORD]   (opens the database read-only)"""
import json
import sys

import nss.nss as nss


def main(dbdir, password):
    nss.nss_init(dbdir)  # read-only
    if password is not None:
        nss.set_password_callback(lambda slot, retry, *args: None if retry else password)
    out = []
    for cert in nss.list_certs(nss.PK11CertListAll):
        try:
            key = nss.find_key_by_any_cert(cert)
            has_key = key is not None
        except Exception as e:  # no key: NSS raises
            has_key = False
        out.append({
            "subject": str(cert.subject),
            "issuer": str(cert.issuer),
            "serial": cert.serial_number,
            "is_ca_cert": bool(cert.is_ca_cert()),
            "ssl_trust_flags": cert.ssl_trust_flags,
            "email_trust_flags": cert.email_trust_flags,
            "signing_trust_flags": cert.signing_trust_flags,
            "ssl_trust_str": list(cert.ssl_trust_str or []),
            "email_trust_str": list(cert.email_trust_str or []),
            "signing_trust_str": list(cert.signing_trust_str or []),
            "has_private_key": has_key,
            "valid_not_before_str": cert.valid_not_before_str,
            "valid_not_after_str": cert.valid_not_after_str,
        })
    out.sort(key=lambda c: (c["subject"], c["serial"]))
    print(json.dumps(out, ensure_ascii=False))
    sys.stdout.flush()
    # no nss_shutdown(): python-nss still holds objects; the process exit releases everything


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2] if len(sys.argv) > 2 else None)
