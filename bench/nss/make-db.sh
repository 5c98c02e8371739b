#!/bin/sh
# Builds the NSS database NssDbBenchmark reads: 1,000 certificates, 100 of them with private keys, made by
# certutil and pk12util (NSS 3.87 here), password "bench-password".
#
#   bench/nss/make-db.sh [DIR]        (default bench/target/nssdb-bench; kept out of git, made once)
#
# - a CA made by certutil -S (RSA-2048, trust CT,C,C) and 99 leaves signed by it (certutil -S, alternately
#   RSA-2048 and EC P-256), so 100 private keys;
# - 900 keyless CA certificates made by python3-cryptography (Debian /usr/bin/python3) and imported by pk12util
#   from one keyless PKCS#12 (NSS names each after its subject), 300 of them then given trust C,, by certutil -M.
set -eu
dir=${1:-bench/target/nssdb-bench}
if [ -f "$dir/cert9.db" ]; then
    echo "$dir already holds a database; remove it to rebuild" >&2
    exit 0
fi
mkdir -p "$dir"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
printf 'bench-password\n' > "$dir/password.txt"
head -c 2048 /dev/urandom > "$work/noise"
db="sql:$dir"
certutil -N -d "$db" -f "$dir/password.txt"
printf 'y\n\ny\n' | certutil -S -d "$db" -f "$dir/password.txt" -z "$work/noise" -n "Bench CA" \
    -s "CN=Bench CA,O=Portcullis Bench" -x -t "CT,C,C" -k rsa -g 2048 -m 1 -2 >/dev/null 2>&1
i=1
while [ $i -le 99 ]; do
    if [ $((i % 2)) -eq 0 ]; then key="-k rsa -g 2048"; else key="-k ec -q nistp256"; fi
    # shellcheck disable=SC2086
    certutil -S -d "$db" -f "$dir/password.txt" -z "$work/noise" -n "bench leaf $i" \
        -s "CN=bench leaf $i,O=Portcullis Bench" -c "Bench CA" -t "u,u,u" $key -m $((i + 1)) >/dev/null
    i=$((i + 1))
done
/usr/bin/python3 - "$work/bulk.pem" <<'PY'
import sys, datetime
from cryptography import x509
from cryptography.x509.oid import NameOID
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
key = ec.generate_private_key(ec.SECP256R1())
now = datetime.datetime.utcnow()
with open(sys.argv[1], "wb") as out:
    for i in range(900):
        name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "bulk CA %d" % i),
                          x509.NameAttribute(NameOID.ORGANIZATION_NAME, "Portcullis Bench")])
        cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
                .serial_number(10000 + i).not_valid_before(now).not_valid_after(now + datetime.timedelta(days=3650))
                .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
                .sign(key, hashes.SHA256()))
        out.write(cert.public_bytes(serialization.Encoding.PEM))
PY
openssl pkcs12 -export -nokeys -in "$work/bulk.pem" -passout pass:bulk -out "$work/bulk.p12"
pk12util -i "$work/bulk.p12" -d "$db" -k "$dir/password.txt" -W bulk >/dev/null
i=0
while [ $i -lt 300 ]; do
    certutil -M -d "$db" -f "$dir/password.txt" -n "bulk CA $i - Portcullis Bench" -t "C,," || true
    i=$((i + 1))
done
echo "$dir: $(certutil -L -d "$db" | tail -n +5 | wc -l) certificates, $(certutil -K -d "$db" -f "$dir/password.txt" | grep -c '^<') keys"
