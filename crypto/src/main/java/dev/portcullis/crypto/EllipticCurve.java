package dev.portcullis.crypto;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import dev.portcullis.crypto.internal.keys.Curves;

/**
 * A named elliptic curve, as pyOpenSSL's {@code _EllipticCurve} (what {@code get_elliptic_curve(s)} returns): the
 * curve's OpenSSL short name, such as {@code prime256v1} (NIST P-256), {@code secp384r1} or {@code brainpoolP256r1}.
 *
 * <p>Instances are cached, one per curve: {@link Crypto#getEllipticCurves()} and {@link Crypto#getEllipticCurve}
 * return the same objects every time, so identity, {@link #equals} and {@link #hashCode} agree. Use a curve with
 * {@link PKey#generateEc(EllipticCurve)}.
 *
 * <p>Portcullis knows 69 of OpenSSL 3.0's 82 built-in curves; missing (Bouncy Castle has no parameters for them
 * under their OpenSSL identity): {@code Oakley-EC2N-3}, {@code Oakley-EC2N-4} and the eleven
 * {@code wap-wsg-idm-ecid-wtls*} curves.
 */
public final class EllipticCurve {
    private static final Map<String, EllipticCurve> ALL;

    static {
        Map<String, EllipticCurve> all = new LinkedHashMap<>();
        for (String name : Curves.openSslNames()) {
            all.put(name, new EllipticCurve(name));
        }
        ALL = Collections.unmodifiableMap(all);
    }

    private static final Set<EllipticCurve> SET = Collections.unmodifiableSet(new LinkedHashSet<>(ALL.values()));

    private final String name;

    private EllipticCurve(String name) {
        this.name = name;
    }

    /** The curve's OpenSSL short name ({@code prime256v1}); pyOpenSSL's {@code name} attribute. */
    public String getName() {
        return name;
    }

    static Set<EllipticCurve> all() {
        return SET;
    }

    static EllipticCurve byName(String name) {
        EllipticCurve curve = name == null ? null : ALL.get(name);
        if (curve == null) {
            throw new IllegalArgumentException("unknown curve name: " + name);
        }
        return curve;
    }

    /** Curves are equal when they are the same curve (one cached instance per name). */
    @Override
    public boolean equals(Object other) {
        return other instanceof EllipticCurve curve && curve.name.equals(name);
    }

    @Override
    public int hashCode() {
        return name.hashCode();
    }

    /** pyOpenSSL's repr: {@code <Curve 'prime256v1'>}. */
    @Override
    public String toString() {
        return "<Curve '" + name + "'>";
    }
}
