package io.github.paynetsavecard.mock;

import com.github.tomakehurst.wiremock.extension.ResponseTransformerV2;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.HttpHeaders;
import com.github.tomakehurst.wiremock.http.Response;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.github.paynetsavecard.mock.engine.MockEngine;
import io.github.paynetsavecard.mock.engine.MockRequest;
import io.github.paynetsavecard.mock.engine.MockResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The only place where WireMock meets the engine: the catch-all stub's response is replaced by what the engine
 * decides for the request (or, in Paynet mode, by a mock-only endpoint under {@code /__paynet/}). Replacing the rendered response (rather than the response definition) also drops
 * WireMock's own {@code Matched-Stub-Id} header, which Prism does not send.
 */
final class SpecAnswer implements ResponseTransformerV2 {
    static final String NAME = "paynet-spec-answer";

    private final MockEngine engine;
    private final Function<MockRequest, Optional<MockResponse>> mockOnly;

    /** {@code mockOnly} answers Paynet mode's {@code /__paynet/} paths ahead of the spec; empty for the rest. */
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
        MockResponse answer = mockOnly.apply(request).orElseGet(() -> engine.handle(request));
        return Response.Builder.like(response)
                .but()
                .status(answer.status())
                .headers(headers(answer.headers()))
                .body(answer.body() == null ? new byte[0] : answer.body())
                .build();
    }

    private static HttpHeaders headers(Map<String, String> headers) {
        List<HttpHeader> list = new ArrayList<>(headers.size());
        headers.forEach((name, value) -> list.add(new HttpHeader(name, value)));
        return new HttpHeaders(list);
    }
}
