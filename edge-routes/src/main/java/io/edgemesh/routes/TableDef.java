package io.edgemesh.routes;

import java.util.List;
import java.util.Optional;

/**
 * A DynamoDB table. The partition key always starts with the tenant id (tenancy in every key);
 * {@code ttlAttribute} is an epoch-seconds attribute or null.
 */
public record TableDef(String name, Attr partitionKey, Attr sortKey, String ttlAttribute,
                       List<IndexDef> indexes, String purpose) {
    public TableDef {
        indexes = List.copyOf(indexes);
    }

    public Optional<Attr> sortKeyOpt() { return Optional.ofNullable(sortKey); }

    public Optional<String> ttl() { return Optional.ofNullable(ttlAttribute); }

    /** A global secondary index, projecting all attributes. */
    public record IndexDef(String name, Attr partitionKey, Attr sortKey) { }
}
