package io.github.paynetsavecard.mock.server;

import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.Request;
import io.github.paynetsavecard.mock.engine.MockRequest;
import org.eclipse.jetty.http.HttpField;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Turns a request, as WireMock or as Jetty sees it, into the engine's {@link MockRequest}; never fails on odd input.
 * Both views give the engine the same values: the raw path, the query as sent, every header line, the body's bytes.
 */
final class IncomingRequest {
    private IncomingRequest() {
    }

    static MockRequest from(Request request) {
        String url = request.getUrl() == null ? "/" : request.getUrl();
        int queryStart = url.indexOf('?');
        SortedMap<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        if (request.getHeaders() != null) {
            for (HttpHeader header : request.getHeaders().all()) {
                headers.computeIfAbsent(header.key(), name -> new ArrayList<>()).addAll(header.values());
            }
        }
        return of(request.getMethod().getName(), queryStart < 0 ? url : url.substring(0, queryStart),
                queryStart < 0 ? "" : url.substring(queryStart + 1), headers, request.getBody());
    }

    /** Jetty's request, read the way WireMock's servlet adapter reads it, for {@link SpecShortcut}. */
    static MockRequest from(org.eclipse.jetty.server.Request request, byte[] body) {
        SortedMap<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (HttpField field : request.getHttpFields()) {
            headers.computeIfAbsent(field.getName(), name -> new ArrayList<>()).add(field.getValue() == null ? "" : field.getValue());
        }
        return of(request.getMethod().toUpperCase(Locale.ROOT), request.getRequestURI(), request.getQueryString(),
                headers, body);
    }

    /** The one place both views become a request: an absent path is {@code /}, an absent query or body empty. */
    static MockRequest of(String method, String path, String query, SortedMap<String, List<String>> headers,
                                  byte[] body) {
        return new MockRequest(method, path == null || path.isEmpty() ? "/" : path,
                parseQuery(query == null ? "" : query), frozen(headers), body == null ? new byte[0] : body);
    }

    /**
     * Header names compare case-insensitively, as HTTP says; values keep their order. A sorted view, so that
     * {@link MockRequest#headerValues} sees the case-insensitive order and skips its scan for other spellings.
     */
    private static Map<String, List<String>> frozen(SortedMap<String, List<String>> headers) {
        headers.replaceAll((name, values) -> List.copyOf(values));
        return Collections.unmodifiableSortedMap(headers);
    }

    /** {@code a=1&a=2&b} -> {a=[1, 2], b=[""]}, decoded like a form (as Prism's Node URL parser does). */
    static Map<String, List<String>> parseQuery(String query) {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        if (query.isEmpty()) {
            return Map.of();
        }
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
            parameters.computeIfAbsent(name, key -> new ArrayList<>()).add(value);
        }
        parameters.replaceAll((name, values) -> List.copyOf(values));
        return Collections.unmodifiableMap(parameters);
    }

    /** A malformed escape such as {@code %zz} is kept as sent rather than failing the request. */
    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return text;
        }
    }
}
