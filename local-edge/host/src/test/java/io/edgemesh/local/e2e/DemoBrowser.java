package io.edgemesh.local.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.NoSuchShadowRootException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A visitor's browser on the demo page: Debian's headless Chromium through its packaged chromedriver
 * (paths given: nothing can be downloaded here), a fresh profile, and the widget's shadow DOM.
 */
final class DemoBrowser implements AutoCloseable {
    static final Path CHROMIUM = Path.of(System.getProperty("edgemesh.chromium", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getProperty("edgemesh.chromedriver", "/usr/bin/chromedriver"));

    private final ChromeDriver driver;
    private final Path profile;

    static boolean available() {
        return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    }

    DemoBrowser() throws IOException {
        profile = Files.createTempDirectory("edgemesh-demo-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--no-first-run", "--disable-dev-shm-usage",
                "--user-data-dir=" + profile, "--window-size=1280,900", "--lang=en-US");
        driver = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build(), options);
    }

    void open(String url) {
        driver.get(url);
        await(Duration.ofSeconds(30), d -> widget().findElement(By.cssSelector(".launcher")).isDisplayed());
    }

    /** Opens the panel, types the question and presses Enter, as a visitor does. */
    void ask(String question) {
        widget().findElement(By.cssSelector(".launcher")).click();
        WebElement input = widget().findElement(By.cssSelector("textarea"));
        input.sendKeys(question);
        input.sendKeys(Keys.ENTER);
    }

    /** The answer bubble (the second bot message; the first is the greeting); an error bubble fails. */
    WebElement awaitAnswer(Duration timeout) {
        return await(timeout, d -> {
            List<WebElement> errors = widget().findElements(By.cssSelector(".msg.err"));
            if (!errors.isEmpty()) {
                throw new AssertionError("the widget showed an error: " + errors.getLast().getAttribute("data-code") + " "
                        + errors.getLast().getText());
            }
            List<WebElement> bots = widget().findElements(By.cssSelector(".msg.bot"));
            return bots.size() >= 2 ? bots.getLast() : null;
        });
    }

    void screenshot(Path file) {
        try {
            Files.createDirectories(file.getParent());
            Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), file, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private SearchContext widget() {
        return driver.findElement(By.cssSelector("[data-chattia-embed]")).getShadowRoot();
    }

    private <T> T await(Duration timeout, Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, timeout).ignoring(NoSuchElementException.class)
                .ignoring(NoSuchShadowRootException.class).until(condition);
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (var files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException ignored) {
                // a temp profile left behind is harmless
            }
        }
    }
}
