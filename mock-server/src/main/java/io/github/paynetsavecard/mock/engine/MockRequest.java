package io.github.paynetsavecard.mock.engine;

import io.github.paynetsavecard.client.Redaction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One HTTP request as the engine sees it: no sockets, no server, just values. {@link #toString()} follows the
 * project's {@link Redaction} without knowing the spec's security schemes: it shows only headers that never carry a
 * credential, no query or cookie value, and the body with phone numbers, session ids and card descriptions redacted.
 *
 * @param method  the HTTP method, any case ({@code "POST"})
 * @param path    the request path without the query string, still percent-encoded ({@code /v1/paynetj/save_card})
 * @param query   the decoded query parameters; a name given twice has two values
 * @param headers the request headers; names are looked up case-insensitively
 * @param body    the raw body bytes; empty when the request has none
 */
public record MockRequest(String method, String path, Map<String, List<String>> query,
                          Map<String, List<String>> headers, byte[] body) {
    /**
     * Checks the components: the method and the path may not be null; a null query, header map or body is taken
     * as empty.
     *
     * @param method  the HTTP method, any case; not null
     * @param path    the path without the query, percent-encoded; not null
     * @param query   the decoded query parameters; null for none
     * @param headers the headers; null for none
     * @param body    the raw body; null for none
     */
    public MockRequest {
        Objects.requireNonNull(method, "method == null");
        Objects.requireNonNull(path, "path == null");
        query = query == null ? Map.of() : query;
        headers = headers == null ? Map.of() : headers;
        body = body == null ? new byte[0] : body;
    }

    /**
     * The first value of the header {@code name} (any case), if the request has it.
     *
     * @param name a header name, compared ignoring case
     * @return the first value, or empty when the request has no such header
     */
    public Optional<String> header(String name) {
        List<String> values = headerValues(name);
        return values.isEmpty() ? Optional.empty() : Optional.ofNullable(values.get(0));
    }

    /**
     * Every value of the header {@code name} (any case), in the order received.
     *
     * @param name a header name; an exact match is preferred, else the first one equal ignoring case
     * @return the values, empty when the request has no such header
     */
    public List<String> headerValues(String name) {
        List<String> exact = headers.get(name);
        return exact != null ? exact : ParameterCheck.valuesIgnoringCase(headers, name);
    }

    @Override
    public String toString() {
        Redaction redaction = Redaction.unknownSchemes();
        return "MockRequest[" + method + " " + redaction.url(path) + ", query=" + redaction.query(query)
                + ", headers=" + redaction.headers(headers) + ", body="
                + redaction.text(new String(body, StandardCharsets.UTF_8)) + "]";
    }
}
