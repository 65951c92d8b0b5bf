package io.github.paynetsavecard.mock.engine;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The engine's answer: a status, headers in the order they should be written, and the body bytes.
 *
 * @param status  the HTTP status
 * @param headers the response headers, insertion-ordered, including {@code Content-Type} when there is a body
 * @param body    the body bytes; empty for none. The record keeps its own copy and {@link #body()} hands out a
 *                copy, so an answer served from the engine's cache cannot be changed by any caller.
 */
public record MockResponse(int status, Map<String, String> headers, byte[] body) {
    /**
     * Checks the components: the headers may not be null; a null body is taken as empty. Both are copied.
     *
     * @param status  the HTTP status
     * @param headers the headers in writing order; not null, copied
     * @param body    the body bytes; null for none, copied
     */
    public MockResponse {
        headers = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(headers, "headers == null")));
        body = body == null ? new byte[0] : body.clone();
    }

    /**
     * A copy of the body bytes.
     *
     * @return a new array on each call; empty for no body
     */
    @Override
    public byte[] body() {
        return body.clone();
    }

    /**
     * The body's length in bytes, without copying it.
     *
     * @return the length in bytes, 0 for no body
     */
    public int bodyLength() {
        return body.length;
    }

    /**
     * The value of the header {@code name} (any case), if present.
     *
     * @param name a header name, compared ignoring case
     * @return the value of the first header of that name, or empty
     */
    public Optional<String> header(String name) {
        for (Map.Entry<String, String> header : headers.entrySet()) {
            if (header.getKey().equalsIgnoreCase(name)) {
                return Optional.of(header.getValue());
            }
        }
        return Optional.empty();
    }

    /**
     * The body decoded as UTF-8 (every body the engine writes is UTF-8).
     *
     * @return the body as text; empty for no body
     */
    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }
}
