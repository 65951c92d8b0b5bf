package io.github.paynetsavecard.mock.engine;

import static io.github.paynetsavecard.mock.engine.EngineCall.SAVE_CARD;
import static io.github.paynetsavecard.mock.engine.EngineCall.body;
import static io.github.paynetsavecard.mock.engine.EngineCall.request;
import static io.github.paynetsavecard.mock.engine.EngineCall.specValue;
import static io.github.paynetsavecard.mock.engine.EngineCall.validSaveCard;
import static io.github.paynetsavecard.mock.engine.EngineCall.violations;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.paynetsavecard.spec.ApiSpec;
import io.github.paynetsavecard.spec.OpenApiDocument;
import org.junit.jupiter.api.Test;

/** The decision procedure on the real save_card spec, as observed from Prism 5.14.2 on the same requests. */
class SaveCardSpecBehaviourTest {
    private static final OpenApiDocument SPEC = ApiSpec.bundled();
    private static final MockEngine ENGINE = EngineCall.engine(SPEC);
    private static final String SAVE_CARD_200 =
            "/paths/~1v1~1paynetj~1save_card/post/responses/200/content/application~1json/examples/";

    private static JsonNode componentExample(String response, String example) {
        return specValue(SPEC, "/components/responses/" + response + "/content/application~1json/examples/"
                + example + "/value");
    }

    @Test
    void answersAValidRequestWithTheFirstExampleOfTheLowest2xx() {
        MockResponse response = validSaveCard().sendTo(ENGINE);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Content-Type")).contains("application/json");
        assertThat(body(response)).isEqualTo(specValue(SPEC, SAVE_CARD_200 + "saved/value"));
        assertThat(response.header("sl-violations")).isEmpty();
    }

    @Test
    void answersAMissingKeyWithTheSpecs401ExampleAndReportsEveryViolation() {
        MockResponse response = request("POST", SAVE_CARD).json("{}").sendTo(ENGINE);

        assertThat(response.status()).isEqualTo(401);
        assertThat(body(response)).isEqualTo(componentExample("Unauthorized", "unauthorized"));
        assertThat(violations(response)).containsExactly("request 401", "request.body required");
        assertThat(response.header("WWW-Authenticate")).isEmpty();
    }

    @Test
    void answersSchemaViolationsWithTheSpecs400BecauseItDeclaresNo422() {
        MockResponse response = validSaveCard()
                .json("{\"session_id\":\"js_x\",\"card_desc\":\"\",\"user_gsm\":\"05321234567\"}").sendTo(ENGINE);

        assertThat(response.status()).isEqualTo(400);
        assertThat(body(response)).isEqualTo(componentExample("BadRequest", "badRequest"));
        assertThat(violations(response))
                .containsExactly("request.body.card_desc minLength", "request.body.user_gsm pattern");
    }

    @Test
    void reportsAMissingRequiredFieldAtTheObjectThatLacksIt() {
        MockResponse response = validSaveCard().json("{\"card_desc\":\"x\"}").sendTo(ENGINE);

        assertThat(response.status()).isEqualTo(400);
        assertThat(violations(response)).containsExactly("request.body required");
        assertThat(response.header("sl-violations").orElseThrow()).contains("session_id");
    }

    @Test
    void answersAWrongContentTypeWithThe400AndCode415() {
        MockResponse response = validSaveCard().withoutHeader("Content-Type").header("Content-Type", "text/plain")
                .sendTo(ENGINE);

        assertThat(response.status()).isEqualTo(400);
        assertThat(violations(response)).containsExactly("request 415");
    }

    @Test
    void treatsAMissingOrNullBodyAsAMissingRequiredBody() {
        MockResponse empty = validSaveCard().body(new byte[0]).sendTo(ENGINE);
        MockResponse nullBody = validSaveCard().json("null").sendTo(ENGINE);

        assertThat(empty.status()).isEqualTo(400);
        assertThat(violations(empty)).containsExactly("request required");
        assertThat(nullBody.status()).isEqualTo(400);
        assertThat(violations(nullBody)).containsExactly("request required");
    }

