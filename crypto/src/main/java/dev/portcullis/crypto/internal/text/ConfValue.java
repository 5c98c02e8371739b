package dev.portcullis.crypto.internal.text;

import java.util.List;

/**
 * One {@code name:value} item of OpenSSL's {@code CONF_VALUE} lists, the form in which "i2v" extensions
 * (subjectAltName, keyUsage, basicConstraints, …) describe themselves before printing.
 *
 * @param name the item's name, or null
 * @param value the item's value, or null
 */
record ConfValue(String name, String value) {

    /** {@code X509V3_EXT_val_prn}: a list on one line joined by {@code ", "}, or one item per line. */
    static void print(StringBuilder out, List<ConfValue> values, int indent, boolean multiline) {
        if (!multiline || values.isEmpty()) {
            Indent.spaces(out, indent);
            if (values.isEmpty()) {
                out.append("<EMPTY>\n");
            }
        }
        for (int i = 0; i < values.size(); i++) {
            if (multiline) {
                if (i > 0) {
                    out.append('\n');
                }
                Indent.spaces(out, indent);
            } else if (i > 0) {
                out.append(", ");
            }
            out.append(values.get(i));
        }
    }

    /**
     * For the "i2v" methods that return no list at all when there is nothing to say (bit strings,
     * extendedKeyUsage, policyConstraints, TLS feature, authorityKeyIdentifier): OpenSSL then fails to
     * print the extension instead of writing {@code <EMPTY>}.
     */
    static void printNonEmpty(StringBuilder out, List<ConfValue> values, int indent, boolean multiline) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("OpenSSL cannot print an empty list for this extension");
        }
        print(out, values, indent, multiline);
    }

    @Override
    public String toString() {
        if (name == null) {
            return value;
        }
        return value == null ? name : name + ":" + value;
    }
}
