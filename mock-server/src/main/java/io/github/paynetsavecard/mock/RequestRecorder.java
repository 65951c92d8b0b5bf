package io.github.paynetsavecard.mock;

import com.github.tomakehurst.wiremock.extension.Parameters;
import com.github.tomakehurst.wiremock.extension.ServeEventListener;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.github.paynetsavecard.mock.engine.MockRequest;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Sees every request that reaches WireMock (spec answers and user stubs alike). Keeps the newest
 * {@code limit} of them for tests, in place of WireMock's unbounded request journal, but no more than
 * {@value #MAX_BODY_BYTES} bytes of bodies (the newest request is always kept), and writes one log line per
 * request when asked. The line names the method, path and status only: never headers, query or body, which
 * carry keys and phone numbers; long digit runs in the path (a phone number in a path parameter) are masked too.
 */
final class RequestRecorder implements ServeEventListener {
    /** Seven digits or more: could be a phone number; all but the last two are masked. */
    private static final Pattern LONG_NUMBER = Pattern.compile("\\d{5,}(?=\\d{2})");

    /** The bodies kept add up to at most this: 64 MiB (a thousand 1 MiB bodies would be a gigabyte). */
    static final long MAX_BODY_BYTES = 64L * 1024 * 1024;

    private final int limit;
    private final long maxBodyBytes;
    private final Consumer<String> requestLog;
    private final Deque<ReceivedRequest> received = new ArrayDeque<>();
    private long bodyBytes;

    RequestRecorder(int limit, Consumer<String> requestLog) {
        this(limit, MAX_BODY_BYTES, requestLog);
    }

    RequestRecorder(int limit, long maxBodyBytes, Consumer<String> requestLog) {
        this.limit = limit;
        this.maxBodyBytes = maxBodyBytes;
        this.requestLog = requestLog;
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
                    request.body()));
        }
        if (requestLog != null) {
            String url = serveEvent.getRequest().getUrl();
            int queryStart = url.indexOf('?');
            String path = queryStart < 0 ? url : url.substring(0, queryStart);
            requestLog.accept(serveEvent.getRequest().getMethod().getName() + " " + maskLongNumbers(path)
                    + " -> " + serveEvent.getResponse().getStatus());
        }
    }

    /** {@code text} with every run of seven digits or more masked but for its last two digits. */
    static String maskLongNumbers(String text) {
        return LONG_NUMBER.matcher(text).replaceAll(digits -> "*".repeat(digits.group().length()));
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
