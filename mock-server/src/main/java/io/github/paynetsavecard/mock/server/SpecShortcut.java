package io.github.paynetsavecard.mock.server;

import io.github.paynetsavecard.mock.engine.MockRequest;
import io.github.paynetsavecard.mock.engine.MockResponse;
import io.github.paynetsavecard.spec.index.MediaType;
import com.github.tomakehurst.wiremock.extension.StubLifecycleListener;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.BooleanSupplier;
import org.eclipse.jetty.io.EofException;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.handler.HandlerWrapper;

/**
 * Answers a request from the spec at the Jetty level, before WireMock, whenever WireMock would only hand it to
 * {@link SpecAnswer} anyway: no stub but the spec's catch-all, no global delay, no request listener, no
 * {@value MockFault#HEADER} header. The answer is the same one; what is skipped is WireMock's per-request copy of
 * the request, its stub matching and its serve event, about half of the bytes allocated per request and a long
 * path for the JIT to compile in the mock's first seconds (docs/bench.md, "answering before WireMock").
 *
 * <p>Everything else goes to WireMock as before: a request once a test added a stub, and the requests whose reading
 * WireMock owns so that both paths answer them alike: form and multipart bodies (WireMock decodes them before
 * any extension sees the request and refuses what it cannot decode), a body with a declared charset other than
 * UTF-8, and a path with escapes, dot segments, empty segments or matrix parameters (Jetty's servlet context
 * normalises and checks those).
 */
final class SpecShortcut extends HandlerWrapper {
    private final SpecAnswer answers;
    private final RequestJournal journal;
    private final boolean observed;
    private final LongAdder answered = new LongAdder();
    private volatile BooleanSupplier wireMockHasNothingToAdd = () -> false;
    /** {@link #wireMockHasNothingToAdd}, as last checked: read per request, checked only when WireMock changes. */
    private volatile boolean open;

    SpecShortcut(SpecAnswer answers, RequestJournal journal) {
        this.answers = answers;
        this.journal = journal;
        this.observed = journal.isObserving();
    }

    /**
     * Lets requests through the shortcut while {@code condition} holds; until then, every request goes to WireMock.
     * The condition is checked now and again on {@link #recheck()}, never per request.
     */
    void openWhile(BooleanSupplier condition) {
        this.wireMockHasNothingToAdd = condition;
        recheck();
    }

    /** Checks the condition again: WireMock's stubs, global settings or request listeners have changed. */
    void recheck() {
        open = wireMockHasNothingToAdd.getAsBoolean();
    }

    /** The WireMock extension that rechecks the shortcut on every change of WireMock's stubs. */
    StubLifecycleListener stubChanges() {
        return stubChanges;
    }

    private final StubLifecycleListener stubChanges = new StubLifecycleListener() {
        @Override
        public String getName() {
            return "paynet-spec-shortcut";
        }

        // Every change of WireMock's stubs (added, edited, removed, reset, imported) passes through these.
        @Override
        public void afterStubCreated(StubMapping stub) {
            recheck();
        }

        @Override
        public void afterStubEdited(StubMapping oldStub, StubMapping newStub) {
            recheck();
        }

        @Override
        public void afterStubRemoved(StubMapping stub) {
            recheck();
        }

        @Override
        public void afterStubsReset() {
            recheck();
        }
    };

    @Override
    public void handle(String target, Request baseRequest, HttpServletRequest request, HttpServletResponse response)
            throws IOException, ServletException {
        if (!open || !takesShortcut(baseRequest)) {
            super.handle(target, baseRequest, request, response);
            return;
        }
        byte[] sent;
        try {
            sent = body(request);
        } catch (IOException connectionGone) {
            throw new EofException(connectionGone); // the guard's 413 and 415 are unchecked and pass as they are
        }
        MockRequest incoming = IncomingRequest.from(baseRequest, sent);
        MockResponse answer = answers.answer(incoming);
        byte[] body = answer.body();
        if (observed) {
            journal.observe(incoming, true, answer.status(), name -> answer.header(name).orElse(null), body);
        }
        response.setStatus(answer.status());
        for (Map.Entry<String, String> header : answer.headers().entrySet()) {
            response.addHeader(header.getKey(), header.getValue());
        }
        response.setContentLength(body.length);
        answered.increment(); // before the write: the client may have read the whole answer when write returns
        try {
            response.getOutputStream().write(body);
        } catch (IOException connectionGone) {
            throw new EofException(connectionGone);
        }
        baseRequest.setHandled(true);
    }

    /**
     * The body's bytes. With a Content-Length, read to that length: a body of up to 8 KiB lands in one array of its
     * size (a larger one in 8 KiB pieces, joined), where {@code readAllBytes} allocated an 8 KiB buffer per request and
     * copied out of it, a third of the bytes allocated per answered request. The guard has refused a length over the
     * limit before this.
     */
    private static byte[] body(HttpServletRequest request) throws IOException {
        long length = request.getContentLengthLong();
        if (length < 0 || length > Integer.MAX_VALUE) {
            return request.getInputStream().readAllBytes();
        }
        return request.getInputStream().readNBytes((int) length);
    }

    /** How many requests were answered here rather than by WireMock. */
    long answered() {
        return answered.sum();
    }

    /** Whether WireMock's own reading of this request could differ from {@link IncomingRequest}'s (see above). */
    private static boolean takesShortcut(Request request) {
        if (request.getHeader(MockFault.HEADER) != null) {
            return false;
        }
        String contentType = request.getContentType();
        if (contentType != null && !plainContentType(contentType)) {
            return false;
        }
        return plainPath(request.getRequestURI());
    }

    /** Not a form or multipart body, and UTF-8 or no charset; one that does not parse is left to WireMock too. */
    private static boolean plainContentType(String contentType) {
        Optional<MediaType> parsed = MediaType.parse(contentType);
        if (parsed.isEmpty() || parsed.get().type().equals("multipart")
                || parsed.get().essence().equals("application/x-www-form-urlencoded")) {
            return false;
        }
        String charset = parsed.get().parameters().get("charset");
        return charset == null || charset.equalsIgnoreCase("utf-8") || charset.equalsIgnoreCase("utf8");
    }

    /** Slash-separated segments of letters, digits and {@code - . _ ~}, no segment empty, {@code .} or {@code ..}. */
    private static boolean plainPath(String path) {
        if (path == null || path.isEmpty() || path.charAt(0) != '/') {
            return false;
        }
        int segmentStart = 1;
        for (int i = 1; i <= path.length(); i++) {
            char c = i < path.length() ? path.charAt(i) : '/';
            if (c == '/') {
                int length = i - segmentStart;
                boolean last = i == path.length();
                if ((length == 0 && !last) || isDots(path, segmentStart, length)) {
                    return false;
                }
                segmentStart = i + 1;
            } else if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                    || c == '-' || c == '.' || c == '_' || c == '~')) {
                return false;
            }
        }
        return true;
    }

    private static boolean isDots(String path, int start, int length) {
        return (length == 1 && path.charAt(start) == '.')
                || (length == 2 && path.charAt(start) == '.' && path.charAt(start + 1) == '.');
    }
}
