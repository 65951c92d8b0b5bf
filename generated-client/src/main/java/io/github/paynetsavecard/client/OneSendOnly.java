package io.github.paynetsavecard.client;

import java.io.IOException;
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
    Response response = chain.proceed(chain.request());
    if (response.code() == SERVICE_UNAVAILABLE && response.header("Retry-After") != null) {
      return response.newBuilder().removeHeader("Retry-After").build();
    }
    return response;
  }
}
