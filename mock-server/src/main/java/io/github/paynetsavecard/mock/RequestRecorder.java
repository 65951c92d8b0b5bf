package io.github.paynetsavecard.mock;

import com.github.tomakehurst.wiremock.extension.Parameters;
import com.github.tomakehurst.wiremock.extension.ServeEventListener;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.github.paynetsavecard.mock.engine.MockRequest;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.function.Consumer;

/**
 * Sees every request that reaches WireMock (spec answers and user stubs alike). Keeps the newest
 * {@code limit} of them for tests, in place of WireMock's unbounded request journal, and writes one log line per
 * request when asked. The line names the method, path and status only: never headers, query or body, which
 * carry keys and phone numbers.
 */
final class RequestRecorder implements ServeEventListener {
    private final int limit;
    private final Consumer<String> requestLog;
    private final Deque<ReceivedRequest> received = new ArrayDeque<>();

    RequestRecorder(int limit, Consumer<String> requestLog) {
        this.limit = limit;
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
            requestLog.accept(serveEvent.getRequest().getMethod().getName() + " "
                    + (queryStart < 0 ? url : url.substring(0, queryStart))
                    + " -> " + serveEvent.getResponse().getStatus());
        }
    }

    private synchronized void record(ReceivedRequest request) {
        if (received.size() == limit) {
            received.removeFirst();
        }
        received.addLast(request);
    }

    synchronized List<ReceivedRequest> snapshot() {
        return List.copyOf(received);
    }

    synchronized void clear() {
        received.clear();
    }
}
