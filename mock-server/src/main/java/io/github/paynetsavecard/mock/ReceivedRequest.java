package io.github.paynetsavecard.mock;

import io.github.paynetsavecard.client.Redaction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A request the mock received, as recorded for test assertions by {@link PaynetMockServer#receivedRequests()}.
 * Immutable. {@link #toString()} follows the project's {@link Redaction} for the served spec: no key (in any header,
 * query parameter or cookie a security scheme names), full phone number, full session id or card description is
 * printed by a failing assertion; the accessors give everything.
 *
 * <pre>{@code
 * ReceivedRequest sent = server.receivedRequests().get(0);
 * assertThat(sent.path()).isEqualTo("/v1/paynetj/save_card");
 * assertThat(sent.header("Authorization")).contains("Basic sck_test");
 * assertThat(sent.bodyAsString()).contains("\"card_desc\"");
 * }</pre>
 */
public final class ReceivedRequest {
    private final String method;
    private final String path;
    private final Map<String, List<String>> query;
    private final Map<String, List<String>> headers;
    private final byte[] body;
    private final Redaction redaction;
    private final Optional<String> operationId;
    private final int status;
    private final List<String> violations;

    ReceivedRequest(String method, String path, Map<String, List<String>> query,
                    Map<String, List<String>> headers, byte[] body, Redaction redaction) {
        this(method, path, query, headers, body, redaction, Optional.empty(), 0, List.of());
    }

    ReceivedRequest(String method, String path, Map<String, List<String>> query, Map<String, List<String>> headers,
                    byte[] body, Redaction redaction, Optional<String> operationId, int status,
                    List<String> violations) {
        this.method = Objects.requireNonNull(method, "method == null");
        this.path = Objects.requireNonNull(path, "path == null");
        this.query = Objects.requireNonNull(query, "query == null");
        this.headers = Objects.requireNonNull(headers, "headers == null");
        this.body = body.clone();
        this.redaction = Objects.requireNonNull(redaction, "redaction == null");
        this.operationId = Objects.requireNonNull(operationId, "operationId == null");
        this.status = status;
        this.violations = List.copyOf(violations);
    }

    /**
     * The {@code operationId} of the spec's operation for this method and path, e.g. {@code saveCard}; empty for a
     * path or method the spec does not have, and for the mock's own paths under {@code /__paynet/}.
     *
     * @return the operation's id, or empty
     */
    public Optional<String> operationId() {
        return operationId;
    }

    /**
     * The status the mock answered with.
     *
     * @return the HTTP status; 0 when it answered with a broken connection (a fault)
     */
    public int status() {
        return status;
    }

    /**
     * Why the mock refused this request for breaking the spec, one line per violation
     * ({@code request.body.user_gsm: must match pattern "^5[0-9]{9}$"}); empty when the request kept to the spec,
     * also when it was refused on business grounds (Paynet mode's codes) or answered as a {@code Prefer} header
     * forced.
     *
     * @return the violations, immutable; empty when there were none
     */
    public List<String> violations() {
        return violations;
    }

    /**
     * The HTTP method.
     *
     * @return the method as sent, e.g. {@code POST}
     */
    public String method() {
        return method;
    }

    /**
     * The path as sent, without the query string.
     *
     * @return the path, still percent-encoded, e.g. {@code /v1/paynetj/save_card}
     */
    public String path() {
        return path;
    }

    /**
     * The query parameters.
     *
     * @return the decoded parameters in the order sent, a name given twice with two values; empty when there is
     *         no query string
     */
    public Map<String, List<String>> query() {
        return query;
    }

    /**
     * All headers.
     *
     * @return every header with its values in the order sent; {@code get} on this map ignores the case of the name
     */
    public Map<String, List<String>> headers() {
        return headers;
    }

    /**
     * The first value of a header.
     *
     * @param name the header's name, in any case, e.g. {@code content-type}
     * @return its first value; empty when the request did not have it
     */
    public Optional<String> header(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /**
     * The body.
     *
     * @return a copy of the body bytes; empty when there was no body
     */
    public byte[] body() {
        return body.clone();
    }

    /** The body's length in bytes, without copying it. */
    int bodySize() {
        return body.length;
    }

    /**
     * The body as text.
     *
     * @return the body decoded as UTF-8, the charset of the spec's JSON bodies; empty when there was no body
     */
    public String bodyAsString() {
        return new String(body, StandardCharsets.UTF_8);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ReceivedRequest that
                && method.equals(that.method) && path.equals(that.path) && query.equals(that.query)
                && headers.equals(that.headers) && Arrays.equals(body, that.body);
    }

    @Override
    public int hashCode() {
        return Objects.hash(method, path, query, headers, Arrays.hashCode(body));
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(method).append(' ').append(redaction.url(path));
        if (status != 0) {
            text.append(" -> ").append(status);
        }
        if (!query.isEmpty()) {
            text.append(" query ").append(redaction.query(query));
        }
        redaction.headers(headers).forEach((name, values) -> text.append("\n").append(name).append(": ")
                .append(String.join(", ", values)));
        return text.append("\n\n").append(redaction.text(bodyAsString())).toString();
    }
}
