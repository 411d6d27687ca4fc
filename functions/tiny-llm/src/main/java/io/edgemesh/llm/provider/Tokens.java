package io.edgemesh.llm.provider;

/**
 * Token estimates where a provider reports none. Four characters per token is the usual
 * approximation for English BPE vocabularies; it is only used for budgets and cost of providers that
 * do not count themselves.
 */
public final class Tokens {
    private Tokens() { }

    public static int estimate(String text) {
        return text == null || text.isEmpty() ? 0 : Math.max(1, (text.length() + 3) / 4);
    }
}
