package io.github.paynetsavecard.mock.paynet;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.paynetsavecard.mock.junit.PaynetMockExtension;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The whole hosted-page flow in a real browser: Debian's headless Chromium driven by Debian's chromedriver (never a
 * downloaded one). Without them the test is skipped with the reason; with {@code CI=true} it fails instead.
 * Screenshots land in {@code mock-server/target/screenshots/}.
 */
class HostedPageBrowserTest {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final JsonNode SCREEN = PaynetCalls.SPEC.at(
            "/paths/~1v1~1paynetj~1save_card/post/x-paynet-hosted-page/screen");

    @RegisterExtension
    static PaynetMockExtension mock = PaynetMockExtension.builder().build();

    /** Skips locally and fails in CI when the browser or its driver is missing. */
    static void requireChromium() {
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

    static WebDriver headlessChromium(Path profile) {
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
        driver.manage().window().setSize(new Dimension(900, 1000));
        return driver;
    }

    private static void screenshot(WebDriver driver, String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        File shot = ((ChromeDriver) driver).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), SCREENSHOTS.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }

    @Test
    void withoutChromiumItIsSkippedWithTheReasonLocallyAndFailsInCi() {
        Path missing = Path.of("/nonexistent/chromium");

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> require(null, missing))
                .isInstanceOf(org.opentest4j.TestAbortedException.class)
                .hasMessageContaining("/nonexistent/chromium is missing").hasMessageContaining("apt-get install");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> require("true", missing))
                .isInstanceOf(AssertionError.class).hasMessageContaining("CI=true");
    }

    /**
     * The element {@code locator} finds on the page that a submit leads to, once its text contains {@code text}:
     * a click or Enter starts a navigation that Selenium does not always wait for.
     */
    private static WebElement await(WebDriver browser, By locator, String text) {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        String seen = "(not on the page)";
        while (System.nanoTime() < deadline) {
            try {
                WebElement element = browser.findElement(locator);
                seen = element.getText();
                if (seen.contains(text)) {
                    return element;
                }
            } catch (org.openqa.selenium.WebDriverException stillLoading) {
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

    @Test
    void aCardholderNamesTheCardOnTheHostedPageAndTheChargeReportsItSaved(@TempDir Path profile) throws IOException {
        requireChromium();
        PaynetCalls calls = new PaynetCalls(mock.baseUrl());
        String session = calls.auth();
        assertThat(calls.saveCardWithoutDescription(session).json().path("session_id").asText()).isEqualTo(session);

        WebDriver browser = headlessChromium(profile);
        try {
            browser.get(mock.baseUrl() + "/__paynet/hosted-page?session_id=" + PaynetCalls.encode(session));
            assertThat(browser.getTitle()).isEqualTo(SCREEN.at("/title").asText());
            assertThat(browser.findElement(By.cssSelector("label[for=card-name]")).getText())
                    .isEqualTo(SCREEN.at("/cardNameField/label").asText());
            assertThat(browser.findElement(By.id("agreement-title")).getText())
                    .isEqualTo(SCREEN.at("/agreement/title").asText());

            // Submit without ticking the box: the page shows the error and nothing is stored.
            browser.findElement(By.id("card-name")).sendKeys("İş kartım");
            browser.findElement(By.cssSelector("button[value=save]")).click();
            await(browser, By.id("form-errors"), SCREEN.at("/errors/confirmationMissing").asText());
            assertThat(mock.paynet().session(session).orElseThrow().cardDesc()).isEmpty();
            screenshot(browser, "hosted-page-error.png");

            // The typed name is kept; tick the box through its label and submit with Enter, as a keyboard user would.
            WebElement name = browser.findElement(By.id("card-name"));
            assertThat(name.getAttribute("value")).isEqualTo("İş kartım");
            name.clear();
            name.sendKeys("Maaş kartım");
            browser.findElement(By.cssSelector("label[for=agreement]")).click();
            assertThat(browser.findElement(By.id("agreement")).isSelected()).isTrue();
            screenshot(browser, "hosted-page.png");
            browser.findElement(By.id("card-name")).sendKeys(Keys.ENTER);

            await(browser, By.tagName("h1"), SCREEN.at("/afterSubmit/title").asText());
            assertThat(browser.findElement(By.id("saved-name")).getText()).isEqualTo("Maaş kartım");
            screenshot(browser, "hosted-page-saved.png");
        } finally {
            browser.quit();
        }

        JsonNode charge = calls.charge(session).json();
        assertThat(charge.path("is_save_card_succeed").asBoolean()).isTrue();
        assertThat(charge.path("card_owner_id").asText()).isNotBlank();
        assertThat(mock.paynet().session(session).orElseThrow().storedCard().orElseThrow().cardDesc())
                .isEqualTo("Maaş kartım");
    }
}
