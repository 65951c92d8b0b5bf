package io.github.paynetsavecard.mock.paynet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.paynetsavecard.mock.SpecCalls;
import io.github.paynetsavecard.spec.ApiSpec;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Calls a running mock in Paynet mode: Auth, save_card and charge with the spec's own request examples (never
 * retyped here) and a session id put in, and the mock-only endpoints.
 */
final class PaynetCalls {
    static final String AUTH = "/v1/paynetj/auth";
    static final String SAVE_CARD = "/v1/paynetj/save_card";
    static final String CHARGE = "/v1/transaction/charge";
    static final JsonNode SPEC = ApiSpec.bundled().tree();

    private final String baseUrl;

    PaynetCalls(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** An answer: status, headers and body. */
    record Answer(int status, HttpResponse<String> response) {
        String body() {
            return response.body();
        }

        JsonNode json() {
            return SpecCalls.json(response.body());
        }

        Optional<String> header(String name) {
            return response.headers().firstValue(name);
        }
    }

    /** The named request example of the operation at {@code path}, as an object to change. */
    static ObjectNode requestExample(String path, String name) {
        return ((ObjectNode) SPEC.at("/paths/" + path.replace("/", "~1") + "/post/requestBody/content/application~1json"
                + "/examples/" + name + "/value")).deepCopy();
    }

    /** The named example of the answer at {@code status} of the operation at {@code path} (references followed). */
    static JsonNode responseExample(String path, int status, String name) {
        JsonNode response = SPEC.at("/paths/" + path.replace("/", "~1") + "/post/responses/" + status);
        if (response.has("$ref")) {
            response = SPEC.at(response.path("$ref").asText().substring(1));
        }
        return response.at("/content/application~1json/examples/" + name + "/value");
    }

    /** Auth with the spec's {@code payment} example; returns the new session id. */
    String auth() {
        return auth(requestExample(AUTH, "payment"));
    }

    String auth(ObjectNode body) {
        Answer answer = post(AUTH, body);
        if (answer.status() != 200) {
            throw new AssertionError("Auth answered " + answer.status() + ": " + answer.body());
        }
        return answer.json().path("session_id").asText();
    }

    /** save_card with the spec's {@code hostedPage} example (no card_desc) for {@code sessionId}. */
    Answer saveCardWithoutDescription(String sessionId) {
        return post(SAVE_CARD, requestExample(SAVE_CARD, "hostedPage").put("session_id", sessionId));
    }

    /** save_card with the spec's {@code withDescription} example for {@code sessionId}. */
    Answer saveCardWithDescription(String sessionId) {
        return post(SAVE_CARD, requestExample(SAVE_CARD, "withDescription").put("session_id", sessionId));
    }

    /** charge with the spec's {@code charge} example for {@code sessionId}. */
    Answer charge(String sessionId) {
        return post(CHARGE, requestExample(CHARGE, "charge").put("session_id", sessionId));
    }

    Answer post(String path, JsonNode body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/json")
                .header("Authorization", SpecCalls.TEST_KEY)
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return send(request);
    }

    Answer get(String pathAndQuery) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + pathAndQuery)).timeout(Duration.ofSeconds(20)).GET());
    }

    /** A form post, as the hosted page's browser sends it. */
    Answer form(String path, Map<String, String> fields) {
        String body = fields.entrySet().stream()
                .map(field -> encode(field.getKey()) + "=" + encode(field.getValue()))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    Answer send(HttpRequest.Builder request) {
        HttpResponse<String> response = SpecCalls.send(request);
        return new Answer(response.statusCode(), response);
    }

    static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    static Map<String, String> fields(String... namesAndValues) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            fields.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return fields;
    }
}
