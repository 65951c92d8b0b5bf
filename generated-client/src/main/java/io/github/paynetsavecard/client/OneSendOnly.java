package io.github.paynetsavecard.client;

import java.io.IOException;
import java.net.ProtocolException;
import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * The last network interceptor: OkHttp runs it once a connection (and its TLS handshake) is up,
 * just before the request's bytes are written. It records that the request is going out, and
 * refuses to write it a second time, whoever asks (an interceptor that calls {@code proceed()}
 * again, say): Paynet must never see one request twice.
 *
 * <p>It also drops {@code Retry-After} from a 503: OkHttp answers {@code Retry-After: 0} by sending
 * the request again even with connection retries off. Without the header the 503 reaches the
 * client as Paynet's answer.
 *
 * <p>An answer that breaks OkHttp's reader with an unchecked exception becomes an {@code IOException} here, so
 * that it reaches the caller as {@code OutcomeUnknown} like any other unreadable answer.
 */
final class OneSendOnly implements Interceptor {

  private static final int SERVICE_UNAVAILABLE = 503;

  @Override
  public Response intercept(Chain chain) throws IOException {
    SendRecord record = chain.request().tag(SendRecord.class);
    if (record != null && !record.markSent()) {
      throw new IOException("the client refused to send the request a second time: the first one may have"
          + " reached Paynet (something asked OkHttp to repeat it; the client never repeats a request that went out)");
    }
    Response response;
    try {
      response = chain.proceed(chain.request());
    } catch (IllegalStateException brokenReader) {
      // OkHttp's HTTP/1.1 reader throws this on some malformed answers (several 100 Continue heads before the
      // real one, found by fuzzing): the request went out, the answer is unreadable, so the outcome is unknown.
      throw new ProtocolException("the answer could not be read as HTTP/1.1 (" + brokenReader.getMessage() + ")");
    }
    if (response.code() == SERVICE_UNAVAILABLE && response.header("Retry-After") != null) {
      return response.newBuilder().removeHeader("Retry-After").build();
    }
    return response;
  }
}
