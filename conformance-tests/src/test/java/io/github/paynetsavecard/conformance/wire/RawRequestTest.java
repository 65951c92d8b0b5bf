package io.github.paynetsavecard.conformance.wire;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RawRequestTest {
    @Test
    void toStringNeverShowsTheKeyOrAFullPhoneNumber() {
        RawRequest request = RawRequest.post("/v1/paynetj/save_card")
                .header("Authorization", "Basic sck_live_secret_key")
                .body("application/json", "{\"session_id\":\"s\",\"user_gsm\":\"5321234567\"}")
                .build();

        assertThat(request.toString())
                .startsWith("POST /v1/paynetj/save_card")
                .contains("Authorization: Basic <redacted>", "Content-Type: application/json",
                        "\"user_gsm\":\"********67\"")
                .doesNotContain("sck_live_secret_key", "5321234567");
    }
}
