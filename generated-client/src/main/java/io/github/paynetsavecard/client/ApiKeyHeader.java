package io.github.paynetsavecard.client;

import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * Adds Paynet's {@code Authorization: Basic <key>}: the raw key after {@code Basic }, not the
 * base64 of {@code user:password} (the spec's {@code paynetKey} scheme).
 */
final class ApiKeyHeader implements Interceptor {

  static final String NAME = "Authorization";

  private final String value;

  ApiKeyHeader(String apiKey) {
    this.value = "Basic " + apiKey;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    return chain.proceed(chain.request().newBuilder().header(NAME, value).build());
  }

  @Override
  public String toString() {
    return "ApiKeyHeader[" + Redaction.REDACTED + "]";
  }
}
