package dev.portcullis.crypto.internal.keys;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/** A cheap sieve before a probabilistic primality test: rejects numbers with a small prime factor. */
final class SmallPrimes {
    /** Groups of small primes whose product fits in a long, so one BigInteger division tests a whole group. */
    private static final List<int[]> GROUPS = new ArrayList<>();
    private static final List<BigInteger> PRODUCTS = new ArrayList<>();

    static {
        List<Integer> group = new ArrayList<>();
        long product = 1;
        for (int p : primesBelow(2000)) {
            if (product > Long.MAX_VALUE / p) {
                addGroup(group, product);
                group.clear();
                product = 1;
            }
            group.add(p);
            product *= p;
        }
        addGroup(group, product);
    }

    private SmallPrimes() {
    }

    /** False when {@code n} (> 2000) has a prime factor below 2000; true otherwise. */
    static boolean mayBePrime(BigInteger n) {
        for (int i = 0; i < GROUPS.size(); i++) {
            long residue = n.mod(PRODUCTS.get(i)).longValue();
            for (int p : GROUPS.get(i)) {
                if (residue % p == 0) {
                    return false;
                }
            }
        }
        return true;
    }

    private static void addGroup(List<Integer> group, long product) {
        GROUPS.add(group.stream().mapToInt(Integer::intValue).toArray());
        PRODUCTS.add(BigInteger.valueOf(product));
    }

    private static int[] primesBelow(int limit) {
        boolean[] composite = new boolean[limit];
        List<Integer> primes = new ArrayList<>();
        for (int i = 2; i < limit; i++) {
            if (!composite[i]) {
                primes.add(i);
                for (int j = i * i; j < limit; j += i) {
                    composite[j] = true;
                }
            }
        }
        return primes.stream().mapToInt(Integer::intValue).toArray();
    }
}
