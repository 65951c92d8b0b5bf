package io.github.paynetsavecard.conformance.wire;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;
import okio.Buffer;

/**
 * An OkHttp interceptor for the generated client that keeps every exchange it sees, so a check can judge the raw
 * response behind a typed outcome and show it when the target breaks a rule.
 */
public final class ExchangeRecorder implements Interceptor {
    private static final long MAX_BODY = 1024 * 1024;

    private final List<Exchange> exchanges = new ArrayList<>();

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        Exchange.WireRequest sent = WireClient.requestOf(request, bodyOf(request));
        Response response;
        try {
            response = chain.proceed(request);
        } catch (IOException e) {
            record(new Exchange(sent, Optional.empty()));
            throw e;
        }
        String body = response.peekBody(MAX_BODY).string();
        record(Exchange.of(sent, new Exchange.WireResponse(response.code(), WireClient.headersOf(response.headers()),
                body)));
        return response;
    }

    /**
     * The last exchange seen, or a failure naming that the client sent nothing.
     *
     * @return the most recent exchange, with or without a response
     * @throws AssertionError when the client sent no request through this recorder
     */
    public synchronized Exchange last() {
        if (exchanges.isEmpty()) {
            throw new AssertionError("the client sent no request");
        }
        return exchanges.get(exchanges.size() - 1);
    }

    /**
     * Every exchange seen, oldest first.
     *
     * @return a snapshot, unmodifiable; empty when nothing was sent
     */
    public synchronized List<Exchange> all() {
        return List.copyOf(exchanges);
    }

    private synchronized void record(Exchange exchange) {
        exchanges.add(exchange);
    }

    private static String bodyOf(Request request) throws IOException {
        if (request.body() == null) {
            return "";
        }
        Buffer buffer = new Buffer();
        request.body().writeTo(buffer);
        return buffer.readUtf8();
    }
}
