package io.github.paynetsavecard.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import javax.net.SocketFactory;
import okhttp3.ConnectionPool;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Fuzzes the client's answer decoding: status, headers and body bytes come from the input and reach the whole
 * client (OkHttp's HTTP/1.1 reader, {@code AnswerCheck}, Retrofit and Moshi, {@code Answers}, {@code Transport}) as
 * if Paynet had sent them. No socket is used: the client's socket factory hands out a socket whose input is the
 * fabricated answer and whose output is discarded.
 *
 * <p>A finding: anything but an outcome or {@link PaynetTransportException} (the documented {@code NotSent} and
 * {@code OutcomeUnknown}) out of a call, or an input slower than the timeout.
 *
 * <p>Input format (readable committed inputs): a first line naming the call ({@code save_card},
 * {@code save_card_described}, {@code auth} or {@code charge}), then the answer as it goes over the wire: status line,
 * header lines, an empty line, the body. Line ends may be {@code \n}; the client gets {@code \r\n}. A
 * {@code Content-Length} is added when the answer has none, unless the first line ends with {@code  raw}.
 */
class AnswerDecodingFuzzTest {
    private static final ThreadLocal<byte[]> ANSWER = new ThreadLocal<>();
    private static final PaynetClient CLIENT = PaynetClient.builder()
            .environment(PaynetEnvironment.of("http://127.0.0.1:4010"))
            .apiKey("sck_fuzz")
            .logging(PaynetLogging.to(PaynetLogging.Level.BODY, line -> { }))
            .okHttpClient(new OkHttpClient.Builder()
                    .socketFactory(new FabricatedAnswers())
                    // Each call gets a fresh connection, so one input's bytes never answer the next call.
                    .connectionPool(new ConnectionPool(0, 1, TimeUnit.MILLISECONDS))
                    .build())
            .build();

    @FuzzTest
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    // libFuzzer's dictionary syntax: \xNN for a byte, \\ for a backslash.
    @DictionaryEntries({"save_card\\x0A", "save_card_described\\x0A", "auth\\x0A", "charge\\x0A", " raw\\x0A", "HTTP/1.1 200 OK\\x0A",
            "HTTP/1.1 400 Bad Request\\x0A", "HTTP/1.1 502 Bad Gateway\\x0A", "HTTP/1.1 302 Found\\x0ALocation: /x\\x0A",
            "Content-Type: application/json\\x0A", "Content-Length: ", "Transfer-Encoding: chunked\\x0A",
            "Content-Encoding: gzip\\x0A", "\\x0A\\x0A", "{\"code\":0,\"message\":\"m\",\"session_id\":\"js_1\"}",
            "{\"type\":\"invalid_request_error\",\"message\":\"m\",\"code\":400,\"result_code\":13}", "\"code\":\"0\"",
            "\"result_code\":", "\"is_save_card_succeed\":true", "\"card_owner_id\":\"co_1\"", "\"id\":\"1\"",
            "\"expire_date\":\"2026-12-01T12:30:00\"", "1e999", "-2147483649", "null", "<html>", "\\\\ud800"})
    void decodesEveryAnswerToAnOutcomeOrATransportException(byte[] input) {
        int firstLineEnd = indexOf(input, (byte) '\n');
        String call = new String(input, 0, firstLineEnd < 0 ? input.length : firstLineEnd, StandardCharsets.ISO_8859_1);
        byte[] answer = firstLineEnd < 0 ? new byte[0] : Arrays.copyOfRange(input, firstLineEnd + 1, input.length);
        ANSWER.set(wire(answer, !call.endsWith(" raw")));
        try {
            // An outcome, never null (a JSON `null` body included), or PaynetTransportException: nothing else may escape.
            assertThat(call(call.replace(" raw", ""))).isNotNull();
        } catch (PaynetTransportException expected) {
            assertThat(expected.getMessage()).isNotBlank().doesNotContain("sck_fuzz");
        } finally {
            ANSWER.remove();
        }
    }

    /** The harness itself: a fabricated answer reaches the decoding as if Paynet had sent it. */
    @Test
    void aFabricatedAnswerIsDecodedLikeOneFromPaynet() {
        ANSWER.set(wire(("HTTP/1.1 200 OK\nContent-Type: application/json\n\n"
                + "{\"session_id\":\"js_1\",\"code\":0,\"message\":\"ok\"}").getBytes(StandardCharsets.UTF_8), true));
        try {
            assertThat(call("save_card")).isEqualTo(new SaveCardOutcome.AwaitingCardholder("js_1", "ok"));
        } finally {
            ANSWER.remove();
        }
    }

    private static Object call(String call) {
        return switch (call) {
            case "auth" -> CLIENT.createSession(CreateSessionRequest.builder().amount(1000).build());
            case "charge" -> CLIENT.charge(ChargeRequest.builder().sessionId("js_1").tokenId("tok_1")
                    .transactionType(1).build());
            case "save_card_described" -> CLIENT.saveCard(SaveCardRequest.builder().sessionId("js_1")
                    .cardDescription("kartim").build());
            default -> CLIENT.saveCard(SaveCardRequest.builder().sessionId("js_1").build());
        };
    }

    /** The answer with CRLF line ends in its head and, unless {@code raw} is off, a Content-Length. */
    static byte[] wire(byte[] answer, boolean addLength) {
        int headEnd = indexOf(answer, "\n\n".getBytes(StandardCharsets.ISO_8859_1));
        byte[] head = Arrays.copyOfRange(answer, 0, headEnd < 0 ? answer.length : headEnd);
        byte[] body = headEnd < 0 ? new byte[0] : Arrays.copyOfRange(answer, headEnd + 2, answer.length);
        String headText = new String(head, StandardCharsets.ISO_8859_1);
        if (addLength && !headText.toLowerCase(java.util.Locale.ROOT).contains("content-length:")) {
            headText = headText + "\nContent-Length: " + body.length;
        }
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        wire.writeBytes(headText.replace("\r", "").replace("\n", "\r\n").getBytes(StandardCharsets.ISO_8859_1));
        wire.writeBytes("\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
        wire.writeBytes(body);
        return wire.toByteArray();
    }

    private static int indexOf(byte[] bytes, byte value) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == value) {
                return i;
            }
        }
        return -1;
    }

    private static int indexOf(byte[] bytes, byte[] token) {
        outer:
        for (int i = 0; i <= bytes.length - token.length; i++) {
            for (int j = 0; j < token.length; j++) {
                if (bytes[i + j] != token[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** Sockets that read the current input's answer and swallow the request: nothing leaves the process. */
    private static final class FabricatedAnswers extends SocketFactory {
        @Override
        public Socket createSocket() {
            return new FabricatedSocket(ANSWER.get());
        }

        @Override
        public Socket createSocket(String host, int port) {
            return createSocket();
        }

        @Override
        public Socket createSocket(String host, int port, InetAddress localHost, int localPort) {
            return createSocket();
        }

        @Override
        public Socket createSocket(InetAddress host, int port) {
            return createSocket();
        }

        @Override
        public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort) {
            return createSocket();
        }
    }

    private static final class FabricatedSocket extends Socket {
        private final InputStream input;
        private final OutputStream output = OutputStream.nullOutputStream();
        private boolean connected;
        private boolean closed;

        FabricatedSocket(byte[] answer) {
            this.input = new ByteArrayInputStream(answer == null ? new byte[0] : answer);
        }

        @Override
        public void connect(SocketAddress endpoint) {
            connected = true;
        }

        @Override
        public void connect(SocketAddress endpoint, int timeout) {
            connected = true;
        }

        @Override
        public InputStream getInputStream() {
            return input;
        }

        @Override
        public OutputStream getOutputStream() {
            return output;
        }

        @Override
        public boolean isConnected() {
            return connected;
        }

        @Override
        public boolean isClosed() {
            return closed;
        }

        @Override
        public synchronized void close() {
            closed = true;
        }

        @Override
        public void shutdownInput() {
        }

        @Override
        public void shutdownOutput() {
        }

        @Override
        public void setSoTimeout(int timeout) {
        }

        @Override
        public void setTcpNoDelay(boolean on) {
        }
    }
}
