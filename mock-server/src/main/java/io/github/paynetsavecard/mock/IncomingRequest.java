package io.github.paynetsavecard.mock;

import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.Request;
import io.github.paynetsavecard.mock.engine.MockRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Turns WireMock's view of a request into the engine's {@link MockRequest}; never fails on odd input. */
final class IncomingRequest {
    private IncomingRequest() {
    }

    static MockRequest from(Request request) {
        String url = request.getUrl() == null ? "/" : request.getUrl();
        int queryStart = url.indexOf('?');
        String path = queryStart < 0 ? url : url.substring(0, queryStart);
        String query = queryStart < 0 ? "" : url.substring(queryStart + 1);
        byte[] body = request.getBody();
        return new MockRequest(
                request.getMethod().getName(),
                path.isEmpty() ? "/" : path,
                parseQuery(query),
                headers(request),
                body == null ? new byte[0] : body);
    }

    /** Header names compare case-insensitively, as HTTP says; values keep their order. */
    private static Map<String, List<String>> headers(Request request) {
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        if (request.getHeaders() != null) {
            for (HttpHeader header : request.getHeaders().all()) {
                headers.computeIfAbsent(header.key(), name -> new ArrayList<>()).addAll(header.values());
            }
        }
        headers.replaceAll((name, values) -> List.copyOf(values));
        return Collections.unmodifiableMap(headers);
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
