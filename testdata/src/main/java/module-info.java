/**
 * Fixtures made by real tools (openssl, certutil, pk12util, pyOpenSSL) with the values those tools printed.
 */
module dev.portcullis.testdata {
    exports dev.portcullis.testdata;
}
