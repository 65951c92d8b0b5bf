package io.github.paynetsavecard.conformance.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.paynetsavecard.conformance.wire.Exchange;
import io.github.paynetsavecard.spec.ApiSpec;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OperationContractTest {
    private final OperationContract saveCard = OperationContract.of(ApiSpec.bundled(), "saveCard");

    private static Exchange answer(int status, String contentType, String body) {
        return Exchange.of(new Exchange.WireRequest("POST", "http://x/v1/paynetj/save_card", Map.of(), "{}"),
                new Exchange.WireResponse(status, Map.of("Content-Type", List.of(contentType)), body));
    }

    @Test
    void readsThePathMethodAndExamplesFromTheSpec() {
        assertThat(saveCard.path()).isEqualTo("/v1/paynetj/save_card");
        assertThat(saveCard.method()).isEqualTo("POST");
        assertThat(saveCard.requestExamples()).extracting(NamedExample::name).contains("withDescription", "hostedPage");
        assertThat(saveCard.responseExample("noSession").value().path("code").asInt()).isEqualTo(13);
        assertThat(saveCard.undeclaredMethods()).contains("GET").doesNotContain("POST");
    }

    @Test
    void acceptsAnAnswerThatIsTheSpecsOwnExample() {
        String saved = saveCard.responseExample("saved").value().toString();

        assertThat(saveCard.violations(answer(200, "application/json; charset=utf-8", saved))).isEmpty();
    }

    @Test
    void rejectsAStatusTheSpecDoesNotDeclare() {
        assertThat(saveCard.violations(answer(418, "application/json", "{}")))
                .singleElement().satisfies(violation -> {
                    assertThat(violation.rule()).startsWith("the status is one the spec declares");
                    assertThat(violation.detail()).contains("got 418").contains("200");
                });
    }

    @Test
    void rejectsAContentTypeTheSpecDoesNotDeclare() {
        assertThat(saveCard.violations(answer(200, "text/html", "<html/>")))
                .singleElement().satisfies(violation -> assertThat(violation.rule()).contains("Content-Type"));
    }

    @Test
    void namesTheKeywordAndTheFieldOfABodyThatBreaksTheSchema() {
        List<RuleViolation> violations = saveCard.violations(answer(200, "application/json",
                "{\"code\":\"zero\",\"message\":\"x\"}"));

        assertThat(violations).singleElement().satisfies(violation -> {
            assertThat(violation.rule()).contains("SaveCardResponse").contains("keyword `type`");
            assertThat(violation.detail()).contains("code");
        });
    }

    @Test
    void rejectsABodyThatIsNotJson() {
        assertThat(saveCard.violations(answer(400, "application/json", "{oops")))
                .singleElement().satisfies(violation -> assertThat(violation.detail()).isEqualTo("the body is not JSON"));
    }

    @Test
    void namesTheOperationsThereAreWhenOneIsMissing() {
        assertThatThrownBy(() -> OperationContract.of(ApiSpec.bundled(), "deleteCard"))
                .hasMessageContaining("deleteCard").hasMessageContaining("saveCard").hasMessageContaining("createSession");
    }
}
