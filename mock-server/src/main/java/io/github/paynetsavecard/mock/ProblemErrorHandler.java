package io.github.paynetsavecard.mock;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Set;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.handler.ErrorHandler;

/**
 * Answers Jetty's own errors (headers too large, malformed request line, body over the limit while streaming)
 * with {@code application/problem+json} instead of Jetty's HTML page.
 *
 * <p>WireMock reads each request eagerly (query parameters, form fields, multipart parts, the body in the charset
 * of its {@code Content-Type}) and fails on input it cannot decode, such as {@code %zz} in a form body, a broken
 * multipart body or an unknown charset. Such a failure is the client's input, not a fault of the mock: it is
 * answered with 400, never 500.
 */
final class ProblemErrorHandler extends ErrorHandler {
    /** The WireMock classes that decode an incoming request; see the class comment. */
    private static final Set<String> REQUEST_READERS = Set.of(
            "com.github.tomakehurst.wiremock.servlet.WireMockHttpServletRequestAdapter",
            "com.github.tomakehurst.wiremock.verification.LoggedRequest");

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
        Object failure = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        // Only our own guard's messages are passed on; others could carry parser text.
        boolean ownMessage = status == HttpStatus.PAYLOAD_TOO_LARGE_413 || status == HttpStatus.UNSUPPORTED_MEDIA_TYPE_415;
        String detail = ownMessage && message instanceof String text && !text.isBlank() ? text : detail(status);
        if (status == HttpStatus.INTERNAL_SERVER_ERROR_500 && failure instanceof Throwable thrown
                && thrownWhileWireMockReadTheRequest(thrown)) {
            status = HttpStatus.BAD_REQUEST_400;
            detail = "The request cannot be read as its Content-Type and encoding say: " + rootCause(thrown);
            response.setStatus(status);
        }
        byte[] body = HttpProblem.json(status, detail);
        response.setContentType(HttpProblem.CONTENT_TYPE);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
        baseRequest.setHandled(true);
    }

    private static boolean thrownWhileWireMockReadTheRequest(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            for (StackTraceElement frame : cause.getStackTrace()) {
                if (REQUEST_READERS.contains(frame.getClassName())) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String rootCause(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        String text = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return text.length() > 200 ? text.substring(0, 200) + "..." : text;
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
