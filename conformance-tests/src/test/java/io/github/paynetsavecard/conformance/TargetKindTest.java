package io.github.paynetsavecard.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.paynetsavecard.conformance.contract.OperationContract;
import io.github.paynetsavecard.conformance.wire.Exchange;
import io.github.paynetsavecard.spec.ApiSpec;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TargetKindTest {
    private static final String PRISM_405 = "{\"type\":\"https://stoplight.io/prism/errors#NO_METHOD_MATCHED_ERROR\","
            + "\"title\":\"Route resolved, but no method matched\",\"status\":405,\"detail\":\"...\"}";
    private final OperationContract saveCard = OperationContract.of(ApiSpec.bundled(), "saveCard");

    private static Exchange answer(int status, String contentType, String body) {
        return Exchange.of(new Exchange.WireRequest("GET", "http://x/v1/paynetj/save_card", Map.of(), ""),
                new Exchange.WireResponse(status, Map.of("Content-Type", List.of(contentType)), body));
    }

    @Test
    void prismsOwnProblemFollowsTheSpecOnAPrismCompatibleTarget() {
        assertThat(TargetKind.PRISM_COMPATIBLE.errorViolations(saveCard,
                answer(405, "application/problem+json", PRISM_405))).isEmpty();
    }

    @Test
    void prismsOwnProblemIsNotPaynetsErrorObject() {
        assertThat(TargetKind.PAYNET.errorViolations(saveCard, answer(405, "application/problem+json", PRISM_405)))
                .isNotEmpty()
                .allSatisfy(violation -> assertThat(violation.rule())
                        .containsAnyOf("Paynet's Error object", "response 405"));
    }

    @Test
    void aProblemWhoseStatusDisagreesWithTheHttpStatusIsNotPrisms() {
        assertThat(TargetKind.PRISM_COMPATIBLE.errorViolations(saveCard,
                answer(404, "application/problem+json", PRISM_405))).isNotEmpty();
    }

    @Test
    void paynetsErrorObjectFollowsTheSpecForAnUndeclaredStatus() {
        String error = "{\"type\":\"invalid_request_error\",\"message\":\"Not allowed\",\"code\":405,"
                + "\"result_code\":11}";

        assertThat(TargetKind.PAYNET.errorViolations(saveCard, answer(405, "application/json", error))).isEmpty();
    }

    @Test
    void paynetsErrorObjectWithoutAResultCodeBreaksTheSpec() {
        String error = "{\"type\":\"invalid_request_error\",\"message\":\"Not allowed\",\"code\":405}";

        assertThat(TargetKind.PAYNET.errorViolations(saveCard, answer(405, "application/json", error)))
                .singleElement().satisfies(violation -> assertThat(violation.toString()).contains("result_code"));
    }

    @Test
    void theDeclaredErrorResponseFollowsTheSpecOnEveryKind() {
        String badRequest = saveCard.responseExample("badRequest").value().toString();

        assertThat(TargetKind.PAYNET.errorViolations(saveCard, answer(400, "application/json", badRequest))).isEmpty();
        assertThat(TargetKind.PRISM_COMPATIBLE.errorViolations(saveCard, answer(400, "application/json", badRequest)))
                .isEmpty();
    }

    @Test
    void prismsInvalidJsonAnswerIsAcceptedOnlyFromAPrismCompatibleTarget() {
        String invalidJson = "{\"error\":{\"code\":\"invalid_json\",\"message\":\"Invalid JSON\"}}";

        assertThat(TargetKind.PRISM_COMPATIBLE.errorViolations(saveCard,
                answer(400, "application/json; charset=utf-8", invalidJson))).isEmpty();
        assertThat(TargetKind.PAYNET.errorViolations(saveCard, answer(400, "application/json", invalidJson)))
                .isNotEmpty();
    }
}
