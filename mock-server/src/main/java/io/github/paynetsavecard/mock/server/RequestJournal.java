package io.github.paynetsavecard.mock.server;

import io.github.paynetsavecard.mock.engine.MockRequest;
import java.util.function.Function;

/**
 * Where the HTTP server reports every request that reaches the engine or WireMock, the spec's answers and user stubs
 * alike: the mock's record of received requests and its request log. Requests refused before that (413, 415 and 431
 * from the request guard, Jetty's own error pages) are not reported. Called on request threads, several at once.
 */
public interface RequestJournal {
    /**
     * Whether anything is recorded or logged; when not, the server builds no report at all. Read when the server is
     * built and per request, so it must not change.
     *
     * @return true when {@link #observe} and {@link #observeFault} have something to do
     */
    boolean isObserving();

    /**
     * One request, answered over HTTP.
     *
     * @param request    the request as received
     * @param specAnswer whether the spec answered it (not a stub a user added), so that a refusal means the request
     *                   broke the spec
     * @param status     the answer's status
     * @param header     the answer's first value of a header, by name; null when the answer has none
     * @param body       the answer's body, empty for none
     */
    void observe(MockRequest request, boolean specAnswer, int status, Function<String, String> header, byte[] body);

    /**
     * One request answered with a broken connection (reset, empty, garbage) instead of an HTTP answer.
     *
     * @param request the request as received
     * @param status  the status of the answer the fault replaced, for the log
     */
    void observeFault(MockRequest request, int status);
}
