/**
 * The {@code portcullis} command line: {@code portcullis demo} and friends.
 */
module dev.portcullis.cli {
    requires dev.portcullis.rand;
    requires dev.portcullis.crypto;
    requires dev.portcullis.ssl;
    requires dev.portcullis.compat;
    requires dev.portcullis.testdata;
}
