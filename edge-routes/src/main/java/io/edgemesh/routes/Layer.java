package io.edgemesh.routes;

/** The seven isolated layers. The number is the blueprint's; the id is used in envelopes, names and metrics. */
public enum Layer {
    INGRESS(1, "ingress"),
    FIREWALL(2, "firewall"),
    ANALYSIS(3, "analysis"),
    TINY_ML(4, "tiny-ml"),
    TINY_LLM(5, "tiny-llm"),
    ORCHESTRATION(6, "orchestration"),
    BACKBONE(7, "backbone");

    private final int number;
    private final String id;

    Layer(int number, String id) {
        this.number = number;
        this.id = id;
    }

    public int number() { return number; }

    public String id() { return id; }

    public static Layer fromId(String id) {
        for (Layer l : values()) {
            if (l.id.equals(id)) return l;
        }
        throw new IllegalArgumentException("unknown layer: " + id);
    }
}
