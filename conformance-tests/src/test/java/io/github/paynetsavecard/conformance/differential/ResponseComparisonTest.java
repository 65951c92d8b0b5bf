package io.github.paynetsavecard.conformance.differential;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.paynetsavecard.conformance.differential.ResponseComparison.Body;
import io.github.paynetsavecard.conformance.wire.Exchange.WireResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ResponseComparisonTest {
    private static final String VIOLATIONS = "[{\"location\":[\"request\",\"body\"],\"severity\":\"Error\","
            + "\"code\":\"required\",\"message\":\"Request body must have required property 'session_id'\"}]";
    private static final String PROBLEM = "{\"type\":\"https://stoplight.io/prism/errors#UNPROCESSABLE_ENTITY\","
            + "\"title\":\"Invalid request\",\"status\":422,\"detail\":\"x\",\"validation\":[{\"location\":"
            + "[\"body\"],\"severity\":\"Error\",\"code\":\"required\",\"message\":\"a\"}]}";

    private static WireResponse response(int status, String contentType, String body, String... headers) {
        Map<String, List<String>> all = new LinkedHashMap<>();
        all.put("Content-Type", List.of(contentType));
        for (int i = 0; i < headers.length; i += 2) {
            all.put(headers[i], List.of(headers[i + 1]));
        }
        return new WireResponse(status, all, body);
    }

    @Test
    void identicalAnswersAgree() {
        WireResponse answer = response(400, "application/json", "{\"a\":1}", "sl-violations", VIOLATIONS);

        assertThat(ResponseComparison.differences(answer, answer, Body.EXACT, true)).isEmpty();
    }

    @Test
    void reportsADifferentStatus() {
        assertThat(ResponseComparison.differences(response(400, "application/json", "{}"),
                response(422, "application/json", "{}"), Body.EXACT, false))
                .containsExactly("status: ours 400, Prism 422");
    }

    @Test
    void comparesTheCharsetButNotTheCaseOfTheContentType() {
        assertThat(ResponseComparison.differences(response(200, "Application/JSON", "{}"),
                response(200, "application/json", "{}"), Body.EXACT, false)).isEmpty();
        assertThat(ResponseComparison.differences(response(200, "application/json; charset=utf-8", "{}"),
                response(200, "application/json", "{}"), Body.EXACT, false))
                .singleElement().asString().startsWith("Content-Type");
    }

    @Test
    void comparesJsonBodiesByValueNotByLayout() {
        assertThat(ResponseComparison.differences(response(200, "application/json", "{\"a\":1,\"b\":[2]}"),
                response(200, "application/json", "{ \"b\": [2], \"a\": 1 }"), Body.EXACT, false)).isEmpty();
        assertThat(ResponseComparison.differences(response(200, "application/json", "{\"a\":1}"),
                response(200, "application/json", "{\"a\":2}"), Body.EXACT, false))
                .singleElement().asString().startsWith("body:");
    }

    @Test
    void comparesProblemsByTypeStatusAndValidationOnly() {
        String reworded = PROBLEM.replace("Invalid request", "Bad").replace("\"message\":\"a\"", "\"message\":\"b\"");
        assertThat(ResponseComparison.differences(response(422, "application/problem+json", PROBLEM),
                response(422, "application/problem+json", reworded), Body.EXACT, false)).isEmpty();

        String otherCode = PROBLEM.replace("\"code\":\"required\"", "\"code\":\"type\"");
        assertThat(ResponseComparison.differences(response(422, "application/problem+json", PROBLEM),
                response(422, "application/problem+json", otherCode), Body.EXACT, false))
                .singleElement().asString().startsWith("problem validation");
    }

    @Test
    void comparesViolationHeadersByLocationAndCode() {
        String reworded = VIOLATIONS.replace("must have", "lacks");
        String otherLocation = VIOLATIONS.replace("[\"request\",\"body\"]", "[\"request\",\"body\",\"x\"]");
        WireResponse ours = response(400, "application/json", "{}", "sl-violations", VIOLATIONS);

        assertThat(ResponseComparison.differences(ours,
                response(400, "application/json", "{}", "sl-violations", reworded), Body.EXACT, false)).isEmpty();
        assertThat(ResponseComparison.differences(ours,
                response(400, "application/json", "{}", "sl-violations", otherLocation), Body.EXACT, false))
                .singleElement().asString().startsWith("sl-violations");
        assertThat(ResponseComparison.differences(ours, response(400, "application/json", "{}"), Body.EXACT, false))
                .singleElement().asString().startsWith("sl-violations");
    }

    @Test
    void shapeComparisonIgnoresValuesButNotFieldsOrTypes() {
        WireResponse prism = response(200, "application/json", "{\"code\":5,\"message\":\"x\",\"object_name\":null}");

        assertThat(ResponseComparison.differences(
                response(200, "application/json", "{\"code\":7,\"message\":\"y\",\"object_name\":\"z\"}"), prism,
                Body.SHAPE, false)).isEmpty();
        assertThat(ResponseComparison.differences(
                response(200, "application/json", "{\"code\":\"7\",\"message\":\"y\",\"object_name\":null}"), prism,
                Body.SHAPE, false)).singleElement().asString().contains("$.code");
        assertThat(ResponseComparison.differences(response(200, "application/json", "{\"code\":7,\"message\":\"y\"}"),
                prism, Body.SHAPE, false)).singleElement().asString().startsWith("body fields");
    }

    @Test
    void comparesCorsHeadersWhenAsked() {
        WireResponse ours = response(204, "text/plain", "", "Access-Control-Allow-Origin", "*");
        WireResponse prism = response(204, "text/plain", "", "Access-Control-Allow-Origin", "https://shop.example");

        assertThat(ResponseComparison.differences(ours, prism, Body.EXACT, false)).isEmpty();
        assertThat(ResponseComparison.differences(ours, prism, Body.EXACT, true))
                .singleElement().asString().startsWith("Access-Control-Allow-Origin");
    }

    @Test
    void comparesTheSeverityAndTheNumberOfViolations() {
        WireResponse ours = response(400, "application/json", "{}", "sl-violations", VIOLATIONS);
        String warning = VIOLATIONS.replace("\"Error\"", "\"Warning\"");
        String twice = VIOLATIONS.replace("}]", "}," + VIOLATIONS.substring(1));

        assertThat(ResponseComparison.differences(ours,
                response(400, "application/json", "{}", "sl-violations", warning), Body.EXACT, false))
                .singleElement().asString().startsWith("sl-violations");
        assertThat(ResponseComparison.differences(ours,
                response(400, "application/json", "{}", "sl-violations", twice), Body.EXACT, false))
                .singleElement().asString().startsWith("sl-violations");
    }

    @Test
    void comparesTheFieldsOfProblemsAndTheSeverityOfTheirViolations() {
        String withHeaders = PROBLEM.replace("\"detail\":\"x\"", "\"detail\":\"x\",\"headers\":{}");
        String warning = PROBLEM.replace("\"Error\"", "\"Warning\"");

        assertThat(ResponseComparison.differences(response(422, "application/problem+json", PROBLEM),
                response(422, "application/problem+json", withHeaders), Body.EXACT, false))
                .singleElement().asString().startsWith("problem fields");
        assertThat(ResponseComparison.differences(response(422, "application/problem+json", PROBLEM),
                response(422, "application/problem+json", warning), Body.EXACT, false))
                .singleElement().asString().startsWith("problem validation");
    }

    @Test
    void comparesTheUnauthorizedChallenge() {
        WireResponse ours = response(401, "application/json", "{}", "WWW-Authenticate", "Basic realm=\"*\"");

        assertThat(ResponseComparison.differences(ours, response(401, "application/json", "{}"), Body.EXACT, false))
                .singleElement().asString().startsWith("WWW-Authenticate");
        assertThat(ResponseComparison.differences(ours, ours, Body.EXACT, false)).isEmpty();
    }
}
