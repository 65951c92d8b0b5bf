package io.github.paynetsavecard.conformance.wire;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.paynetsavecard.client.Redaction;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One request and the response a target gave to it, as they were on the wire, ready to be shown to a person.
 *
 * <p>Keys never enter an exchange: header values pass through {@link #REDACTION} when it is built, so the
 * {@code Authorization} value is {@code Basic <redacted>}. Bodies stay as they were, because checks compare them
 * with the spec's examples; {@link #describe()} and every {@code toString()} show them through the same policy
 * (phone numbers masked, session ids shortened, card descriptions redacted).
 *
 * @param request  what was sent
 * @param response what came back; empty when the connection failed before a response arrived
 */
public record Exchange(WireRequest request, Optional<WireResponse> response) {
    /** The project's one redaction policy, for exchanges, raw requests and reports. */
    public static final Redaction REDACTION = Redaction.builder().build();

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * Checks the components: no component may be null.
     *
     * @param request  what was sent; not null
     * @param response what came back, or empty; not null
     */
    public Exchange {
        Objects.requireNonNull(request, "request == null");
        Objects.requireNonNull(response, "response == null");
    }

    /**
     * An exchange that got a response.
     *
     * @param request  what was sent; not null
     * @param response what came back; not null
     * @return the exchange
     */
    public static Exchange of(WireRequest request, WireResponse response) {
        return new Exchange(request, Optional.of(response));
    }

    /**
     * The response, for checks that only make sense once one arrived.
     *
     * @return the response
     * @throws IllegalStateException when the connection failed before a response arrived
     */
    public WireResponse answer() {
        return response.orElseThrow(() -> new IllegalStateException("no response to " + request.line()));
    }

    /**
     * The exchange as text: the request, then the response, each with its headers and body.
     *
     * @return lines for a person, indented under {@code request:} and {@code response:}, bodies redacted and cut
     *         to 2000 characters; {@code (none)} for a missing response
     */
    public String describe() {
        StringBuilder text = new StringBuilder();
        text.append("request:\n").append(indent(request.describe()));
        text.append("response:\n").append(indent(response.map(WireResponse::describe).orElse("(none)\n")));
        return text.toString();
    }

    @Override
    public String toString() {
        return describe();
    }

    private static String indent(String text) {
        StringBuilder indented = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            if (!line.isEmpty()) {
                indented.append("  ").append(line);
            }
            indented.append('\n');
        }
        return indented.toString().replaceAll("\n+$", "\n");
    }

    /**
     * A request as sent. Header names keep their case; the body is UTF-8 text (empty when there is none).
     *
     * @param method  the HTTP method
     * @param url     the full URL it went to
     * @param headers the headers in order, names as sent, values redacted ({@code Authorization: Basic <redacted>})
     * @param body    the body as sent, not redacted (checks compare it); empty for none
     */
    public record WireRequest(String method, String url, Map<String, List<String>> headers, String body) {
        /**
         * Checks the components: no component may be null; text that is shown is redacted.
         *
         * @param method  the HTTP method; not null
         * @param url     the full URL; not null
         * @param headers the headers as sent, redacted here; not null
         * @param body    the body; null is taken as empty
         */
        public WireRequest {
            Objects.requireNonNull(method, "method == null");
            Objects.requireNonNull(url, "url == null");
            headers = REDACTION.headers(headers);
            body = body == null ? "" : body;
        }

        /**
         * The first value of the header {@code name}, whatever its case.
         *
         * @param name a header name, compared ignoring case
         * @return its first value as recorded (redacted for secrets), or empty when it was not sent
         */
        public Optional<String> header(String name) {
            return first(headers, name);
        }

        String line() {
            return method + " " + REDACTION.url(url);
        }

        String describe() {
            return line() + "\n" + headerLines(headers) + bodyBlock(body);
        }

        @Override
        public String toString() {
            return describe();
        }
    }

    /**
     * A response as received. The body is UTF-8 text (empty when there is none).
     *
     * @param status  the HTTP status
     * @param headers the headers in order, names as received, values redacted
     * @param body    the body as received, not redacted (checks compare it); empty for none
     */
    public record WireResponse(int status, Map<String, List<String>> headers, String body) {
        /**
         * Checks the components: text that is shown is redacted.
         *
         * @param status  the HTTP status
         * @param headers the headers as received, redacted here; not null
         * @param body    the body; null is taken as empty
         */
        public WireResponse {
            headers = REDACTION.headers(headers);
            body = body == null ? "" : body;
        }

        /**
         * The first value of the header {@code name}, whatever its case.
         *
         * @param name a header name, compared ignoring case
         * @return its first value as recorded, or empty when the response has no such header
         */
        public Optional<String> header(String name) {
            return first(headers, name);
        }

        /**
         * The {@code Content-Type} header, if any.
         *
         * @return the header's value with its parameters, e.g. {@code application/json; charset=utf-8}, or empty
         */
        public Optional<String> contentType() {
            return header("Content-Type");
        }

        /**
         * The body as JSON; empty when the body is empty or not JSON.
         *
         * @return the body parsed anew on each call, whatever the {@code Content-Type} says; empty for a blank body
         *         or one that does not parse
         */
        public Optional<JsonNode> json() {
            if (body.isBlank()) {
                return Optional.empty();
            }
            try {
                return Optional.of(JSON.readTree(body));
            } catch (JsonProcessingException e) {
                return Optional.empty();
            }
        }

        String describe() {
            return "HTTP " + status + "\n" + headerLines(headers) + bodyBlock(body);
        }

        @Override
        public String toString() {
            return describe();
        }
    }

    private static Optional<String> first(Map<String, List<String>> headers, String name) {
        return headers.entrySet().stream()
                .filter(header -> header.getKey().equalsIgnoreCase(name) && !header.getValue().isEmpty())
                .map(header -> header.getValue().get(0))
                .findFirst();
    }

    private static String headerLines(Map<String, List<String>> headers) {
        StringBuilder lines = new StringBuilder();
        headers.forEach((name, values) -> values.forEach(value -> lines.append(name).append(": ").append(value)
                .append('\n')));
        return lines.toString();
    }

    private static String bodyBlock(String body) {
        if (body.isEmpty()) {
            return "";
        }
        String redacted = REDACTION.text(body);
        String shown = redacted.length() > 2000 ? redacted.substring(0, 2000) + "... (" + body.length() + " chars)"
                : redacted;
        return "\n" + shown + "\n";
    }
}
