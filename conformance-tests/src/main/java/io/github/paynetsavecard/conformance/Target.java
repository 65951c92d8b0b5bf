package io.github.paynetsavecard.conformance;

import java.net.URI;
import java.util.Objects;

/**
 * A server the suite checks: our mock, Prism, Paynet's test system or any URL.
 *
 * @param name    the name the report uses ({@code mock}, {@code prism}, {@code paynet-test}, {@code url})
 * @param baseUrl where the spec's paths are served from
 * @param apiKey  the key sent as {@code Authorization: Basic <key>}; never printed ({@link #toString()} hides it)
 * @param kind    what kind of server it is, which decides what some checks expect
 */
public record Target(String name, URI baseUrl, String apiKey, TargetKind kind) {
    /** Checks the components: no component may be null. */
    public Target {
        Objects.requireNonNull(name, "name == null");
        Objects.requireNonNull(baseUrl, "baseUrl == null");
        Objects.requireNonNull(apiKey, "apiKey == null");
        Objects.requireNonNull(kind, "kind == null");
        if (apiKey.isBlank()) {
            throw new IllegalArgumentException("apiKey of target " + name + " is blank");
        }
    }

    /** The {@code Authorization} header value Paynet expects: the raw key after {@code Basic }. */
    public String authorization() {
        return "Basic " + apiKey;
    }

    @Override
    public String toString() {
        return name + " (" + baseUrl + ", " + kind + ")";
    }
}
