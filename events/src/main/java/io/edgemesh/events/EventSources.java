package io.edgemesh.events;

/**
 * CloudEvents {@code source} values: {@code /edgemesh/<layer id>}, the layer ids of
 * {@code io.edgemesh.routes.Layer}. A consumer may log the source but must never trust it for
 * authorisation: queues are not authenticated channels.
 */
public final class EventSources {
    private EventSources() { }

    public static final String INGRESS = "/edgemesh/ingress";
    public static final String FIREWALL = "/edgemesh/firewall";
    public static final String ANALYSIS = "/edgemesh/analysis";
    public static final String TINY_ML = "/edgemesh/tiny-ml";
    public static final String TINY_LLM = "/edgemesh/tiny-llm";
    public static final String ORCHESTRATION = "/edgemesh/orchestration";
    public static final String BACKBONE = "/edgemesh/backbone";

    /** {@code /edgemesh/<layerId>}. */
    public static String layer(String layerId) {
        if (layerId == null || !layerId.matches("^[a-z0-9-]{1,32}$")) {
            throw new IllegalArgumentException("layer id must be lowercase letters, digits and '-': " + layerId);
        }
        return "/edgemesh/" + layerId;
    }
}
