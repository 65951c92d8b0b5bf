package io.github.paynetsavecard.mock.server;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.handler.ErrorHandler;

/**
 * Answers Jetty's own errors (headers too large, malformed request line, body over the limit while streaming)
 * with {@code application/problem+json} instead of Jetty's HTML page.
 * Input that WireMock cannot decode never gets here as a 500: {@link RequestGuard} answers it with 400.
 */
final class ProblemErrorHandler extends ErrorHandler {
    private final RequestLimits limits;

    ProblemErrorHandler(RequestLimits limits) {
        this.limits = limits;
    }

    @Override
    public boolean errorPageForMethod(String method) {
        return true;
    }

    /** Errors found while parsing, before any handler runs (431, 414, 400 for broken HTTP). */
    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        fields.put(HttpHeader.CONTENT_TYPE, HttpProblem.CONTENT_TYPE);
        return ByteBuffer.wrap(HttpProblem.json(status, detail(status)));
    }

    /** Errors raised while a request is handled, e.g. a chunked body that crosses the size limit. */
    @Override
    public void handle(String target, Request baseRequest, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        int status = response.getStatus();
        Object message = request.getAttribute(RequestDispatcher.ERROR_MESSAGE);
        // Only our own guard's messages are passed on; others could carry parser text.
        boolean ownMessage = status == HttpStatus.PAYLOAD_TOO_LARGE_413 || status == HttpStatus.UNSUPPORTED_MEDIA_TYPE_415;
        String detail = ownMessage && message instanceof String text && !text.isBlank() ? text : detail(status);
        byte[] body = HttpProblem.json(status, detail);
        response.setContentType(HttpProblem.CONTENT_TYPE);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
        baseRequest.setHandled(true);
    }



    private String detail(int status) {
        return switch (status) {
            case HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE_431, HttpStatus.URI_TOO_LONG_414 -> limits.headersTooLarge();
            case HttpStatus.PAYLOAD_TOO_LARGE_413 -> limits.bodyTooLarge();
            case HttpStatus.INTERNAL_SERVER_ERROR_500 -> "The mock failed on this request. This is a bug in the mock;"
                    + " please report it with the request that caused it.";
            default -> "The HTTP request is malformed (" + HttpStatus.getMessage(status) + ").";
        };
    }
}
