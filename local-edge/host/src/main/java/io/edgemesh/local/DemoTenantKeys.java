package io.edgemesh.local;

/**
 * The demo tenant the local edge creates on its first start, with the keys shown once at creation
 * (kept in the data folder so a restart can show them again).
 *
 * @param tenantId       {@code demo}
 * @param publishableKey {@code pk_...} for the widget, usable from the demo page's origin
 * @param secretKey      {@code sk_...} for server-to-server calls (uploads, search), or null if not returned
 */
public record DemoTenantKeys(String tenantId, String publishableKey, String secretKey) {
    @Override
    public String toString() {
        return "DemoTenantKeys[" + tenantId + ", " + publishableKey + ", secret redacted]";
    }
}
