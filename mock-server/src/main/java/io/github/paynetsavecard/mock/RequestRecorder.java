package io.github.paynetsavecard.mock;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.paynetsavecard.client.Redaction;
import io.github.paynetsavecard.mock.engine.MockRequest;
import io.github.paynetsavecard.mock.server.MockHttpServer;
import io.github.paynetsavecard.mock.server.RequestJournal;
import io.github.paynetsavecard.spec.OpenApiDocument;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The journal of every request that reaches the engine or WireMock (spec answers and user stubs alike). Keeps the newest
 * {@code limit} of them for tests, in place of WireMock's unbounded request journal, but no more than
 * {@value #MAX_BODY_BYTES} bytes of bodies (the newest request is always kept), and writes one log line per
 * request when asked. The line names the method, path and status only: never headers, query or body, which
 * carry keys and phone numbers; the path passes through the project's {@link Redaction} (a phone number or a session
 * id in a path parameter is masked or shortened).
 *
 * <p>It also keeps, apart and up to {@value #MAX_INVALID}, the requests the engine refused for breaking the spec
 * ({@link SpecBreach}), for the JUnit extension's strict check, and hands requests out one by one, in order, to
 * {@link #take(Duration)}.
 */
final class RequestRecorder implements RequestJournal {

    /** The bodies kept add up to at most this: 64 MiB (a thousand 1 MiB bodies would be a gigabyte). */
    static final long MAX_BODY_BYTES = 64L * 1024 * 1024;

    /** At most this many spec-breaking requests are kept between two resets: the first ones tell the story. */
    static final int MAX_INVALID = 100;

    private final int limit;
    private final long maxBodyBytes;
    private final Consumer<String> requestLog;
    private final Redaction redaction;
    private final BiFunction<String, String, Optional<String>> operationIds;
    private final Deque<Numbered> received = new ArrayDeque<>();
    private final List<ReceivedRequest> invalid = new ArrayList<>();
    private long bodyBytes;
    private long recordedCount;
    private long nextToTake;

    /** A recorded request and its place in the order of arrival, for {@link #take}. */
    private record Numbered(long number, ReceivedRequest request) {
    }

    RequestRecorder(int limit, Consumer<String> requestLog, Redaction redaction) {
        this(limit, MAX_BODY_BYTES, requestLog, redaction, (method, path) -> Optional.empty());
    }

    RequestRecorder(int limit, long maxBodyBytes, Consumer<String> requestLog, Redaction redaction) {
        this(limit, maxBodyBytes, requestLog, redaction, (method, path) -> Optional.empty());
    }

    /** {@code operationIds}: the operation a method and path go to, as the engine routes them. */
    RequestRecorder(int limit, long maxBodyBytes, Consumer<String> requestLog, Redaction redaction,
                    BiFunction<String, String, Optional<String>> operationIds) {
        this.limit = limit;
        this.maxBodyBytes = maxBodyBytes;
        this.requestLog = requestLog;
        this.redaction = redaction;
        this.operationIds = operationIds;
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

    /** Whether {@link #observe} has anything to do: a request recorded or logged. */
    @Override
    public boolean isObserving() {
        return limit > 0 || requestLog != null;
    }

    /**
     * Records and logs one answered request. {@code specAnswer}: the spec's answer (not a user's stub), whose
     * refusals count as the request breaking the spec.
     */
    @Override
    public void observe(MockRequest request, boolean specAnswer, int status, Function<String, String> header, byte[] body) {
        if (limit > 0) {
            boolean mockOnly = MockHttpServer.isMockOnly(request.path());
            List<String> violations = specAnswer && !mockOnly ? SpecBreach.violations(status, header, body)
                    : List.of();
            record(received(request, mockOnly, status, violations));
        }
        log(request, status);
    }

    /** A request answered with a fault (reset, empty, garbage): recorded with status 0, never a spec breach. */
    @Override
    public void observeFault(MockRequest request, int status) {
        if (limit > 0) {
            record(received(request, MockHttpServer.isMockOnly(request.path()), 0, List.of()));
        }
        log(request, status);
    }

    private ReceivedRequest received(MockRequest request, boolean mockOnly, int status, List<String> violations) {
        return new ReceivedRequest(request.method(), request.path(), request.query(), request.headers(),
                request.body(), redaction,
                mockOnly ? Optional.empty() : operationIds.apply(request.method(), request.path()),
                status, violations);
    }

    private void log(MockRequest request, int status) {
        if (requestLog != null) {
            requestLog.accept(request.method() + " " + redaction.url(request.path()) + " -> " + status);
        }
    }

    synchronized void record(ReceivedRequest request) {
        received.addLast(new Numbered(recordedCount++, request));
        bodyBytes += request.bodySize();
        while (received.size() > limit || (bodyBytes > maxBodyBytes && received.size() > 1)) {
            bodyBytes -= received.removeFirst().request().bodySize();
        }
        if (!request.violations().isEmpty() && invalid.size() < MAX_INVALID) {
            invalid.add(request);
        }
        notifyAll();
    }

    synchronized List<ReceivedRequest> snapshot() {
        return received.stream().map(Numbered::request).toList();
    }

    /** The requests refused for breaking the spec since the last {@link #clear()}, the first {@value #MAX_INVALID}. */
    synchronized List<ReceivedRequest> invalid() {
        return List.copyOf(invalid);
    }

    /**
     * The next request not taken yet, in order of arrival, waiting up to {@code timeout} for it; empty when none came.
     * A request already pushed out by the limit is skipped.
     */
    synchronized Optional<ReceivedRequest> take(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            for (Numbered numbered : received) {
                if (numbered.number() >= nextToTake) {
                    nextToTake = numbered.number() + 1;
                    return Optional.of(numbered.request());
                }
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return Optional.empty();
            }
            java.util.concurrent.TimeUnit.NANOSECONDS.timedWait(this, left);
        }
    }

    synchronized void clear() {
        received.clear();
        invalid.clear();
        bodyBytes = 0;
        nextToTake = recordedCount;
    }
}
