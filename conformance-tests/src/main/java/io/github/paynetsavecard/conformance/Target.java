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
    /**
     * Checks the components: no component may be null.
     *
     * @param name    the report's name for the target; not null
     * @param baseUrl where the spec's paths are served from; not null
     * @param apiKey  the key for {@code Authorization: Basic}; not null and not blank
     * @param kind    what kind of server it is; not null
     * @throws IllegalArgumentException when {@code apiKey} is blank
     */
    public Target {
        Objects.requireNonNull(name, "name == null");
        Objects.requireNonNull(baseUrl, "baseUrl == null");
        Objects.requireNonNull(apiKey, "apiKey == null");
        Objects.requireNonNull(kind, "kind == null");
        if (apiKey.isBlank()) {
            throw new IllegalArgumentException("apiKey of target " + name + " is blank");
        }
    }

    /**
     * The {@code Authorization} header value Paynet expects: the raw key after {@code Basic }.
     *
     * @return {@code Basic } and the key, not Base64-encoded; a secret, never to be printed
     */
    public String authorization() {
        return "Basic " + apiKey;
    }

    @Override
    public String toString() {
        return name + " (" + baseUrl + ", " + kind + ")";
    }
}
