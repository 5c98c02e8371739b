package dev.portcullis.compat.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/** What one read of an NSS database copied into memory: the rows of both attribute tables and key4.db's metaData. */
public final class DbContent {
    private final List<StoredObject> publicObjects;
    private final List<StoredObject> privateObjects;
    private final Map<String, byte[][]> metaData;

    DbContent(List<StoredObject> publicObjects, List<StoredObject> privateObjects, Map<String, byte[][]> metaData) {
        this.publicObjects = List.copyOf(publicObjects);
        this.privateObjects = List.copyOf(privateObjects);
        this.metaData = metaData == null ? null : Collections.unmodifiableMap(metaData);
    }

    /** cert9.db objects of the given class. */
    public List<StoredObject> publicOfClass(long objectClass) {
        return ofClass(publicObjects, objectClass);
    }

    /** key4.db objects of the given class. */
    public List<StoredObject> privateOfClass(long objectClass) {
        return ofClass(privateObjects, objectClass);
    }

    /** key4.db's metaData rows ({item1, item2} by id), or {@code null} when the token was never initialised. */
    public Map<String, byte[][]> metaData() {
        return metaData;
    }

    private static List<StoredObject> ofClass(List<StoredObject> all, long objectClass) {
        List<StoredObject> out = new ArrayList<>();
        for (StoredObject o : all) {
            if (o.objectClass() == objectClass) {
                out.add(o);
            }
        }
        return out;
    }
}
