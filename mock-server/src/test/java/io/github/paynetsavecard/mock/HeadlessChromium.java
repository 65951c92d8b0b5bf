package io.github.paynetsavecard.mock;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The browser tests' one way to a browser: Debian's headless Chromium driven by Debian's chromedriver (never a
 * downloaded one). Without them a test is skipped with the reason; with {@code CI=true} it fails instead.
 * Screenshots land in {@code mock-server/target/screenshots/}.
 */
public final class HeadlessChromium {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    public static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private HeadlessChromium() {
    }

    /** Skips locally and fails in CI when the browser or its driver is missing. */
    public static void require() {
        require(System.getenv("CI"), CHROMIUM, CHROMEDRIVER);
    }

    static void require(String ci, Path... tools) {
        for (Path tool : tools) {
            if (!Files.isExecutable(tool)) {
                String reason = tool + " is missing: install Debian's chromium and chromium-driver"
                        + " (apt-get install chromium chromium-driver), as .ci/run does";
                if ("true".equalsIgnoreCase(ci)) {
                    throw new AssertionError(reason + " (CI=true: the browser test must run in CI)");
                }
                Assumptions.abort(reason);
            }
        }
    }

    /** A headless browser with its own profile directory and a window of {@code width} by {@code height}. */
    public static WebDriver start(Path profile, int width, int height) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage", "--no-first-run",
                "--lang=tr-TR", "--user-data-dir=" + profile.toAbsolutePath());
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        WebDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        driver.manage().window().setSize(new Dimension(width, height));
        return driver;
    }

    /** Saves what the browser shows as {@code target/screenshots/<name>}. */
    public static Path screenshot(WebDriver driver, String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        Path target = SCREENSHOTS.resolve(name);
        Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
        return target;
    }

    /**
     * The element {@code locator} finds once its text contains {@code text}: a click or Enter starts a navigation,
     * and a script renders later, and Selenium does not always wait for either.
     */
    public static WebElement await(WebDriver browser, By locator, String text) {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        String seen = "(not on the page)";
        while (System.nanoTime() < deadline) {
            try {
                WebElement element = browser.findElement(locator);
                seen = element.getText();
                if (seen.contains(text)) {
                    return element;
                }
            } catch (WebDriverException stillLoading) {
                // not there yet, or the old page went away under us; look again
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for the page", e);
            }
        }
        throw new AssertionError("expected " + locator + " to show `" + text + "`, but it shows `" + seen + "`");
    }
}
