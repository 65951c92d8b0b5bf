package io.github.paynetsavecard.client;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import okhttp3.Headers;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;
import okio.Buffer;

/**
 * Logs each exchange at the chosen {@link PaynetLogging.Level}. Every line passes through the
 * client's {@link Redaction}: no key, full phone number, full session id or card description is
 * ever written.
 */
final class ExchangeLog implements Interceptor {

  private static final long MAX_LOGGED_BODY_BYTES = 64 * 1024;

  private final PaynetLogging.Level level;
  private final Consumer<String> sink;
  private final Redaction redaction;

  ExchangeLog(PaynetLogging logging, Redaction redaction) {
    this.level = logging.level();
    this.sink = logging.sink();
    this.redaction = redaction;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    log("--> " + request.method() + " " + redaction.url(request.url().toString()));
    if (level.compareTo(PaynetLogging.Level.HEADERS) >= 0) {
      logHeaders(request.headers());
      if (request.body() != null && request.body().contentType() != null) {
        log("Content-Type: " + request.body().contentType());
      }
    }
    if (level == PaynetLogging.Level.BODY && request.body() != null) {
      Buffer body = new Buffer();
      request.body().writeTo(body);
      log(body.readUtf8());
    }
    long started = System.nanoTime();
    Response response;
    try {
      response = chain.proceed(request);
    } catch (IOException failed) {
      log("<-- FAILED " + request.method() + " " + redaction.url(request.url().toString()) + ": " + failed);
      throw failed;
    }
    long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
    log("<-- " + response.code() + " " + request.method() + " " + redaction.url(request.url().toString()) + " ("
        + millis + " ms)");
    if (level.compareTo(PaynetLogging.Level.HEADERS) >= 0) {
      logHeaders(response.headers());
    }
    if (level == PaynetLogging.Level.BODY) {
      log(response.peekBody(MAX_LOGGED_BODY_BYTES).string());
    }
    return response;
  }

  private void logHeaders(Headers headers) {
    for (int i = 0; i < headers.size(); i++) {
      log(headers.name(i) + ": " + redaction.header(headers.name(i), headers.value(i)));
    }
  }

  private void log(String line) {
    sink.accept(redaction.text(line));
  }
}
