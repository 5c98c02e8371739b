#!/bin/sh
# Per-chain cost of `openssl verify` on the same certificates VerifyBenchmark uses (150 roots, 3-deep chain).
#
# `openssl verify` accepts many certificate files in one run: it loads the CA file and the untrusted file once,
# then reads and verifies each leaf file in turn. So
#     per-chain cost = (time with N leaves - time with 1 leaf) / (N - 1)
# removes process start, library initialisation and store loading, and leaves what one verification costs
# (reading the leaf PEM, building the chain, checking two signatures) — comparable to one
# X509StoreContext.verifyCertificate() call. Each timing is the best of several runs.
#
# It also times pyOpenSSL 23 (/usr/bin/python3, python3-openssl) doing exactly what VerifyBenchmark.portcullis
# does — X509StoreContext(store, leaf, [intermediate]).verify_certificate() on loaded objects — which is
# OpenSSL's X509_verify_cert plus pyOpenSSL's small Python overhead, without any file reading.
#
# usage: bench/verify/openssl-verify-cost.sh [ec|rsa] [N]     (run from the repository root after `bench/run -l`
#        has built the reactor and bench/target/classpath.txt; CP may name another class path)
set -eu
keytype=${1:-ec}
n=${2:-2000}
repo=$(pwd)
if [ -z "${CP:-}" ]; then
    CP="$repo/bench/target/classes:$(cat "$repo/bench/target/classpath.txt")"
fi
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
java -cp "$CP" dev.portcullis.bench.verify.VerifyInputs "$dir" "$keytype"
cd "$dir"
i=1
while [ $i -le "$n" ]; do cp leaf.pem "leaf$i.pem"; i=$((i + 1)); done
files=$(i=1; while [ $i -le "$n" ]; do printf 'leaf%d.pem ' $i; i=$((i + 1)); done)

best() { # best wall time in nanoseconds of "$@" over 5 runs
    b=
    for _ in 1 2 3 4 5; do
        s=$(date +%s%N); "$@" > /dev/null; e=$(date +%s%N)
        t=$((e - s)); if [ -z "$b" ] || [ $t -lt "$b" ]; then b=$t; fi
    done
    echo "$b"
}
one=$(best openssl verify -no-CApath -no-CAstore -CAfile roots.pem -untrusted intermediate.pem leaf1.pem)
# shellcheck disable=SC2086
many=$(best openssl verify -no-CApath -no-CAstore -CAfile roots.pem -untrusted intermediate.pem $files)
per=$(( (many - one) / (n - 1) ))
echo "openssl $(openssl version | cut -d' ' -f2) keytype=$keytype N=$n: one run ${one} ns, $n leaves ${many} ns," \
     "per chain $((per / 1000)).$(( (per % 1000) / 100 )) us"
/usr/bin/python3 - "$keytype" <<'PY'
import sys, time
from OpenSSL import crypto
pem = lambda f: open(f, "rb").read()
store = crypto.X509Store()
for block in pem("roots.pem").split(b"-----END CERTIFICATE-----")[:-1]:
    store.add_cert(crypto.load_certificate(crypto.FILETYPE_PEM, block + b"-----END CERTIFICATE-----\n"))
leaf = crypto.load_certificate(crypto.FILETYPE_PEM, pem("leaf.pem"))
inter = [crypto.load_certificate(crypto.FILETYPE_PEM, pem("intermediate.pem"))]
best = None
for _ in range(5):
    n = 2000
    t = time.perf_counter()
    for _ in range(n):
        crypto.X509StoreContext(store, leaf, inter).verify_certificate()
    per = (time.perf_counter() - t) / n * 1e6
    best = per if best is None or per < best else best
print("pyOpenSSL X509StoreContext.verify_certificate keytype=%s: %.1f us per chain" % (sys.argv[1], best))
PY
