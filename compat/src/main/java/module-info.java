/**
 * Mozilla NSS databases (cert9.db, key4.db) read directly, and bridges to JSSE.
 */
module dev.portcullis.compat {
    requires transitive dev.portcullis.crypto;
    requires transitive dev.portcullis.ssl;
    requires java.sql;
    requires org.xerial.sqlitejdbc;
    requires org.bouncycastle.provider;

    exports dev.portcullis.compat;
}
