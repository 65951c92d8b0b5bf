package io.github.paynetsavecard.conformance.wire;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A request sent byte for byte as written, past every check the generated client would make: the way to send
 * what the client refuses to (a phone number that breaks the pattern, malformed JSON, a wrong content type).
 *
 * <pre>{@code
 * RawRequest request = RawRequest.post("/v1/paynetj/save_card")
 *         .header("Authorization", "Basic " + key)
 *         .body("application/json", "{\"card_desc\":\"x\"}")
 *         .build();
 * }</pre>
 *
 * @param method      the HTTP method
 * @param pathAndQuery the path below the target's base URL, with its query string if any
 * @param headers     header name and value pairs, in order (repeats allowed)
 * @param contentType the {@code Content-Type} of the body; empty when there is no body
 * @param body        the body, sent as UTF-8 bytes exactly as written; empty for none
 */
public record RawRequest(String method, String pathAndQuery, List<Map.Entry<String, String>> headers,
                         Optional<String> contentType, String body) {
    /**
     * Checks the components: no component may be null; collections are copied, so the value never changes under its
     * user.
     *
     * @param method       the HTTP method; not null
     * @param pathAndQuery the path and query; not null, starting with {@code /}
     * @param headers      the header pairs in order; not null, copied
     * @param contentType  the body's {@code Content-Type}, or empty; not null
     * @param body         the body, empty for none; not null
     * @throws IllegalArgumentException when {@code pathAndQuery} does not start with {@code /}
     */
    public RawRequest {
        Objects.requireNonNull(method, "method == null");
        Objects.requireNonNull(pathAndQuery, "pathAndQuery == null");
        if (!pathAndQuery.startsWith("/")) {
            throw new IllegalArgumentException("pathAndQuery must start with /: " + pathAndQuery);
        }
        headers = List.copyOf(headers);
        Objects.requireNonNull(contentType, "contentType == null");
        Objects.requireNonNull(body, "body == null");
    }

    /**
     * A {@code POST} to {@code pathAndQuery}.
     *
     * @param pathAndQuery the path below the target's base URL, starting with {@code /}, e.g.
     *                     {@code /v1/paynetj/save_card}; not null
     * @return a builder with no headers and no body
     */
    public static Builder post(String pathAndQuery) {
        return new Builder("POST", pathAndQuery);
    }

    /**
     * A request with any method, even one the spec does not declare.
     *
     * @param method       the method, sent as given (e.g. {@code DELETE}, or a made-up one); not null
     * @param pathAndQuery the path below the target's base URL, starting with {@code /}; not null
     * @return a builder with no headers and no body
     */
    public static Builder method(String method, String pathAndQuery) {
        return new Builder(method, pathAndQuery);
    }

    /**
     * The body's bytes on the wire.
     *
     * @return the body encoded as UTF-8, a new array on each call; empty for no body
     */
    public byte[] bodyBytes() {
        return body.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The request for a person to read, redacted as an {@link Exchange} is ({@link Exchange#REDACTION}): a record's
     * own {@code toString()} would print the key of every request that carries one.
     */
    @Override
    public String toString() {
        Map<String, List<String>> grouped = new LinkedHashMap<>();
        headers.forEach(header -> grouped.computeIfAbsent(header.getKey(), name -> new ArrayList<>())
                .add(header.getValue()));
        StringBuilder text = new StringBuilder(method).append(' ').append(Exchange.REDACTION.url(pathAndQuery));
        Exchange.REDACTION.headers(grouped).forEach((name, values) -> values.forEach(value -> text.append('\n')
                .append(name).append(": ").append(value)));
        contentType.ifPresent(type -> text.append("\nContent-Type: ").append(type));
        if (!body.isEmpty()) {
            text.append("\n\n").append(Exchange.REDACTION.text(body));
        }
        return text.toString();
    }

    /** Builds a {@link RawRequest}; every header is sent exactly as given. */
    public static final class Builder {
        private final String method;
        private final String pathAndQuery;
        private final List<Map.Entry<String, String>> headers = new ArrayList<>();
        private String contentType;
        private String body = "";

        private Builder(String method, String pathAndQuery) {
            this.method = Objects.requireNonNull(method, "method == null");
            this.pathAndQuery = Objects.requireNonNull(pathAndQuery, "pathAndQuery == null");
        }

        /**
         * Adds a header, sent exactly as given; repeats are kept.
         *
         * @param name  the header name, case kept; not null
         * @param value the value, not checked or encoded; not null
         * @return this builder
         */
        public Builder header(String name, String value) {
            headers.add(Map.entry(Objects.requireNonNull(name, "name == null"),
                    Objects.requireNonNull(value, "value == null")));
            return this;
        }

        /**
         * A body of exactly these UTF-8 characters, labelled with {@code contentType} (no charset is added).
         *
         * @param contentType the {@code Content-Type} to send, as given (it need not be valid); not null
         * @param text        the body, sent as is (it need not be valid JSON); not null
         * @return this builder
         */
        public Builder body(String contentType, String text) {
            this.contentType = Objects.requireNonNull(contentType, "contentType == null");
            this.body = Objects.requireNonNull(text, "text == null");
            return this;
        }

        /**
         * The request.
         *
         * @return the request with the headers in the order added
         * @throws IllegalArgumentException when the path does not start with {@code /}
         */
        public RawRequest build() {
            return new RawRequest(method, pathAndQuery, headers, Optional.ofNullable(contentType), body);
        }
    }
}
