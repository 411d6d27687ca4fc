package io.edgemesh.local.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DemoPageTest {

    @Test
    void thePageEmbedsTheWidgetForTheDemoTenant() {
        String html = DemoPage.render("http://127.0.0.1:8787", "pk_demo_123", null);
        assertThat(html).contains("<div data-chattia-embed data-endpoint=\"http://127.0.0.1:8787/\" data-key=\"pk_demo_123\"")
                .contains("<script src=\"http://127.0.0.1:8787/widget.js\" defer></script>");
    }

    @Test
    void withoutATenantThePageSaysWhyAndEscapesIt() {
        String html = DemoPage.render("http://127.0.0.1:8787", null, "admin <missing>");
        assertThat(html).doesNotContain("data-chattia-embed").contains("admin &lt;missing&gt;");
    }
}
