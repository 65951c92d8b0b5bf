package io.github.paynetsavecard.mock;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.paynetsavecard.spec.ApiSpec;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * The reference page {@code /__paynet/docs} in a real browser ({@link HeadlessChromium}): Swagger UI renders the
 * served spec from the mock's own files, and "Try it out" calls the mock. Leaves
 * {@code target/screenshots/reference-page.png} and {@code reference-page-try-it-out.png}.
 */
class ReferencePageBrowserTest {
    private static final String TITLE = ApiSpec.bundled().tree().at("/info/title").asText();
    private static final PaynetMockServer MOCK = PaynetMockServer.builder().build().start();

    @AfterAll
    static void stop() {
        MOCK.close();
    }

    @Test
    void rendersTheServedSpecAndTryItOutCallsTheMock(@TempDir Path profile) throws IOException {
        HeadlessChromium.require();
        WebDriver browser = HeadlessChromium.start(profile, 1280, 1400);
        try {
            browser.get(MOCK.baseUrl() + "/__paynet/docs");
            HeadlessChromium.await(browser, By.cssSelector(".info .title"), TITLE);
            WebElement server = browser.findElement(By.cssSelector(".servers select option:checked"));
            assertThat(server.getAttribute("value")).isEqualTo(MOCK.baseUrl());
            assertThat(browser.findElements(By.cssSelector(".opblock"))).hasSizeGreaterThanOrEqualTo(3);
            HeadlessChromium.screenshot(browser, "reference-page.png");

            WebElement saveCard = browser.findElement(By.cssSelector("[id$='-saveCard']"));
            saveCard.findElement(By.cssSelector(".opblock-summary-control")).click();
            // The page opens every operation ready to try (tryItOutEnabled), with the spec's example as the body.
            WebElement execute = HeadlessChromium.await(browser, By.cssSelector("[id$='-saveCard'] .execute"),
                    "Execute");
            ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'})", execute);
            execute.click();
            // No key was entered in "Authorize", so the mock's validation answers 401: the call reached the mock.
            HeadlessChromium.await(browser, By.cssSelector("[id$='-saveCard'] .live-responses-table"
                    + " tbody .response-col_status"), "401");
            WebElement status = browser.findElement(By.cssSelector("[id$='-saveCard'] .live-responses-table"));
            ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'})", status);
            HeadlessChromium.screenshot(browser, "reference-page-try-it-out.png");
        } finally {
            browser.quit();
        }
        assertThat(MOCK.receivedRequests()).anySatisfy(sent -> {
            assertThat(sent.method()).isEqualTo("POST");
            assertThat(sent.path()).isEqualTo("/v1/paynetj/save_card");
        });
    }
}
