package io.github.paynetsavecard.mock.server;

import com.github.tomakehurst.wiremock.extension.ResponseTransformerV2;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.HttpHeaders;
import com.github.tomakehurst.wiremock.http.Response;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.github.paynetsavecard.mock.engine.MockEngine;
import io.github.paynetsavecard.mock.engine.MockRequest;
import io.github.paynetsavecard.mock.engine.MockResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The only place where WireMock meets the engine: the catch-all stub's response is replaced by what the engine
 * decides for the request (or by a mock-only endpoint under {@code /__paynet/}), or by the fault that the request's
 * {@value MockFault#HEADER} header asks for. Replacing the rendered response (rather than the response definition)
 * also drops WireMock's own {@code Matched-Stub-Id} header, which Prism does not send.
 */
final class SpecAnswer implements ResponseTransformerV2 {
    static final String NAME = "paynet-spec-answer";

    /** What a reverse proxy in front of a dead service answers; a client must not take it for Paynet's JSON. */
    private static final byte[] PROXY_ERROR_PAGE = ("<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n"
            + "<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>proxy</center>\r\n</body>\r\n"
            + "</html>\r\n").getBytes(StandardCharsets.US_ASCII);

    private final MockEngine engine;
    private final Function<MockRequest, Optional<MockResponse>> mockOnly;
    private final HeldRequests held = new HeldRequests();

    /** {@code mockOnly} answers the {@code /__paynet/} paths ahead of the spec; empty for the rest. */
    SpecAnswer(MockEngine engine, Function<MockRequest, Optional<MockResponse>> mockOnly) {
        this.engine = engine;
        this.mockOnly = mockOnly;
    }

    @Override
    public String getName() {
        return NAME;
    }

    /** Only the catch-all stub is answered from the spec; stubs that users add answer as they say. */
    @Override
    public boolean applyGlobally() {
        return false;
    }

    @Override
    public Response transform(Response response, ServeEvent serveEvent) {
        MockRequest request = IncomingRequest.from(serveEvent.getRequest());
        MockFault fault = MockFault.parse(request.headerValues(MockFault.HEADER));
        if (fault == null) {
            return replaced(response, answer(request)).build();
        }
        if (fault instanceof MockFault.Invalid invalid) {
            return replaced(response, HttpProblem.response(400, invalid.detail(), Map.of())).build();
        }
        if (fault instanceof MockFault.Broken broken) {
            return Response.Builder.like(response).but().fault(broken.fault()).build();
        }
        if (fault instanceof MockFault.ProxyErrorPage) {
            return replaced(response, new MockResponse(502, Map.of("Content-Type", "text/html",
                    "Cache-Control", "no-store"), PROXY_ERROR_PAGE)).build();
        }
        if (fault instanceof MockFault.Late late) {
            if (!held.tryHold(late.delay())) {
                return replaced(response, tooManyHeld()).build();
            }
            return replaced(response, answer(request)).incrementInitialDelay(late.delay().toMillis()).build();
        }
        if (!held.tryHold(MockFault.TIMEOUT_HOLD)) {
            return replaced(response, tooManyHeld()).build();
        }
        return Response.Builder.like(response).but()
                .incrementInitialDelay(MockFault.TIMEOUT_HOLD.toMillis())
                .fault(Fault.EMPTY_RESPONSE)
                .build();
    }

    /** The answer to a request without a fault: a mock-only endpoint's, or the engine's. */
    MockResponse answer(MockRequest request) {
        if (MockHttpServer.isMockOnly(request.path())) {
            Optional<MockResponse> page = mockOnly.apply(request);
            if (page.isPresent()) {
                return page.get();
            }
        }
        return engine.handle(request);
    }

    private static MockResponse tooManyHeld() {
        return HttpProblem.response(503, "The mock holds " + HeldRequests.MAX_HELD + " requests for " + MockFault.HEADER
                + " delay or timeout already, the most it holds at once; try again when one of them has ended.", Map.of());
    }

    private static Response.Builder replaced(Response response, MockResponse answer) {
        return Response.Builder.like(response)
                .but()
                .status(answer.status())
                .headers(headers(answer.headers()))
                .body(answer.body());
    }

    private static HttpHeaders headers(Map<String, String> headers) {
        List<HttpHeader> list = new ArrayList<>(headers.size());
        headers.forEach((name, value) -> list.add(new HttpHeader(name, value)));
        return new HttpHeaders(list);
    }
}
