package io.github.paynetsavecard.client;

import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * The outermost interceptor. It gives the call a {@link SendRecord}; when the call fails before
 * {@link OneSendOnly} saw the request go out, the failure is marked as {@link NothingSentException}
 * and, if the user asked for it, the call is tried again, at most {@code retries} more times. A
 * failure after the request went out is never retried: the outcome is unknown.
 */
final class UnsentRetry implements Interceptor {

  private final int retries;

  UnsentRetry(int retries) {
    this.retries = retries;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    SendRecord record = new SendRecord();
    Request tagged = chain.request().newBuilder().tag(SendRecord.class, record).build();
    for (int attempt = 0; ; attempt++) {
      try {
        return chain.proceed(tagged);
      } catch (IOException failed) {
        if (record.sent() || failed instanceof UnreadableAnswerException) {
          throw failed;
        }
        if (attempt >= retries || chain.call().isCanceled()) {
          throw new NothingSentException(failed);
        }
      }
    }
  }

  @Override
  public String toString() {
    return retries == 0 ? "no retries" : retries + " retries when nothing was sent";
  }
}
