package io.github.paynetsavecard.mock;

import com.github.tomakehurst.wiremock.extension.Parameters;
import com.github.tomakehurst.wiremock.extension.ServeEventListener;
import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.github.paynetsavecard.client.Redaction;
import io.github.paynetsavecard.mock.engine.MockRequest;
import io.github.paynetsavecard.spec.OpenApiDocument;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.function.Consumer;

/**
 * Sees every request that reaches WireMock (spec answers and user stubs alike). Keeps the newest
 * {@code limit} of them for tests, in place of WireMock's unbounded request journal, but no more than
 * {@value #MAX_BODY_BYTES} bytes of bodies (the newest request is always kept), and writes one log line per
 * request when asked. The line names the method, path and status only: never headers, query or body, which
 * carry keys and phone numbers; the path passes through the project's {@link Redaction} (a phone number or a session
 * id in a path parameter is masked or shortened).
 */
final class RequestRecorder implements ServeEventListener {

    /** The bodies kept add up to at most this: 64 MiB (a thousand 1 MiB bodies would be a gigabyte). */
    static final long MAX_BODY_BYTES = 64L * 1024 * 1024;

    private final int limit;
    private final long maxBodyBytes;
    private final Consumer<String> requestLog;
    private final Redaction redaction;
    private final Deque<ReceivedRequest> received = new ArrayDeque<>();
    private long bodyBytes;

    RequestRecorder(int limit, Consumer<String> requestLog, Redaction redaction) {
        this(limit, MAX_BODY_BYTES, requestLog, redaction);
    }

    RequestRecorder(int limit, long maxBodyBytes, Consumer<String> requestLog, Redaction redaction) {
        this.limit = limit;
        this.maxBodyBytes = maxBodyBytes;
        this.requestLog = requestLog;
        this.redaction = redaction;
    }

    /**
     * The redaction policy for {@code spec}: the headers, query parameters and cookies its security schemes name
     * carry keys.
     */
    static Redaction redactionFor(OpenApiDocument spec) {
        Redaction.Builder policy = Redaction.builder();
        for (JsonNode scheme : spec.tree().path("components").path("securitySchemes")) {
            String type = scheme.path("type").asText("");
            String in = scheme.path("in").asText("");
            String name = scheme.path("name").asText("");
            // A scheme the spec check would reject anyway must not stop the mock here.
            if (!type.equals("apiKey") || (!name.isBlank() && (in.equals("header") || in.equals("query")
                    || in.equals("cookie")))) {
                policy.securityScheme(type, in, name);
            }
        }
        return policy.build();
    }

    @Override
    public String getName() {
        return "paynet-request-recorder";
    }

    @Override
    public void beforeResponseSent(ServeEvent serveEvent, Parameters parameters) {
        if (limit > 0) {
            MockRequest request = IncomingRequest.from(serveEvent.getRequest());
            record(new ReceivedRequest(request.method(), request.path(), request.query(), request.headers(),
                    request.body(), redaction));
        }
        if (requestLog != null) {
            String url = serveEvent.getRequest().getUrl();
            int queryStart = url.indexOf('?');
            String path = queryStart < 0 ? url : url.substring(0, queryStart);
            requestLog.accept(serveEvent.getRequest().getMethod().getName() + " " + redaction.url(path)
                    + " -> " + serveEvent.getResponse().getStatus());
        }
    }

    synchronized void record(ReceivedRequest request) {
        received.addLast(request);
        bodyBytes += request.bodySize();
        while (received.size() > limit || (bodyBytes > maxBodyBytes && received.size() > 1)) {
            bodyBytes -= received.removeFirst().bodySize();
        }
    }

    synchronized List<ReceivedRequest> snapshot() {
        return List.copyOf(received);
    }

    synchronized void clear() {
        received.clear();
        bodyBytes = 0;
    }
}
