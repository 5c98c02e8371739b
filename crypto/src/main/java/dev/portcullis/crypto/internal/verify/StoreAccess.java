package dev.portcullis.crypto.internal.verify;

import java.util.function.Function;

import dev.portcullis.crypto.X509Store;

/**
 * Gives other Portcullis modules (the TLS layer) the engine store behind a public {@link X509Store} without adding
 * an engine type to the public API. {@link X509Store} registers the accessor when its class is initialised.
 */
public final class StoreAccess {
    private static volatile Function<X509Store, TrustStore> accessor;

    private StoreAccess() {
    }

    /** Called once by {@link X509Store}. */
    public static void register(Function<X509Store, TrustStore> access) {
        accessor = access;
    }

    /** The engine store of {@code store}. */
    public static TrustStore trustStore(X509Store store) {
        Function<X509Store, TrustStore> a = accessor;
        if (a == null) {
            new X509Store(); // initialises X509Store, which registers the accessor
            a = accessor;
        }
        return a.apply(store);
    }
}
