package io.github.paynetsavecard.mock.engine;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Prism's permissive CORS: any preflight (a request with {@code Origin} and
 * {@code Access-Control-Request-Method}), even for a path the spec does not have, gets 204 allowing the origin,
 * method and headers asked for; every other response carries the allowing headers, which the spec's own
 * response headers may override.
 */
final class Cors {
    private Cors() {
    }

    /** Whether {@code request} is a CORS preflight. */
    public static boolean isPreflight(MockRequest request) {
        return request.method().equalsIgnoreCase("OPTIONS") && present(request, "Origin")
                && present(request, "Access-Control-Request-Method");
    }

    /** The 204 answer to a preflight. */
    public static MockResponse preflight(MockRequest request) {
        Map<String, String> headers = commonHeaders(request);
        headers.put("Access-Control-Allow-Methods", request.header("Access-Control-Request-Method")
                .filter(method -> !method.isEmpty()).orElse("GET,DELETE,HEAD,PATCH,POST,PUT,OPTIONS"));
        headers.put("Vary", "origin");
        return new MockResponse(204, headers, new byte[0]);
    }

    /** The headers added to every answer: they allow the caller's origin, headers and exposure of all headers. */
    public static Map<String, String> commonHeaders(MockRequest request) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Access-Control-Allow-Origin", valueOr(request, "Origin", "*"));
        headers.put("Access-Control-Allow-Headers", valueOr(request, "Access-Control-Request-Headers", "*"));
        headers.put("Access-Control-Allow-Credentials", "true");
        headers.put("Access-Control-Expose-Headers", valueOr(request, "Access-Control-Expose-Headers", "*"));
        return headers;
    }

    private static boolean present(MockRequest request, String name) {
        return request.header(name).filter(value -> !value.isEmpty()).isPresent();
    }

    private static String valueOr(MockRequest request, String name, String fallback) {
        return request.header(name).filter(value -> !value.isEmpty()).orElse(fallback);
    }
}
