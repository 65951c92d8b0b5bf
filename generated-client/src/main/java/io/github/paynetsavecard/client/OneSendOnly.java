package io.github.paynetsavecard.client;

import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * The last network interceptor: OkHttp runs it once a connection (and its TLS handshake) is up,
 * just before the request's bytes are written. It records that the request is going out, and
 * refuses to write it a second time, whoever asks: OkHttp itself (a 503 with
 * {@code Retry-After: 0} is followed up even without connection retries) or an interceptor that
 * calls {@code proceed()} again. Paynet must never see one save_card twice.
 */
final class OneSendOnly implements Interceptor {

  @Override
  public Response intercept(Chain chain) throws IOException {
    SendRecord record = chain.request().tag(SendRecord.class);
    if (record != null && !record.markSent()) {
      throw new IOException("the client refused to send the request a second time: the first one may have"
          + " reached Paynet (something asked OkHttp to repeat it; the client never repeats a request that went out)");
    }
    return chain.proceed(chain.request());
  }
}
