package io.edgemesh.routes;

import java.util.List;

/**
 * S3 object-created notifications fanned out to several queues. {@code keyPattern} is a glob where
 * {@code *} matches within one path segment ({@code tenants/*}{@code /incoming/*}); in AWS it becomes
 * an EventBridge rule with a wildcard filter, locally the local edge matches it.
 */
public record NotificationDef(String bucket, String keyPattern, List<String> queues) {
    public NotificationDef {
        queues = List.copyOf(queues);
    }

    /** True when {@code key} matches {@link #keyPattern()}. */
    public boolean matches(String key) {
        String[] p = keyPattern.split("/", -1);
        String[] k = key.split("/", -1);
        if (p.length != k.length) return false;
        for (int i = 0; i < p.length; i++) {
            if (p[i].equals("*")) {
                if (k[i].isEmpty()) return false;
            } else if (!p[i].equals(k[i])) {
                return false;
            }
        }
        return true;
    }
}
