package io.github.paynetsavecard.mock.engine;

import static io.github.paynetsavecard.mock.engine.EngineCall.body;
import static io.github.paynetsavecard.mock.engine.EngineCall.validSaveCard;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.TextNode;
import io.github.paynetsavecard.spec.ApiSpec;
import io.github.paynetsavecard.spec.OpenApiDocument;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The extension point for a stateful mode: rules that see valid requests before the example is chosen. */
class RequestRuleTest {
    private static final OpenApiDocument SPEC = ApiSpec.bundled();

    private static MockEngine engineWith(RequestRule... rules) {
        return MockEngine.create(SPEC, EngineOptions.defaults().withRequestRules(List.of(rules)));
    }

    @Test
    void letsARuleSteerTheChoiceToANamedExample() {
        RequestRule usedSessions = context -> context.body()
                .filter(json -> json.path("session_id").asText().equals("js_used"))
                .map(json -> RuleOutcome.select(200, "usedSession"));
        MockEngine engine = engineWith(usedSessions);

        MockResponse used = validSaveCard().json("{\"session_id\":\"js_used\"}").sendTo(engine);
        MockResponse fresh = validSaveCard().sendTo(engine);

        assertThat(body(used)).isEqualTo(SPEC.tree().at("/paths/~1v1~1paynetj~1save_card/post/responses/200"
                + "/content/application~1json/examples/usedSession/value"));
        assertThat(body(fresh).path("code").asInt()).isZero();
    }

    @Test
    void letsARuleAnswerOutrightWithCorsHeadersAdded() {
        MockEngine engine = engineWith(context -> Optional.of(RuleOutcome.respond(
                new MockResponse(202, Map.of("X-Rule", context.operationId()), new byte[0]))));

        MockResponse response = validSaveCard().sendTo(engine);

        assertThat(response.status()).isEqualTo(202);
        assertThat(response.header("X-Rule")).contains("saveCard");
        assertThat(response.header("Access-Control-Allow-Origin")).contains("*");
    }

    @Test
    void neverShowsInvalidRequestsToRules() {
        List<String> seen = new ArrayList<>();
        MockEngine engine = engineWith(context -> {
            seen.add(context.operationId());
            return Optional.empty();
        });

        validSaveCard().json("{}").sendTo(engine);
        validSaveCard().sendTo(engine);

        assertThat(seen).containsExactly("saveCard");
    }

    @Test
    void letsARuleFillInFieldsOfTheChosenExampleWhichIsThenValidated() {
        RequestRule echo = context -> context.body().map(json -> RuleOutcome.select(200, "saved")
                .withField("session_id", json.path("session_id")));
        RequestRule wrongType = context -> Optional.of(RuleOutcome.select(200, "saved")
                .withField("code", TextNode.valueOf("zero")));

        MockResponse echoed = validSaveCard().json("{\"session_id\":\"js_echo\",\"card_desc\":\"x\"}")
                .sendTo(engineWith(echo));
        MockResponse broken = validSaveCard().sendTo(engineWith(wrongType));
        MockResponse again = validSaveCard().sendTo(engineWith(echo));

        assertThat(body(echoed).path("session_id").asText()).isEqualTo("js_echo");
        assertThat(echoed.header("sl-violations")).isEmpty();
        assertThat(broken.header("sl-violations")).hasValueSatisfying(value -> assertThat(value).contains("code"));
        assertThat(body(again).path("session_id").asText()).isNotEqualTo("js_echo");
    }

    @Test
    void letsARuleRemoveAFieldOfTheChosenExample() {
        RequestRule noSessionId = context -> Optional.of(RuleOutcome.select(200, "saved").withoutField("session_id"));

        MockResponse answer = validSaveCard().sendTo(engineWith(noSessionId));

        assertThat(body(answer).has("session_id")).isFalse();
        assertThat(body(answer).path("code").isInt()).isTrue();
        assertThat(answer.header("sl-violations")).isEmpty();
    }

    @Test
    void reportsARequiredFieldARuleRemoved() {
        RequestRule noCode = context -> Optional.of(RuleOutcome.select(200, "saved").withoutField("code"));

        MockResponse answer = validSaveCard().sendTo(engineWith(noCode));

        assertThat(body(answer).has("code")).isFalse();
        assertThat(answer.header("sl-violations")).hasValueSatisfying(value -> assertThat(value)
                .contains("\"location\":[\"response\",\"body\"]").contains("required property 'code'"));
    }

    @Test
    void tellsRulesWhetherTheClientForcedAnAnswer() {
        List<Boolean> seen = new ArrayList<>();
        MockEngine engine = engineWith(context -> {
            seen.add(context.explicitPreference());
            return Optional.empty();
        });

        validSaveCard().sendTo(engine);
        validSaveCard().header("Prefer", "example=usedSession").sendTo(engine);
        validSaveCard().header("Prefer", "dynamic=true").sendTo(engine);

        assertThat(seen).containsExactly(false, true, false);
    }
}
