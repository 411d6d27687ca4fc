package io.edgemesh.llm.router;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RoutingPolicyTest {

    @Test
    void the_shipped_default_policy_is_valid_and_ends_every_tier_with_the_local_responder() {
        RoutingPolicy p = RoutingPolicy.defaults();
        for (String tier : p.tiers().keySet()) {
            var routes = p.routes("anyone", tier);
            assertThat(routes.get(routes.size() - 1).provider()).as(tier).isEqualTo("extractive");
        }
        assertThat(p.tierFor("no-such-intent")).isEqualTo(p.defaultTier());
    }

    @Test
    void a_route_to_an_unpriced_model_is_rejected() {
        assertThatThrownBy(() -> RoutingPolicy.parse("""
                {"defaultTier":"t","tiers":{"t":[{"provider":"openai","model":"mystery"}]},"prices":{}}"""))
                .hasMessageContaining("model 'mystery'");
    }

    @Test
    void an_intent_pointing_at_a_missing_tier_is_rejected() {
        assertThatThrownBy(() -> RoutingPolicy.parse("""
                {"defaultTier":"t","intents":{"faq":"nope"},"tiers":{"t":[{"provider":"extractive","model":"x"}]},
                 "prices":{"x":{"inputPer1k":0,"outputPer1k":0}}}"""))
                .hasMessageContaining("unknown tier 'nope'");
    }

    @Test
    void tenant_overrides_replace_a_tier_and_set_privacy() {
        RoutingPolicy p = RoutingPolicy.parse("""
                {"defaultTier":"t","tiers":{"t":[{"provider":"openai","model":"x"}]},
                 "prices":{"x":{"inputPer1k":0,"outputPer1k":0}},
                 "tenants":{"acme":{"privacy":"local-only","tiers":{"t":[{"provider":"extractive","model":"x"}]}}}}""");
        assertThat(p.routes("acme", "t").get(0).provider()).isEqualTo("extractive");
        assertThat(p.routes("other", "t").get(0).provider()).isEqualTo("openai");
        assertThat(p.localOnly("acme")).isTrue();
        assertThat(p.localOnly("other")).isFalse();
    }
}
