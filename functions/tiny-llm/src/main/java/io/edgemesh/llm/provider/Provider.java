package io.edgemesh.llm.provider;

import java.time.Duration;

/** One way to produce an answer. Implementations are thread-safe and hold no per-request state. */
public interface Provider {

    /** Stable id used in policies and in {@code usage.provider}: {@code extractive}, {@code openai}, {@code bedrock}. */
    String id();

    /** True when the provider never sends data off the function (allowed under {@code local-only} privacy). */
    boolean local();

    /**
     * Answers {@code request} within {@code timeout}.
     *
     * @throws ProviderException when the provider fails or times out
     */
    Completion complete(CompletionRequest request, Duration timeout);
}
