package io.edgemesh.orchestrator.tools;

import com.fasterxml.jackson.databind.JsonNode;
import io.edgemesh.common.ApiException;
import io.edgemesh.common.ErrorCodes;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The tools by name, each gated by its minimum trust level: a caller sees only the tools its trust
 * allows, and running one above its level is refused with 403 rather than silently downgraded.
 */
public final class ToolRegistry {
    private final Map<String, Tool> tools = new LinkedHashMap<>();

    public ToolRegistry(List<Tool> tools) {
        for (Tool t : tools) {
            if (this.tools.put(t.name(), t) != null) throw new IllegalArgumentException("duplicate tool " + t.name());
        }
    }

    /** Tools available at {@code trust}. */
    public List<Tool> available(TrustLevel trust) {
        return tools.values().stream().filter(t -> trust.atLeast(t.minimumTrust())).toList();
    }

    public JsonNode run(String name, ToolContext context, JsonNode arguments) {
        Tool t = tools.get(name);
        if (t == null) throw ApiException.notFound("no tool named '" + name + "'");
        if (!context.trust().atLeast(t.minimumTrust())) {
            throw new ApiException(403, ErrorCodes.FORBIDDEN, "tool '" + name + "' needs trust level "
                    + t.minimumTrust().name().toLowerCase() + "; this session has " + context.trust().name().toLowerCase(),
                    Map.of("tool", name, "requiredTrust", t.minimumTrust().level()));
        }
        return t.run(context, arguments);
    }
}
