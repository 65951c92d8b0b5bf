package io.github.paynetsavecard.conformance.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExchangeTest {
    private static Exchange exchange(String authorization, String requestBody) {
        return Exchange.of(
                new Exchange.WireRequest("POST", "http://127.0.0.1:4010/v1/paynetj/save_card",
                        Map.of("Authorization", List.of(authorization)), requestBody),
                new Exchange.WireResponse(400, Map.of("Content-Type", List.of("application/json")),
                        "{\"code\":400}"));
    }

    @Test
    void neverShowsTheApiKeyButKeepsTheScheme() {
        String text = exchange("Basic sck_live_secret_key", "{}").describe();

        assertThat(text).doesNotContain("sck_live_secret_key").contains("Authorization: Basic <redacted>");
    }

    @Test
    void hidesAKeySentWithoutAScheme() {
        String text = exchange("sck_live_secret_key", "{}").describe();

        assertThat(text).doesNotContain("sck_live_secret_key").contains("Authorization: <redacted>");
    }

    @Test
    void masksPhoneNumbersInBodies() {
        String text = exchange("Basic k", "{\"session_id\":\"s\",\"user_gsm\":\"5321234567\"}").describe();

        assertThat(text).doesNotContain("5321234567").contains("\"user_gsm\":\"********67\"");
    }

    @Test
    void showsTheRequestThenTheResponse() {
        String text = exchange("Basic k", "{\"session_id\":\"s\"}").describe();

        assertThat(text).containsSubsequence("request:", "POST http://127.0.0.1:4010/v1/paynetj/save_card",
                "{\"session_id\":\"s\"}", "response:", "HTTP 400", "Content-Type: application/json", "{\"code\":400}");
    }

    @Test
    void readsHeadersWhateverTheirCase() {
        Exchange.WireResponse response = exchange("Basic k", "").answer();

        assertThat(response.header("content-type")).contains("application/json");
        assertThat(response.json()).hasValueSatisfying(json -> assertThat(json.path("code").asInt()).isEqualTo(400));
    }
}
