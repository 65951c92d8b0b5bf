package io.github.paynetsavecard.mock.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * An RFC 7807 problem as Prism writes it: {@code type}, {@code title}, {@code status}, {@code detail}, then any
 * extra members (the {@code validation} list, or the {@code headers} Prism echoes into its 401 body).
 *
 * @param type    the kind of problem
 * @param detail  the explanation
 * @param extra   extra members, in order
 * @param headers headers to send with it (e.g. {@code WWW-Authenticate})
 */
record Problem(ProblemType type, String detail, Map<String, JsonNode> extra, Map<String, String> headers) {
    /** The media type of every problem. */
    public static final String MEDIA_TYPE = "application/problem+json";

    public Problem {
        Objects.requireNonNull(type, "type == null");
        Objects.requireNonNull(detail, "detail == null");
        extra = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(extra));
        headers = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    }

    /** A problem with only a detail. */
    public static Problem of(ProblemType type, String detail) {
        return new Problem(type, detail, Map.of(), Map.of());
    }

    /** The problem as its JSON body. */
    public ObjectNode body() {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("type", type.uri());
        body.put("title", type.title());
        body.put("status", type.status());
        body.put("detail", detail);
        extra.forEach(body::set);
        return body;
    }

    /** The problem as an answer: its status, {@code application/problem+json} and its own headers after {@code first}. */
    MockResponse response(Map<String, String> first) {
        Map<String, String> all = new LinkedHashMap<>(first);
        all.put("Content-Type", MEDIA_TYPE);
        all.putAll(headers);
        return new MockResponse(type.status(), all, EngineJson.write(body()));
    }
}
