package io.github.paynetsavecard.mock.paynet;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.paynetsavecard.mock.HeadlessChromium;
import io.github.paynetsavecard.mock.junit.PaynetMockExtension;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * The whole hosted-page flow in a real browser ({@link HeadlessChromium}: skipped without Chromium locally, failing
 * in CI). Screenshots land in {@code mock-server/target/screenshots/}.
 */
class HostedPageBrowserTest {
    private static final JsonNode SCREEN = PaynetCalls.SPEC.at(
            "/paths/~1v1~1paynetj~1save_card/post/x-paynet-hosted-page/screen");

    @RegisterExtension
    static PaynetMockExtension mock = PaynetMockExtension.builder().build();

    @Test
    void aCardholderNamesTheCardOnTheHostedPageAndTheChargeReportsItSaved(@TempDir Path profile) throws IOException {
        HeadlessChromium.require();
        PaynetCalls calls = new PaynetCalls(mock.baseUrl());
        String session = calls.auth();
        assertThat(calls.saveCardWithoutDescription(session).json().path("session_id").asText()).isEqualTo(session);

        WebDriver browser = HeadlessChromium.start(profile, 900, 1000);
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
            HeadlessChromium.await(browser, By.id("form-errors"), SCREEN.at("/errors/confirmationMissing").asText());
            assertThat(mock.paynet().session(session).orElseThrow().cardDesc()).isEmpty();
            HeadlessChromium.screenshot(browser, "hosted-page-error.png");

            // The typed name is kept; tick the box through its label and submit with Enter, as a keyboard user would.
            WebElement name = browser.findElement(By.id("card-name"));
            assertThat(name.getAttribute("value")).isEqualTo("İş kartım");
            name.clear();
            name.sendKeys("Maaş kartım");
            browser.findElement(By.cssSelector("label[for=agreement]")).click();
            assertThat(browser.findElement(By.id("agreement")).isSelected()).isTrue();
            HeadlessChromium.screenshot(browser, "hosted-page.png");
            browser.findElement(By.id("card-name")).sendKeys(Keys.ENTER);

            HeadlessChromium.await(browser, By.tagName("h1"), SCREEN.at("/afterSubmit/title").asText());
            assertThat(browser.findElement(By.id("saved-name")).getText()).isEqualTo("Maaş kartım");
            HeadlessChromium.screenshot(browser, "hosted-page-saved.png");
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
