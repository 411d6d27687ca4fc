package io.edgemesh.backbone.internal;

import static org.assertj.core.api.Assertions.assertThatCode;

import io.edgemesh.backbone.mcp.McpServer;
import org.junit.jupiter.api.Test;

/** Priming runs before a SnapStart checkpoint; a step that throws would silently leave a path cold. */
class WarmupTest {

    @Test
    void everyPrimingStepRunsWithoutNetworkOrErrors() {
        assertThatCode(Warmup::admin).doesNotThrowAnyException();
        assertThatCode(Warmup::uploads).doesNotThrowAnyException();
        assertThatCode(Warmup::audit).doesNotThrowAnyException();
        assertThatCode(() -> Warmup.mcp(new McpServer((t, q, l, tp) -> java.util.List.of(), null, "test"))).doesNotThrowAnyException();
    }
}
