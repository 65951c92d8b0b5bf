package io.github.paynetsavecard.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SuiteSettingsTest {
    @Test
    void toStringLeavesOutTheEnvironmentAndItsKeys() {
        SuiteSettings settings = new SuiteSettings(List.of("mock", "paynet-test"), Path.of("openapi.yaml"),
                Path.of("prism"), Path.of("target/conformance"), Path.of("target/report.md"),
                Map.of(SuiteSettings.PAYNET_TEST_KEY, "sck_live_secret_key",
                        SuiteSettings.CONFORMANCE_KEY, "sck_other_secret"),
                Optional.empty(), Optional.empty());

        assertThat(settings.toString()).contains("mock, paynet-test", "openapi.yaml")
                .doesNotContain("sck_live_secret_key", "sck_other_secret");
        assertThat(settings.env(SuiteSettings.PAYNET_TEST_KEY)).contains("sck_live_secret_key");
    }
}
