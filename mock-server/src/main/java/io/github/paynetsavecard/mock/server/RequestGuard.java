package io.github.paynetsavecard.mock.server;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.regex.Pattern;
import org.eclipse.jetty.http.BadMessageException;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.server.HttpInput;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.handler.HandlerWrapper;

/**
 * Checks a request at the HTTP level before WireMock sees it, for two WireMock habits that bad input turns
 * into failures:
 * <ul>
 *   <li>WireMock reads every body whole into memory and silently gunzips anything that looks compressed, so a
 *       1 GB upload or a small gzip bomb could exhaust the heap. A declared {@code Content-Length} above the
 *       limit is answered with 413 at once; a chunked body is counted while it is read and fails with 413 when
 *       it crosses the limit. Compressed bodies get 415.</li>
 *   <li>WireMock decodes the query string strictly and fails with a 500 on a stray {@code %}. Such a
 *       {@code %} is escaped here, so that it reaches the engine literally, as Node (Prism's runtime) reads
 *       it.</li>
 *   <li>WireMock decodes form fields, multipart parts and the body's charset before any extension sees the
 *       request, and throws on input it cannot decode ({@code %zz} in a form body, a broken multipart body, an
 *       unknown charset). Such a failure is the client's input, answered with 400; what it is, is judged from
 *       the exception's type ({@link UnreadableRequest}), never from where in WireMock it was thrown. Any other
 *       failure is logged once with its stack and answered with a 500 problem.</li>
 * </ul>
 */
final class RequestGuard extends HandlerWrapper {
    private static final System.Logger LOG = System.getLogger(RequestGuard.class.getName());
    /** A {@code %} that does not start a two-digit hex escape. */
    private static final Pattern STRAY_PERCENT = Pattern.compile("%(?![0-9A-Fa-f]{2})");

    private static final String COMPRESSED_BODY =
            "Compressed request bodies are not accepted; send the body uncompressed without Content-Encoding.";

    /** A rejected body up to this size is read and discarded, so that the client reliably sees the 413. */
    private static final long MAX_DRAINED_BYTES = 64L * 1024 * 1024;

    private final RequestLimits limits;

    RequestGuard(RequestLimits limits) {
        this.limits = limits;
    }

    @Override
    public void handle(String target, Request baseRequest, HttpServletRequest request, HttpServletResponse response)
            throws IOException, ServletException {
        String encoding = request.getHeader("Content-Encoding");
        if (encoding != null && !encoding.isBlank() && !encoding.trim().equalsIgnoreCase("identity")) {
            reject(baseRequest, response, HttpStatus.UNSUPPORTED_MEDIA_TYPE_415, COMPRESSED_BODY);
            return;
        }
        long declared = baseRequest.getContentLengthLong();
        if (declared > limits.maxBodyBytes()) {
            drain(request, declared, response);
            reject(baseRequest, response, HttpStatus.PAYLOAD_TOO_LARGE_413, limits.bodyTooLarge());
            return;
        }
        baseRequest.getHttpInput().addInterceptor(new BodyCounter());
        escapeStrayPercents(baseRequest);
        try {
            super.handle(target, baseRequest, request, response);
        } catch (RuntimeException | ServletException | IOException failure) {
            // The body counter's 413 and 415 (Jetty answers them), or a client that went away: Jetty fails a write
            // pending when the connection closes with a plain IOException, so the closed connection is what tells.
            if (UnreadableRequest.isAnsweredByJetty(failure) || !baseRequest.getHttpChannel().getEndPoint().isOpen()) {
                throw failure;
            }
            // Below this point run WireMock and the SpecShortcut, which passes its socket failures as EofException;
            // the engine answers every failure of its own. WireMock decodes the request eagerly: form fields,
            // multipart parts, the body in its declared charset.
            java.util.Optional<String> unreadable = UnreadableRequest.reason(failure);
            if (unreadable.isEmpty() || response.isCommitted()) {
                LOG.log(System.Logger.Level.ERROR, () -> "Answering failed on " + request.getMethod() + " "
                        + request.getRequestURI() + ": " + UnreadableRequest.stack(failure));
                throw failure;
            }
            response.reset();
            reject(baseRequest, response, HttpStatus.BAD_REQUEST_400,
                    "The request cannot be read as its Content-Type and encoding say: " + unreadable.get());
        }
    }

    private static void escapeStrayPercents(Request baseRequest) {
        String query = baseRequest.getQueryString();
        if (query != null && STRAY_PERCENT.matcher(query).find()) {
            String escaped = STRAY_PERCENT.matcher(query).replaceAll("%25");
            baseRequest.setHttpURI(HttpURI.build(baseRequest.getHttpURI()).query(escaped));
        }
    }

    /** Reads a rejected body so that clients still writing it do not see a reset connection instead of the 413. */
    private static void drain(HttpServletRequest request, long declared, HttpServletResponse response)
            throws IOException {
        if (request.getHeader("Expect") != null) {
            return; // the client waits for "100 Continue" before sending the body: answer without asking for it
        }
        if (declared > MAX_DRAINED_BYTES) {
            response.setHeader("Connection", "close");
            return;
        }
        try (InputStream in = request.getInputStream()) {
            byte[] discard = new byte[16 * 1024];
            while (in.read(discard) >= 0) {
                // discarded on purpose
            }
        } catch (IOException clientGone) {
            response.setHeader("Connection", "close");
        }
    }

    private static void reject(Request baseRequest, HttpServletResponse response, int status, String detail)
            throws IOException {
        byte[] body = HttpProblem.json(status, detail);
        response.setStatus(status);
        response.setContentType(HttpProblem.CONTENT_TYPE);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
        baseRequest.setHandled(true);
    }

    /** Counts a body as Jetty hands it over; throwing here makes Jetty answer with the exception's status. */
    private final class BodyCounter implements HttpInput.Interceptor {
        private long seen;

        @Override
        public HttpInput.Content readFrom(HttpInput.Content content) {
            if (content == null || !content.hasContent()) {
                return content;
            }
            if (seen == 0 && looksGzipped(content)) {
                throw new BadMessageException(HttpStatus.UNSUPPORTED_MEDIA_TYPE_415, COMPRESSED_BODY);
            }
            seen += content.remaining();
            if (seen > limits.maxBodyBytes()) {
                throw new BadMessageException(HttpStatus.PAYLOAD_TOO_LARGE_413, limits.bodyTooLarge());
            }
            return content;
        }

        /** WireMock gunzips any body starting with gzip's magic number, with or without Content-Encoding. */
        private boolean looksGzipped(HttpInput.Content content) {
            java.nio.ByteBuffer bytes = content.getByteBuffer();
            return bytes.remaining() >= 2
                    && bytes.get(bytes.position()) == (byte) 0x1f
                    && bytes.get(bytes.position() + 1) == (byte) 0x8b;
        }
    }
}
