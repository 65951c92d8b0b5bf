package io.github.paynetsavecard.mock.engine;

import static io.github.paynetsavecard.mock.engine.EngineCall.body;
import static io.github.paynetsavecard.mock.engine.EngineCall.request;
import static io.github.paynetsavecard.mock.engine.EngineCall.validSaveCard;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.paynetsavecard.spec.ApiSpec;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Hostile or broken requests get a clear 4xx, never an exception or a 500. */
class BadInputTest {
    private static final MockEngine ENGINE = EngineCall.engine(ApiSpec.bundled());

    @Test
    void rejectsTruncatedJsonAsInvalidJson() {
        MockResponse response = validSaveCard().json("{\"session_id\":\"js_").sendTo(ENGINE);

        assertThat(response.status()).isEqualTo(400);
        assertThat(body(response).at("/error/code").asText()).isEqualTo("invalid_json");
    }

    @Test
    void rejectsTrailingGarbageAfterTheJsonValue() {
        MockResponse response = validSaveCard().json("{\"session_id\":\"js_x\"} trailing").sendTo(ENGINE);

        assertThat(response.status()).isEqualTo(400);
        assertThat(body(response).at("/error/code").asText()).isEqualTo("invalid_json");
    }

    @Test
    void rejectsTenThousandNestedArraysWithoutRecursingIntoThem() {
        String deep = "[".repeat(10_000) + "]".repeat(10_000);

        MockResponse response = validSaveCard().json(deep).sendTo(ENGINE);

        assertThat(response.status()).isEqualTo(400);
        assertThat(body(response).at("/error/message").asText()).contains("nested deeper than 512");
        assertThat(validSaveCard().sendTo(ENGINE).status()).isEqualTo(200);
    }

    @Test
    void acceptsNestingUpToTheConfiguredLimit() {
        MockEngine strict = MockEngine.create(ApiSpec.bundled(), EngineOptions.defaults().withMaxJsonNestingDepth(3));

        assertThat(validSaveCard().json("{\"session_id\":\"x\",\"a\":[[1]]}").sendTo(strict).status())
                .isEqualTo(200);
        assertThat(validSaveCard().json("{\"session_id\":\"x\",\"a\":[[[1]]]}").sendTo(strict).status())
                .isEqualTo(400);
    }

    @Test
    void rejectsAnUnknownCharsetAsInvalidBody() {
        MockResponse response = validSaveCard().withoutHeader("Content-Type")
                .header("Content-Type", "application/json; charset=klingon").sendTo(ENGINE);

        assertThat(response.status()).isEqualTo(400);
        assertThat(body(response).at("/error/code").asText()).isEqualTo("invalid_body");
    }

    @Test
    void readsInvalidUtf8BytesAsReplacementCharactersLikeNode() {
        byte[] bytes = "{\"session_id\":\"js_\u0000\"}".getBytes(StandardCharsets.UTF_8);
        bytes[bytes.length - 3] = (byte) 0xFF;

        MockResponse response = validSaveCard().body(bytes).sendTo(ENGINE);

        assertThat(response.status()).isEqualTo(200);
    }

    @Test
    void treatsAnUnparsableContentTypeAsUnsupported() {
        MockResponse response = validSaveCard().withoutHeader("Content-Type").header("Content-Type", "garbage")
                .sendTo(ENGINE);

        assertThat(response.status()).isEqualTo(400);
        assertThat(EngineCall.violations(response)).containsExactly("request 415");
    }

    @Test
    void answersAnUnparsableAcceptWith406WherePrismCrashes() {
        MockResponse response = validSaveCard().header("Accept", "garbage").sendTo(ENGINE);

        assertThat(response.status()).isEqualTo(406);
        assertThat(validSaveCard().sendTo(ENGINE).status()).isEqualTo(200);
    }

    @Test
    void neverThrowsOrAnswers500ForRandomRequests() {
        Random random = new Random(7);
        List<String> methods = List.of("GET", "POST", "PUT", "OPTIONS", "HEAD", "", "P\u00d6ST");
        List<String> paths = List.of("/v1/paynetj/save_card", "/", "", "//", "/v1/%zz", "/v1/paynetj/auth/../auth",
                "relative", "/v1/paynetj/save_card?x");
        List<String> contentTypes = List.of("application/json", "application/json; charset=utf-16", "text/plain",
                "application/*", ";;;", "application/json; charset=", "multipart/form-data; boundary=x");
        List<String> prefers = List.of("", "code", "code=", "code=2000", "example=\"", "dynamic=true, seed=",
                "code=200;foo=bar, example=saved", ",,,", "=", "\"code=200\"");
        for (int i = 0; i < 2_000; i++) {
            byte[] bytes = new byte[random.nextInt(64)];
            random.nextBytes(bytes);
            byte[] payload = random.nextBoolean() ? bytes
                    : ("{\"session_id\":" + (random.nextBoolean() ? "\"x\"" : "1") + "}").getBytes(StandardCharsets.UTF_8);
            MockRequest request = new MockRequest(methods.get(random.nextInt(methods.size())),
                    paths.get(random.nextInt(paths.size())),
                    Map.of("__code", List.of(String.valueOf(random.nextInt(1000)))),
                    Map.of("Content-Type", List.of(contentTypes.get(random.nextInt(contentTypes.size()))),
                            "Prefer", List.of(prefers.get(random.nextInt(prefers.size()))),
                            "Accept", List.of(random.nextBoolean() ? "*/*" : ";q=x, /, a/b;c"),
                            "Authorization", List.of(random.nextBoolean() ? "Basic k" : "")),
                    payload);

            MockResponse response = ENGINE.handle(request);

            assertThat(response.status()).as("answer to %s", request).isBetween(200, 499);
        }
    }

    @Test
    void toleratesNullPartsInTheRequest() {
        MockResponse response = ENGINE.handle(new MockRequest("POST", EngineCall.SAVE_CARD, null, null, null));

        assertThat(response.status()).isEqualTo(401);
    }

    @Test
    void servesTheNextRequestNormallyAfterBadOnes() {
        request("POST", EngineCall.SAVE_CARD).json("[".repeat(100_000)).sendTo(ENGINE);
        validSaveCard().json("\u0000").sendTo(ENGINE);

        assertThat(validSaveCard().sendTo(ENGINE).status()).isEqualTo(200);
    }
}
