package io.github.paynetsavecard.conformance.wire;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import okhttp3.Headers;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;

/** Sends {@link RawRequest}s to one target and returns what happened as an {@link Exchange}. */
public final class WireClient {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final URI baseUrl;
    private final OkHttpClient http;

    /**
     * A client for the target at {@code baseUrl}: 30 s per call, no retries, no redirects.
     *
     * @param baseUrl where the target serves the spec's paths, with or without a trailing slash; not null
     */
    public WireClient(URI baseUrl) {
        this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl == null");
        this.http = new OkHttpClient.Builder()
                .callTimeout(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                .retryOnConnectionFailure(false)
                .followRedirects(false)
                .build();
    }

    /**
     * Sends {@code request}; a connection that fails before any response is an {@link UncheckedIOException}.
     *
     * @param request the request, sent as written; not null
     * @return the request as sent and the response, whatever its status
     * @throws UncheckedIOException when the connection fails or times out before a response arrives
     */
    public Exchange send(RawRequest request) {
        Request.Builder wire = new Request.Builder().url(url(request.pathAndQuery()));
        request.headers().forEach(header -> wire.addHeader(header.getKey(), header.getValue()));
        RequestBody body = null;
        if (request.contentType().isPresent() || !request.body().isEmpty()) {
            // create(byte[]) keeps the content type exactly as given; create(String) would append a charset.
            MediaType type = request.contentType().map(MediaType::parse).orElse(null);
            body = RequestBody.create(request.bodyBytes(), type);
        }
        wire.method(request.method(), body);
        Request sent = wire.build();
        try (Response response = http.newCall(sent).execute()) {
            ResponseBody responseBody = response.body();
            String text = responseBody == null ? "" : responseBody.string();
            return Exchange.of(requestOf(sent, request.body()),
                    new Exchange.WireResponse(response.code(), headersOf(response.headers()), text));
        } catch (IOException e) {
            throw new UncheckedIOException(request.method() + " " + request.pathAndQuery() + " to " + baseUrl
                    + " failed: " + e.getMessage(), e);
        }
    }

    private String url(String pathAndQuery) {
        String base = baseUrl.toString();
        return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + pathAndQuery;
    }

    static Exchange.WireRequest requestOf(Request request, String body) {
        Map<String, List<String>> headers = headersOf(request.headers());
        if (request.body() != null && request.body().contentType() != null && request.header("Content-Type") == null) {
            headers = new LinkedHashMap<>(headers);
            headers.put("Content-Type", List.of(String.valueOf(request.body().contentType())));
        }
        return new Exchange.WireRequest(request.method(), request.url().toString(), headers, body);
    }

    /** Header names keep their case and order (OkHttp's {@code toMultimap} would lower-case them). */
    static Map<String, List<String>> headersOf(Headers headers) {
        Map<String, List<String>> grouped = new LinkedHashMap<>();
        for (int i = 0; i < headers.size(); i++) {
            grouped.computeIfAbsent(headers.name(i), name -> new ArrayList<>()).add(headers.value(i));
        }
        return grouped;
    }
}