    @Test
    void answersMalformedJsonLikePrismsHttpLayer() {
        MockResponse response = validSaveCard().json("{\"session_id\":").sendTo(ENGINE);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.header("Content-Type")).contains("application/json; charset=utf-8");
        assertThat(body(response).at("/error/code").asText()).isEqualTo("invalid_json");
    }

    @Test
    void letsValidationWinOverAPreferredCode() {
        MockResponse response = validSaveCard().json("{}").header("Prefer", "code=200").sendTo(ENGINE);

        assertThat(response.status()).isEqualTo(400);
    }

    @Test
    void servesThePreferredExampleOfTheErrorResponseWhenTheForcedCodeIsTheValidationCode() {
        MockResponse response = validSaveCard().json("{}").header("Prefer", "code=400, example=nope")
                .sendTo(ENGINE);

        assertThat(response.status()).isEqualTo(404);
        assertThat(body(response).path("type").asText()).endsWith("#NOT_FOUND");
    }

    @Test
    void servesANamedExampleOfThe200() {
        MockResponse response = validSaveCard().header("Prefer", "example=usedSession").sendTo(ENGINE);

        assertThat(response.status()).isEqualTo(200);
        assertThat(body(response)).isEqualTo(specValue(SPEC, SAVE_CARD_200 + "usedSession/value"));
    }

    @Test
    void servesAForcedStatusWithItsFirstExample() {
        MockResponse response = validSaveCard().header("Prefer", "code=503").sendTo(ENGINE);

        assertThat(response.status()).isEqualTo(503);
        assertThat(body(response)).isEqualTo(componentExample("ServiceUnavailable", "timeout"));
    }

    @Test
    void fallsBackToThe2xxWhenTheForcedCodeLacksTheExampleAsPrismDoes() {
        MockResponse response = validSaveCard().header("Prefer", "code=400, example=noSession").sendTo(ENGINE);

        assertThat(response.status()).isEqualTo(200);
        assertThat(body(response)).isEqualTo(specValue(SPEC, SAVE_CARD_200 + "noSession/value"));
    }

    @Test
    void usesTheQueryFallbacksOnlyWithoutAPreferHeader() {
        MockResponse fromQuery = validSaveCard().query("__code", "500").sendTo(ENGINE);
        MockResponse withHeader = validSaveCard().query("__code", "500").header("Prefer", "return=minimal")
                .sendTo(ENGINE);

        assertThat(fromQuery.status()).isEqualTo(500);
        assertThat(body(fromQuery)).isEqualTo(componentExample("ServerError", "serverError"));
        assertThat(withHeader.status()).isEqualTo(200);
    }

    @Test
    void answersAnUndefinedCodeOrExampleWithPrisms404Problem() {
        MockResponse code = validSaveCard().header("Prefer", "code=418").sendTo(ENGINE);
        MockResponse example = validSaveCard().header("Prefer", "example=nope").sendTo(ENGINE);

        assertThat(code.status()).isEqualTo(404);
        assertThat(code.header("Content-Type")).contains("application/problem+json");
        assertThat(body(code).path("type").asText()).isEqualTo("https://stoplight.io/prism/errors#NOT_FOUND");
        assertThat(body(code).path("detail").asText()).contains("418");
        assertThat(example.status()).isEqualTo(404);
        assertThat(body(example).path("detail").asText()).contains("nope");
    }

    @Test
    void answersAMalformedPreferenceWith422EvenBeforeRouting() {
        MockResponse response = request("POST", "/nowhere").header("Prefer", "code=abc").sendTo(ENGINE);

        assertThat(response.status()).isEqualTo(422);
        assertThat(body(response).path("type").asText()).endsWith("#UNPROCESSABLE_ENTITY");
        assertThat(body(response).path("detail").asText()).contains("\"code\"").contains("abc");
    }

    @Test
    void answersAnUnacceptableAcceptWith406() {
        MockResponse response = validSaveCard().header("Accept", "text/xml").sendTo(ENGINE);

        assertThat(response.status()).isEqualTo(406);
        assertThat(body(response).path("type").asText()).endsWith("#NOT_ACCEPTABLE");
        assertThat(body(response).path("detail").asText()).isEqualTo("Unable to find content for text/xml");
    }

    @Test
    void answersUnknownPathsWith404AndWrongMethodsWith405() {
        MockResponse unknown = request("POST", "/v1/paynetj/save_card/").sendTo(ENGINE);
        MockResponse wrongMethod = request("GET", SAVE_CARD).sendTo(ENGINE);

        assertThat(unknown.status()).isEqualTo(404);
        assertThat(body(unknown).path("type").asText()).endsWith("#NO_PATH_MATCHED_ERROR");
        assertThat(wrongMethod.status()).isEqualTo(405);
        assertThat(body(wrongMethod).path("type").asText()).endsWith("#NO_METHOD_MATCHED_ERROR");
        assertThat(body(wrongMethod).path("detail").asText()).contains("\"get\"");
    }

    @Test
    void servesEveryOperationOfTheSpec() {
        MockResponse response = request("POST", "/v1/paynetj/auth").header("Authorization", "Basic k")
                .json("{\"amount\":1000}").sendTo(ENGINE);

        assertThat(response.status()).isEqualTo(200);
        assertThat(body(response)).isEqualTo(specValue(SPEC,
                "/paths/~1v1~1paynetj~1auth/post/responses/200/content/application~1json/examples/started/value"));
    }
}
