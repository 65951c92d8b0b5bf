package io.github.paynetsavecard.mock.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One way in which a request (or the engine's own response) breaks the spec, in Prism's shape.
 *
 * @param path     where: {@code ["body","user_gsm"]}, {@code ["query"]}, ...; empty for violations Prism reports
 *                 without a path (security, content type, a missing body)
 * @param code     Prism's code: a JSON-Schema keyword ({@code "required"}, {@code "pattern"}) or, for security
 *                 and content type, the number 401 or 415; empty when Prism gives none
 * @param severity how bad it is
 * @param message  a human-readable sentence
 * @param challenges for a security violation: the {@code WWW-Authenticate} challenges of the failed schemes
 */
record Violation(Optional<List<String>> path, Optional<JsonNode> code, Severity severity, String message,
                        List<String> challenges) {
    public Violation {
        path = path.map(List::copyOf);
        Objects.requireNonNull(code, "code == null");
        Objects.requireNonNull(severity, "severity == null");
        Objects.requireNonNull(message, "message == null");
        challenges = List.copyOf(challenges);
    }

    /** The request does not satisfy any of the security alternatives. */
    public static Violation security(List<String> challenges) {
        return new Violation(Optional.empty(), Optional.of(IntNode.valueOf(401)), Severity.Error,
                "Invalid security scheme used", challenges);
    }

    /** The request's content type is not one the operation accepts. */
    public static Violation contentType(String message) {
        return new Violation(Optional.empty(), Optional.of(IntNode.valueOf(415)), Severity.Error, message, List.of());
    }

    /** The operation requires a body and the request has none. */
    public static Violation missingBody() {
        return new Violation(Optional.empty(), Optional.of(TextNode.valueOf("required")), Severity.Error,
                "Body parameter is required", List.of());
    }

    /** A schema keyword failed at {@code path}. */
    public static Violation schema(List<String> path, String keyword, String message) {
        return new Violation(Optional.of(path), Optional.of(TextNode.valueOf(keyword)), Severity.Error, message,
                List.of());
    }

    /** A violation without a path or code, e.g. of the engine's own response. */
    public static Violation plain(Severity severity, String message) {
        return new Violation(Optional.empty(), Optional.empty(), severity, message, List.of());
    }

    /** Whether this is a security violation (code 401). */
    public boolean isSecurity() {
        return severity == Severity.Error && code.filter(c -> c.isInt() && c.intValue() == 401).isPresent();
    }

    /** Whether this is a content-type violation (code 415). */
    public boolean isContentType() {
        return severity == Severity.Error && code.filter(c -> c.isInt() && c.intValue() == 415).isPresent();
    }

    /** The {@code location} Prism writes in {@code sl-violations}: the side, then the path. */
    public List<String> location(String side) {
        List<String> location = new ArrayList<>();
        location.add(side);
        path.ifPresent(location::addAll);
        return location;
    }
}
