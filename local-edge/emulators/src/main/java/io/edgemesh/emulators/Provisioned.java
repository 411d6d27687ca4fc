package io.edgemesh.emulators;

import java.util.Map;
import java.util.NoSuchElementException;

/**
 * The physical resources created for one prefix, by logical name (as in
 * {@code io.edgemesh.routes.EdgeMeshResources}). Queue maps include each dead-letter queue under its
 * logical name ({@code QueueDef.dlqName()}).
 *
 * @param prefix    deployment prefix, e.g. {@code edgemesh}
 * @param tables    logical table name → physical table name
 * @param queueUrls logical queue name → queue URL
 * @param queueArns logical queue name → queue ARN
 * @param buckets   logical bucket name → physical bucket name
 */
public record Provisioned(String prefix, Map<String, String> tables, Map<String, String> queueUrls,
                          Map<String, String> queueArns, Map<String, String> buckets) {

    public Provisioned {
        tables = Map.copyOf(tables);
        queueUrls = Map.copyOf(queueUrls);
        queueArns = Map.copyOf(queueArns);
        buckets = Map.copyOf(buckets);
    }

    public String table(String logical) {
        return find(tables, "table", logical);
    }

    public String queueUrl(String logical) {
        return find(queueUrls, "queue", logical);
    }

    public String queueArn(String logical) {
        return find(queueArns, "queue", logical);
    }

    public String bucket(String logical) {
        return find(buckets, "bucket", logical);
    }

    private String find(Map<String, String> map, String kind, String logical) {
        String value = map.get(logical);
        if (value == null) {
            throw new NoSuchElementException("no " + kind + " '" + logical + "' provisioned for prefix " + prefix);
        }
        return value;
    }
}
