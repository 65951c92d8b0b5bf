package io.github.paynetsavecard.mock.engine;

import static io.github.paynetsavecard.mock.engine.EngineCall.request;
import static io.github.paynetsavecard.mock.engine.EngineCall.validSaveCard;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.paynetsavecard.spec.ApiSpec;
import org.junit.jupiter.api.Test;

class CorsTest {
    private static final MockEngine WITH_CORS = EngineCall.engine(ApiSpec.bundled());
    private static final MockEngine WITHOUT_CORS = MockEngine.create(ApiSpec.bundled(),
            EngineOptions.defaults().withCors(false));

    private static EngineCall preflight(String path) {
        return request("OPTIONS", path).header("Origin", "https://shop.example")
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization,content-type");
    }

    @Test
    void answersAnyPreflightWith204AllowingWhatWasAsked() {
        MockResponse response = preflight("/not/in/the/spec").sendTo(WITH_CORS);

        assertThat(response.status()).isEqualTo(204);
        assertThat(response.body()).isEmpty();
        assertThat(response.header("Access-Control-Allow-Origin")).contains("https://shop.example");
        assertThat(response.header("Access-Control-Allow-Methods")).contains("POST");
        assertThat(response.header("Access-Control-Allow-Headers")).contains("authorization,content-type");
        assertThat(response.header("Access-Control-Allow-Credentials")).contains("true");
        assertThat(response.header("Vary")).contains("origin");
    }

    @Test
    void addsCorsHeadersToAnswersAndErrors() {
        MockResponse answer = validSaveCard().sendTo(WITH_CORS);
        MockResponse error = request("GET", "/nowhere").header("Origin", "https://shop.example").sendTo(WITH_CORS);

        assertThat(answer.header("Access-Control-Allow-Origin")).contains("*");
        assertThat(answer.header("Access-Control-Expose-Headers")).contains("*");
        assertThat(error.header("Access-Control-Allow-Origin")).contains("https://shop.example");
    }

    @Test
    void treatsOptionsWithoutPreflightHeadersAsAnOrdinaryRequest() {
        assertThat(request("OPTIONS", EngineCall.SAVE_CARD).sendTo(WITH_CORS).status()).isEqualTo(405);
    }

    @Test
    void leavesCorsOutWhenSwitchedOff() {
        MockResponse preflight = preflight(EngineCall.SAVE_CARD).sendTo(WITHOUT_CORS);
        MockResponse answer = validSaveCard().header("Origin", "https://shop.example").sendTo(WITHOUT_CORS);

        assertThat(preflight.status()).isEqualTo(405);
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.headers().keySet()).noneMatch(name -> name.startsWith("Access-Control"));
    }
}
