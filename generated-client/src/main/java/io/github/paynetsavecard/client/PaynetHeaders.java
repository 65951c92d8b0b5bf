package io.github.paynetsavecard.client;

import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * Adds the headers every Paynet request carries: {@code Authorization: Basic <key>}, the raw key
 * after {@code Basic } rather than the base64 of {@code user:password} (the spec's
 * {@code paynetKey} scheme), and {@code Accept: application/json; charset=UTF-8}, because Paynet
 * chooses between JSON and XML by {@code Accept}.
 */
final class PaynetHeaders implements Interceptor {

  static final String AUTHORIZATION = "Authorization";
  static final String ACCEPT = "Accept";
  static final String JSON_UTF8 = "application/json; charset=UTF-8";

  private final String authorization;

  PaynetHeaders(String apiKey) {
    this.authorization = "Basic " + apiKey;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    return chain.proceed(chain.request().newBuilder()
        .header(AUTHORIZATION, authorization)
        .header(ACCEPT, JSON_UTF8)
        .build());
  }

  @Override
  public String toString() {
    return "PaynetHeaders[Authorization: Basic " + Redaction.MARKER + ", Accept: " + JSON_UTF8 + "]";
  }
}
