package io.github.paynetsavecard.mock.engine;

import io.github.paynetsavecard.spec.index.SecurityScheme;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Prism's security check: presence only, no credential is verified. The request passes when it satisfies every
 * scheme of at least one alternative. Per scheme: an API key must be present (non-empty) in its header, query
 * parameter or cookie; {@code bearer}, {@code oauth2} and {@code openIdConnect} need
 * {@code Authorization: Bearer <token>}; {@code basic} needs {@code Authorization: Basic <base64 of user:pass>};
 * {@code digest} needs a digest header with its fields. An empty alternative ({@code {}}) passes only without an
 * {@code Authorization} header, as in Prism.
 */
final class SecurityCheck {
    private static final Pattern BEARER = Pattern.compile("^Bearer\\s.+$", Pattern.DOTALL);

    private SecurityCheck() {
    }

    /** The security violation of {@code request}, if it satisfies no alternative. */
    static Optional<Violation> check(List<List<SecurityScheme>> alternatives, MockRequest request) {
        if (alternatives.isEmpty()) {
            return Optional.empty();
        }
        List<String> challenges = new ArrayList<>();
        boolean onlyWarnings = true;
        for (List<SecurityScheme> alternative : alternatives) {
            List<Outcome> failures = new ArrayList<>();
            if (alternative.isEmpty()) {
                if (request.header("Authorization").isPresent()) {
                    failures.add(Outcome.fail("None"));
                }
            }
            for (SecurityScheme scheme : alternative) {
                Outcome outcome = check(scheme, request);
                if (!outcome.passed()) {
                    failures.add(outcome);
                }
            }
            if (failures.isEmpty()) {
                return Optional.empty();
            }
            for (Outcome failure : failures) {
                failure.challenge().ifPresent(challenges::add);
                onlyWarnings &= failure.unsupported();
            }
        }
        if (onlyWarnings) {
            return Optional.of(Violation.plain(Severity.Warning,
                    "We currently do not support this type of security scheme"));
        }
        return Optional.of(Violation.security(challenges));
    }

    private record Outcome(boolean passed, Optional<String> challenge, boolean unsupported) {
        static final Outcome PASSED = new Outcome(true, Optional.empty(), false);

        static Outcome fail(String challenge) {
            return new Outcome(false, Optional.ofNullable(challenge), false);
        }

        static Outcome when(boolean condition, String challenge) {
            return condition ? PASSED : fail(challenge);
        }
    }

    // Prism's test is the regex `name=.+` anywhere in the Cookie header: `name=` followed by at least one
    // character. A plain search does the same without compiling a pattern on every request.
    private static boolean hasCookieValue(String cookies, String name) {
        String prefix = name + "=";
        for (int at = cookies.indexOf(prefix); at >= 0; at = cookies.indexOf(prefix, at + 1)) {
            if (at + prefix.length() < cookies.length()) {
                return true;
            }
        }
        return false;
    }

    private static Outcome check(SecurityScheme scheme, MockRequest request) {
        Optional<String> authorization = request.header("Authorization").filter(value -> !value.isEmpty());
        switch (scheme.type()) {
            case "apiKey":
                return switch (scheme.in()) {
                    case "header" -> Outcome.when(request.header(scheme.paramName())
                            .filter(value -> !value.isEmpty()).isPresent(), null);
                    case "query" -> Outcome.when(request.query().getOrDefault(scheme.paramName(), List.of())
                            .stream().anyMatch(value -> !value.isEmpty()), null);
                    case "cookie" -> Outcome.when(request.header("Cookie")
                            .filter(cookie -> hasCookieValue(cookie, scheme.paramName())).isPresent(), null);
                    default -> new Outcome(false, Optional.empty(), true);
                };
            case "oauth2":
                return Outcome.when(authorization.filter(value -> BEARER.matcher(value).matches()).isPresent(),
                        "OAuth2");
            case "openIdConnect":
                return Outcome.when(authorization.filter(value -> BEARER.matcher(value).matches()).isPresent(),
                        "OpenID");
            case "http":
                return switch (scheme.scheme()) {
                    case "bearer" -> Outcome.when(authorization.filter(value -> BEARER.matcher(value).matches())
                            .isPresent(), "Bearer");
                    case "basic" -> basic(authorization);
                    case "digest" -> digest(authorization);
                    default -> new Outcome(false, Optional.empty(), true);
                };
            default:
                return new Outcome(false, Optional.empty(), true);
        }
    }

    private static Outcome basic(Optional<String> authorization) {
        String challenge = "Basic realm=\"*\"";
        if (authorization.isEmpty()) {
            return Outcome.fail(challenge);
        }
        String[] parts = authorization.get().split(" ", -1);
        if (!parts[0].toLowerCase(Locale.ROOT).equals("basic")) {
            return Outcome.fail(challenge);
        }
        // The scheme is right: a bad token fails without a challenge, as in Prism.
        return Outcome.when(parts.length > 1 && isUserColonPassword(parts[1]), null);
    }

    private static boolean isUserColonPassword(String token) {
        try {
            String decoded = new String(Base64.getMimeDecoder().decode(token), StandardCharsets.UTF_8);
            return decoded.split(":", -1).length == 2;
        } catch (IllegalArgumentException notBase64) {
            return false;
        }
    }

    private static Outcome digest(Optional<String> authorization) {
        String challenge = "Digest realm=\"*\", nonce=\"abc123\"";
        if (authorization.isEmpty()) {
            return Outcome.fail(challenge);
        }
        String[] parts = authorization.get().split(" ");
        if (!parts[0].toLowerCase(Locale.ROOT).equals("digest")) {
            return Outcome.fail(challenge);
        }
        String info = String.join("", java.util.Arrays.asList(parts).subList(1, parts.length));
        boolean complete = List.of("username=", "realm=", "nonce=", "uri=", "response=").stream()
                .allMatch(info::contains);
        return Outcome.when(complete, null);
    }
}
