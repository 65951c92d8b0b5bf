package io.github.paynetsavecard.mock.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.paynetsavecard.spec.ApiSpec;
import io.github.paynetsavecard.spec.OpenApiDocument;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds requests for engine tests and reads their answers; no server involved. */
final class EngineCall {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String SAVE_CARD = "/v1/paynetj/save_card";

    private final String method;
    private final String path;
    private final Map<String, List<String>> headers = new LinkedHashMap<>();
    private final Map<String, List<String>> query = new LinkedHashMap<>();
    private byte[] body = new byte[0];

    private EngineCall(String method, String path) {
        this.method = method;
        this.path = path;
    }

    static EngineCall request(String method, String path) {
        return new EngineCall(method, path);
    }

    /** A save_card request that passes validation: a key and a valid JSON body. */
    static EngineCall validSaveCard() {
        return request("POST", SAVE_CARD).header("Authorization", "Basic test-key")
                .json("{\"session_id\":\"js_test\"}");
    }

    EngineCall header(String name, String value) {
        headers.computeIfAbsent(name, key -> new ArrayList<>()).add(value);
        return this;
    }

    EngineCall withoutHeader(String name) {
        headers.remove(name);
        return this;
    }

    EngineCall query(String name, String value) {
        query.computeIfAbsent(name, key -> new ArrayList<>()).add(value);
        return this;
    }

    EngineCall json(String text) {
        withoutHeader("Content-Type");
        header("Content-Type", "application/json");
        return body(text.getBytes(StandardCharsets.UTF_8));
    }

    EngineCall body(byte[] bytes) {
        this.body = bytes;
        return this;
    }

    MockRequest build() {
        return new MockRequest(method, path, query, headers, body);
    }

    MockResponse sendTo(MockEngine engine) {
        return engine.handle(build());
    }

    static MockEngine engine(OpenApiDocument spec) {
        return MockEngine.create(spec, EngineOptions.defaults());
    }

    static OpenApiDocument spec(String yaml) {
        return ApiSpec.parse("test spec", yaml);
    }

    static JsonNode body(MockResponse response) {
        return parse(response.bodyText());
    }

    static JsonNode parse(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The {@code sl-violations} header as (location, code) pairs, e.g. {@code "request.body.user_gsm pattern"}. */
    static List<String> violations(MockResponse response) {
        List<String> found = new ArrayList<>();
        response.header("sl-violations").ifPresent(value -> parse(value).forEach(violation -> {
            List<String> location = new ArrayList<>();
            violation.path("location").forEach(segment -> location.add(segment.asText()));
            found.add(String.join(".", location) + " " + violation.path("code").asText("-"));
        }));
        return found;
    }

    /** The value of the example at {@code pointer} of the spec (a JSON pointer into the document). */
    static JsonNode specValue(OpenApiDocument spec, String pointer) {
        JsonNode node = spec.tree().at(pointer);
        if (node.isMissingNode()) {
            throw new IllegalArgumentException("nothing at " + pointer + " in " + spec.source());
        }
        return node;
    }
}
