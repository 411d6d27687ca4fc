package io.edgemesh.widget.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.edgemesh.common.Json;
import io.edgemesh.local.LocalEdge;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/**
 * The browser scenarios on the real local edge: the widget mounts and answers with a
 * citation; a page on an origin the tenant did not allow shows the error state; a tenant without a
 * ready document shows the getting-ready state; keyboard-only use; axe-core finds nothing serious or
 * critical. Each scenario leaves a screenshot in {@code target/screenshots/}.
 */
class WidgetBrowserIT {

    private static final Duration ANSWER = Duration.ofSeconds(90);
    private static LocalEdge edge;
    private static TenantSite site;
    private static EdgeApi api;
    private static String scriptTag;
    private static EdgeApi.Keys ready;
    private static EdgeApi.Keys fresh;
    private static RuntimeException readyFailure;

    private Browser browser;

    @BeforeAll
    static void mesh() throws Exception {
        edge = SharedEdge.get();
        site = new TenantSite(edge.baseUrl());
        api = new EdgeApi(edge.baseUrl(), edge.adminToken());
        // The snippet exactly as the README tells a tenant to build it: path and integrity from /widget.json.
        JsonNode manifest = Json.parse(HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(edge.baseUrl() + "/widget.json")).build(), HttpResponse.BodyHandlers.ofString()).body());
        scriptTag = "<script src=\"" + edge.baseUrl() + manifest.at("/script/path").asText() + "\" integrity=\""
                + manifest.at("/script/integrity").asText() + "\" crossorigin=\"anonymous\" defer></script>";
        fresh = api.createTenant("fresh" + suffix(), List.of(site.origin()));
    }

    /** The tenant with an indexed document, created on first use (indexing is the slow part). */
    private static synchronized EdgeApi.Keys readyTenant() throws Exception {
        // One attempt per run: when indexing does not finish, every scenario that needs it fails at once.
        if (readyFailure != null) throw new IllegalStateException("the ready tenant could not be prepared", readyFailure);
        if (ready == null) {
            try {
                EdgeApi.Keys k = api.createTenant("museum" + suffix(), List.of(site.origin()));
                api.upload(k, SamplePdf.FILENAME, SamplePdf.build());
                api.awaitReady(k, site.origin(), Duration.ofMinutes(3));
                ready = k;
            } catch (RuntimeException e) {
                readyFailure = e;
                throw e;
            }
        }
        return ready;
    }

    private static String suffix() { return UUID.randomUUID().toString().substring(0, 8); }

    @AfterAll
    static void stop() {
        if (site != null) site.close();
    }

    @BeforeEach
    void browser() {
        browser = new Browser();
    }

    @AfterEach
    void close() {
        browser.close();
    }

    private void openPage(String origin, String name, EdgeApi.Keys keys, Map<String, String> extra) {
        Map<String, String> attrs = new java.util.LinkedHashMap<>(Map.of("key", keys.publishableKey(), "title", "Museum help"));
        attrs.putAll(extra);
        browser.driver.get(origin + site.page(name, scriptTag, attrs));
        browser.await(Duration.ofSeconds(20), d -> browser.inWidget(".launcher").isDisplayed());
    }

    private void ask(String text) {
        WebElement input = browser.inWidget("textarea");
        input.sendKeys(text);
        input.sendKeys(Keys.ENTER);
    }

    private WebElement awaitAnswer() {
        return browser.await(ANSWER, d -> {
            List<WebElement> errors = browser.allInWidget(".msg.err");
            if (!errors.isEmpty()) throw new AssertionError("the widget showed an error: " + errors.getLast().getAttribute("data-code")
                    + " " + errors.getLast().getText());
            List<WebElement> bots = browser.allInWidget(".msg.bot");
            return bots.size() >= 2 ? bots.getLast() : null;
        });
    }

    private WebElement awaitError() {
        return browser.await(ANSWER, d -> {
            List<WebElement> errors = browser.allInWidget(".msg.err");
            return errors.isEmpty() ? null : errors.getLast();
        });
    }

    @Test
    void widgetMountsIsolatedAndAnswersWithACitation() throws Exception {
        EdgeApi.Keys keys = readyTenant();
        // GIVEN the tenant's page, with a strict CSP and a stylesheet that restyles everything it can reach
        browser.driver.get(site.origin() + site.page("baseline", "", Map.of("key", keys.publishableKey())));
        browser.js("return 1;"); // chromedriver's script wrapper leaves a global of its own (ret_nodes): count it in
        @SuppressWarnings("unchecked")
        List<String> before = (List<String>) browser.js("return Object.keys(window);");
        browser.driver.get(site.origin() + site.page("museum", scriptTag, Map.of("key", keys.publishableKey(), "title", "Museum help")));
        // THEN the widget adds exactly one global (read before any driver lookup, which may leave its own)
        browser.await(Duration.ofSeconds(20), d -> browser.js("return document.querySelector('[data-chattia-mounted]') !== null;"));
        @SuppressWarnings("unchecked")
        List<String> after = (List<String>) browser.js("return Object.keys(window);");
        assertThat(after).containsAll(before);
        assertThat(after.stream().filter(k -> !before.contains(k))).containsExactly("ChattiaEmbed");
        // AND the page's CSS does not reach into the widget, nor the widget's CSS out of it
        assertThat(browser.inWidget(".launcher").getCssValue("background-color")).isEqualTo("rgba(29, 95, 191, 1)");
        assertThat(browser.inWidget(".launcher").getCssValue("font-family")).doesNotContain("Comic");
        assertThat(browser.driver.findElement(By.cssSelector("main button")).getCssValue("background-color"))
                .isEqualTo("rgba(0, 255, 0, 1)");

        // WHEN a visitor opens the chat and asks about the document
        browser.inWidget(".launcher").click();
        ask(SamplePdf.QUESTION);
        // THEN an answer arrives with a citation of the document and the page
        WebElement answer = awaitAnswer();
        List<WebElement> cites = answer.findElements(By.cssSelector(".cites li"));
        assertThat(cites).isNotEmpty();
        assertThat(cites.stream().map(WebElement::getText))
                .anySatisfy(c -> assertThat(c).contains(SamplePdf.FILENAME).contains("page 2"));
        // AND the session is kept for the next message, per endpoint and key
        String stored = (String) browser.js("return Object.keys(sessionStorage).filter(k => k.startsWith('chattia:'))"
                + ".map(k => sessionStorage.getItem(k))[0];");
        assertThat(Json.parse(stored).get("sessionId").asText()).isNotBlank();
        browser.screenshot("answer-with-citation");
        // AND the answer with its citations passes axe-core too
        assertThat(serious(browser.axe(axeScript()))).isEmpty();
    }

    @Test
    void pageOnAnOriginTheTenantDidNotAllowShowsTheErrorState() {
        // GIVEN the same site reached as localhost, an origin the tenant never allowed
        openPage(site.otherOrigin(), "elsewhere", fresh, Map.of());
        browser.inWidget(".launcher").click();
        // WHEN a visitor writes
        ask("Hello?");
        // THEN the widget explains that it is not available here and stops offering the input
        WebElement error = awaitError();
        assertThat(error.getAttribute("data-code")).isEqualTo("origin_not_allowed");
        assertThat(error.getText()).contains("not available on this website");
        assertThat(browser.inWidget("textarea").isEnabled()).isFalse();
        browser.screenshot("origin-not-allowed");
    }

    @Test
    void tenantWithoutAReadyDocumentShowsTheGettingReadyState() {
        openPage(site.origin(), "fresh", fresh, Map.of());
        browser.inWidget(".launcher").click();
        ask("What are the opening hours?");
        WebElement error = awaitError();
        assertThat(error.getAttribute("data-code")).isEqualTo("tenant_not_ready");
        assertThat(error.getText()).contains("getting ready");
        assertThat(error.findElement(By.cssSelector("button.retry")).getText()).isEqualTo("Try again");
        browser.screenshot("tenant-not-ready");
    }

    @Test
    void keyboardOnlyVisitorCanOpenAskAndClose() {
        openPage(site.origin(), "keyboard", fresh, Map.of());
        // GIVEN only a keyboard: Tab through the page until the launcher has focus
        Actions keys = new Actions(browser.driver);
        for (int i = 0; i < 10 && !"launcher".equals(browser.focusedInWidget()); i++) keys.sendKeys(Keys.TAB).perform();
        assertThat(browser.focusedInWidget()).isEqualTo("launcher");
        // WHEN Enter opens it THEN the input has focus
        keys.sendKeys(Keys.ENTER).perform();
        assertThat(browser.inWidget(".panel").isDisplayed()).isTrue();
        assertThat(browser.focusedInWidget()).isEqualTo("TEXTAREA");
        assertThat(browser.inWidget(".launcher").getAttribute("aria-expanded")).isEqualTo("true");
        // AND typing and Enter send the message (Shift+Enter would only add a line), and the reply is shown
        keys.sendKeys("When do you open?").sendKeys(Keys.ENTER).perform();
        assertThat(browser.inWidget(".msg.user").getText()).contains("When do you open?");
        awaitError();
        assertThat(browser.inWidget("textarea").getAttribute("value")).isEmpty();
        // AND the retry button is reachable with Tab from the input's side of the panel
        keys.keyDown(Keys.SHIFT).sendKeys(Keys.TAB).keyUp(Keys.SHIFT).perform();
        assertThat(browser.focusedInWidget()).isIn("retry", "log");
        browser.screenshot("keyboard");
        // WHEN Escape is pressed THEN the panel closes and focus returns to the launcher
        keys.sendKeys(Keys.ESCAPE).perform();
        assertThat(browser.inWidget(".panel").isDisplayed()).isFalse();
        assertThat(browser.focusedInWidget()).isEqualTo("launcher");
        assertThat(browser.inWidget(".launcher").getAttribute("aria-expanded")).isEqualTo("false");
    }

    @Test
    void axeFindsNoSeriousOrCriticalViolationsInLtrAndRtl() {
        // GIVEN an exchange in English, light theme, ending in the getting-ready message with its retry button
        openPage(site.origin(), "axe", fresh, Map.of());
        browser.inWidget(".launcher").click();
        ask("What are the opening hours?");
        awaitError();
        assertThat(serious(browser.axe(axeScript()))).isEmpty();
        browser.screenshot("axe-ltr");
        // AND the same in Arabic, right to left, dark theme
        openPage(site.origin(), "axe-rtl", fresh, Map.of("locale", "ar", "theme", "dark", "open", ""));
        assertThat(browser.inWidget(".root").getAttribute("dir")).isEqualTo("rtl");
        ask("\u0645\u062a\u0649 \u064a\u0641\u062a\u062d \u0627\u0644\u0645\u062a\u062d\u0641\u061f");
        awaitError();
        assertThat(serious(browser.axe(axeScript()))).isEmpty();
        browser.screenshot("axe-rtl-dark");
    }

    private static Path axeScript() {
        Path axe = projectRoot().resolve("tools/node/node_modules/axe-core/axe.min.js");
        assertThat(axe).as("axe-core from npm (tools/node: npm ci --ignore-scripts)").exists();
        return axe;
    }

    @Test
    void demoPageOnTheEdgeEmbedsAWorkingWidget() {
        // GIVEN the local edge's own demo page, embedding the widget for the demo tenant
        browser.driver.get(edge.baseUrl() + "/demo");
        browser.await(Duration.ofSeconds(20), d -> browser.inWidget(".launcher").isDisplayed());
        browser.inWidget(".launcher").click();
        // WHEN a visitor asks something
        ask("What are your opening hours?");
        // THEN the mesh answers: with an answer once the sample document is indexed, "getting ready" before
        String outcome = browser.await(ANSWER, d -> {
            List<WebElement> err = browser.allInWidget(".msg.err");
            if (!err.isEmpty()) return err.getLast().getAttribute("data-code");
            return browser.allInWidget(".msg.bot").size() >= 2 ? "answer" : null;
        });
        browser.screenshot("demo-page");
        assertThat(outcome).isIn("answer", "tenant_not_ready");
    }

    @Test
    void pageScriptsDriveTheWidgetThroughTheChattiaEmbedApi() {
        openPage(site.origin(), "api", fresh, Map.of("accent", "#ffcc00"));
        // (the accent applies under the page's strict CSP, with dark text for contrast on a light accent)
        assertThat(browser.inWidget(".launcher").getCssValue("background-color")).isEqualTo("rgba(255, 204, 0, 1)");
        assertThat(browser.inWidget(".launcher").getCssValue("color")).isEqualTo("rgba(0, 0, 0, 1)");
        // GIVEN a page script listening to every event (subscribing late still hears "ready")
        browser.js("window.seen = [];"
                + "['ready','open','close','message','error'].forEach(n => ChattiaEmbed.on(n, e => seen.push(n + ':' + "
                + "(e.role || e.code || ''))));");
        // WHEN it sends a message and then closes the widget
        assertThat(browser.js("return ChattiaEmbed.send('Do you have a cafe?');")).isEqualTo(true);
        awaitError();
        browser.js("ChattiaEmbed.close();");
        // THEN it heard the widget open, the visitor's message, the not-ready error and the close, in order
        assertThat(browser.js("return seen;")).isEqualTo(List.of("ready:", "open:", "message:user", "error:tenant_not_ready", "close:"));
        // AND an unsubscribed handler hears nothing more
        browser.js("const off = ChattiaEmbed.on('open', () => seen.push('late')); off(); ChattiaEmbed.open();");
        assertThat(browser.js("return seen.includes('late');")).isEqualTo(false);
    }

    @Test
    void anExpiredSessionIsReplacedWithoutBotheringTheVisitor() {
        // GIVEN a session left in sessionStorage whose token the edge no longer accepts
        openPage(site.origin(), "stale", fresh, Map.of());
        browser.js("sessionStorage.setItem(arguments[0], JSON.stringify({sessionId: 's_stale_session_1', sessionToken: 'x.y.z'}));",
                "chattia:" + edge.baseUrl() + "|" + fresh.publishableKey());
        browser.inWidget(".launcher").click();
        // WHEN the visitor writes
        ask("Anyone there?");
        // THEN the widget starts a new session by itself and shows the mesh's real answer (not ready yet)
        WebElement error = awaitError();
        assertThat(error.getAttribute("data-code")).isEqualTo("tenant_not_ready");
        assertThat(browser.allInWidget(".msg.user")).hasSize(1);
        // AND the refused session is gone from storage (so it was the one the widget had sent)
        assertThat(browser.js("return sessionStorage.getItem(arguments[0]);",
                "chattia:" + edge.baseUrl() + "|" + fresh.publishableKey())).isNull();
    }

    @Test
    void secretKeyIsRefusedAndNothingIsMounted() {
        browser.driver.get(site.origin() + site.page("secret", scriptTag, Map.of("key", "sk_" + fresh.tenantId() + "_oops")));
        browser.await(Duration.ofSeconds(10), d -> browser.js("return !!window.ChattiaEmbed;"));
        assertThat(browser.js("return document.querySelector('[data-chattia-embed]').shadowRoot;")).isNull();
    }

    private static List<Map<String, Object>> serious(List<Map<String, Object>> violations) {
        return violations.stream().filter(v -> "serious".equals(v.get("impact")) || "critical".equals(v.get("impact"))).toList();
    }

    private static Path projectRoot() {
        String prop = System.getProperty("edgemesh.root");
        Path p = prop != null ? Path.of(prop) : Path.of("").toAbsolutePath();
        while (p != null && !Files.exists(p.resolve("mvnw"))) p = p.getParent();
        if (p == null) throw new IllegalStateException("cannot find the project root (the folder holding mvnw)");
        return p;
    }

}
