package io.github.paynetsavecard.mock;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.paynetsavecard.client.Redaction;
import io.github.paynetsavecard.mock.engine.MockRequest;
import io.github.paynetsavecard.spec.ApiSpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RequestRecorderTest {
    private static ReceivedRequest request(String path, int bodyBytes) {
        return new ReceivedRequest("POST", path, Map.of(), Map.of(), new byte[bodyBytes], Redaction.builder().build());
    }

    private static List<String> paths(RequestRecorder recorder) {
        return recorder.snapshot().stream().map(ReceivedRequest::path).toList();
    }

    @Test
    void keepsTheNewestRequestsUpToTheLimit() {
        RequestRecorder recorder = new RequestRecorder(2, null, Redaction.builder().build());

        recorder.record(request("/1", 0));
        recorder.record(request("/2", 0));
        recorder.record(request("/3", 0));

        assertThat(paths(recorder)).containsExactly("/2", "/3");
    }

    @Test
    void dropsTheOldestWhileTheBodiesAddUpToMoreThanTheBudget() {
        RequestRecorder recorder = new RequestRecorder(100, 10, null, Redaction.builder().build());

        recorder.record(request("/1", 4));
        recorder.record(request("/2", 4));
        recorder.record(request("/3", 4));

        assertThat(paths(recorder)).containsExactly("/2", "/3");
    }

    @Test
    void alwaysKeepsTheNewestRequestEvenOverTheBudget() {
        RequestRecorder recorder = new RequestRecorder(100, 10, null, Redaction.builder().build());

        recorder.record(request("/small", 1));
        recorder.record(request("/big", 11));

        assertThat(paths(recorder)).containsExactly("/big");
    }

    @Test
    void clearingAlsoFreesTheBudget() {
        RequestRecorder recorder = new RequestRecorder(100, 10, null, Redaction.builder().build());
        recorder.record(request("/1", 8));

        recorder.clear();
        recorder.record(request("/2", 5));
        recorder.record(request("/3", 5));

        assertThat(paths(recorder)).containsExactly("/2", "/3");
    }

    @Test
    void aPrintedRequestShowsNoKeyPhoneNumberSessionIdOrCardDescription() {
        ReceivedRequest request = new ReceivedRequest("POST", "/v1/paynetj/save_card", Map.of(),
                Map.of("Authorization", List.of("Basic sck_secret"), "Proxy-Authorization", List.of("Basic p")),
                ("{\"session_id\":\"js_EAAAAMb2/RMGqozzIWMQWUTL5pJrdQvi\",\"card_desc\":\"onur ozdemir\","
                        + "\"user_gsm\":\"5321234567\"}").getBytes(StandardCharsets.UTF_8),
                Redaction.builder().build());

        assertThat(request.toString()).contains("POST /v1/paynetj/save_card", "\"user_gsm\":\"********67\"",
                "Authorization: Basic <redacted>", "Proxy-Authorization: Basic <redacted>",
                "\"session_id\":\"js_EAAAAMb\u2026\"", "\"card_desc\":\"<redacted>\"")
                .doesNotContain("sck_secret", "5321234567", "Basic p", "RMGqozzIWMQWUTL5pJrdQvi", "onur ozdemir");
        assertThat(request.bodyAsString()).contains("5321234567", "onur ozdemir");
    }

    @Test
    void aPrintedRequestHidesTheKeyWhereverTheSpecsSchemesPutIt(@TempDir Path dir) throws IOException {
        Path spec = Files.writeString(dir.resolve("openapi.yaml"), """
                openapi: 3.0.3
                info: {title: keys, version: "1"}
                paths: {}
                components:
                  securitySchemes:
                    inHeader: {type: apiKey, in: header, name: X-Merchant-Key}
                    inQuery: {type: apiKey, in: query, name: api_key}
                    inCookie: {type: apiKey, in: cookie, name: merchant}
                """);
        Redaction policy = RequestRecorder.redactionFor(ApiSpec.load(spec));
        ReceivedRequest request = new ReceivedRequest("GET", "/v1/cards",
                Map.of("api_key", List.of("sck_query"), "page", List.of("2")),
                Map.of("X-Merchant-Key", List.of("sck_header"), "Cookie", List.of("merchant=sck_cookie; theme=dark"),
                        "Accept", List.of("application/json")), new byte[0], policy);

        assertThat(request.toString()).contains("X-Merchant-Key: <redacted>", "merchant=<redacted>; theme=dark",
                "api_key=[<redacted>]", "page=[2]", "Accept: application/json")
                .doesNotContain("sck_query", "sck_header", "sck_cookie");
    }

    @Test
    void theEnginesRecordsShowOnlyHeadersThatNeverCarryACredential() {
        MockRequest request = new MockRequest("POST", "/v1/paynetj/save_card", Map.of("api_key", List.of("sck_q")),
                Map.of("X-Anything", List.of("sck_h"), "Content-Type", List.of("application/json")),
                "{\"session_id\":\"js_EAAAAMb2/RMGqozzIWMQWUTL5pJrdQvi\",\"card_desc\":\"onur ozdemir\"}"
                        .getBytes(StandardCharsets.UTF_8));
        io.github.paynetsavecard.mock.engine.RuleContext context = new io.github.paynetsavecard.mock.engine.RuleContext(
                request, "saveCard", Map.of(), java.util.Optional.of(
                        new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode()
                                .put("card_desc", "onur ozdemir").put("user_gsm", "5321234567")), false);

        assertThat(request.toString()).contains("X-Anything=[<redacted>]", "Content-Type=[application/json]",
                "api_key=[<redacted>]", "\"card_desc\":\"<redacted>\"")
                .doesNotContain("sck_q", "sck_h", "onur ozdemir", "RMGqozzIWMQWUTL5pJrdQvi");
        assertThat(context.toString()).contains("saveCard", "\"user_gsm\":\"********67\"")
                .doesNotContain("sck_q", "sck_h", "onur ozdemir", "5321234567");
    }
}
