package io.github.paynetsavecard.client;

import io.github.paynetsavecard.client.generated.api.ChargeApi;
import io.github.paynetsavecard.client.generated.api.SaveCardApi;
import io.github.paynetsavecard.client.generated.api.SessionApi;
import io.github.paynetsavecard.client.generated.model.AuthRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import okhttp3.Authenticator;
import okhttp3.ConnectionSpec;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import okhttp3.TlsVersion;
import retrofit2.Retrofit;
import retrofit2.converter.moshi.MoshiConverterFactory;

/**
 * The client of Paynet's save_card service, built on the Retrofit interfaces generated from the
 * spec. Thread-safe; build one and share it.
 *
 * <pre>{@code
 * PaynetClient client = PaynetClient.builder()
 *     .environment(PaynetEnvironment.TEST)
 *     .apiKey(System.getenv("PAYNET_KEY"))
 *     .build();
 * SaveCardOutcome outcome = client.saveCard(
 *     SaveCardRequest.builder().sessionId(sessionId).cardDescription("onur ozdemir").build());
 * if (outcome instanceof SaveCardOutcome.Rejected rejected) {
 *   log.warn("Paynet said {}: {}", rejected.code(), rejected.message());
 * }
 * }</pre>
 *
 * <p>Every call either returns Paynet's answer as a value (including Paynet's rejections) or throws
 * {@link PaynetTransportException} when no readable answer arrived:
 * {@link PaynetTransportException.NotSent} when nothing was sent,
 * {@link PaynetTransportException.OutcomeUnknown} when the request went out and the answer is
 * missing or unreadable.
 *
 * <p><b>Never twice.</b> The client never sends a request a second time once any of it may have
 * reached the server: OkHttp's connection retries and redirects are off (also on a client handed
 * over with {@link Builder#okHttpClient}), and a second write of the same call is refused. Only a
 * call that failed before its request went out is retried, and only when asked
 * ({@link Builder#retryIfNothingWasSent}).
 *
 * <p>Every request carries {@code Authorization: Basic <key>} and
 * {@code Accept: application/json; charset=UTF-8}. https connections negotiate TLS 1.3 or 1.2
 * only. Logs, messages and {@code toString()} follow {@link Redaction}.
 */
public final class PaynetClient implements AutoCloseable {

  /** Long enough for a slow TLS handshake, short enough to notice a dead host. */
  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
  /** Paynet answers in well under a second; this leaves room for a slow day. */
  public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(30);
  /** The whole call, including any retries when nothing was sent. */
  public static final Duration DEFAULT_CALL_TIMEOUT = Duration.ofSeconds(60);

  /** The most retries {@link Builder#retryIfNothingWasSent} accepts. */
  public static final int MAX_RETRIES_WHEN_NOTHING_WAS_SENT = 5;

  private final PaynetEnvironment environment;
  private final PaynetLogging logging;
  private final int retriesWhenNothingWasSent;
  private final boolean ownsHttpResources;
  private final OkHttpClient http;
  private final SaveCardApi saveCardApi;
  private final SessionApi sessionApi;
  private final ChargeApi chargeApi;
  private final Answers answers;
  private final Transport transport;

  private PaynetClient(Builder builder) {
    this.environment = builder.environment;
    this.logging = builder.logging;
    this.retriesWhenNothingWasSent = builder.retriesWhenNothingWasSent;
    this.ownsHttpResources = builder.okHttpClient == null;
    Redaction redaction = Redaction.builder().secretHeader(PaynetHeaders.AUTHORIZATION).secretValue(builder.apiKey)
        .build();
    this.answers = new Answers(redaction);
    this.transport = new Transport(redaction);
    this.http = httpClient(builder, redaction);
    Retrofit retrofit = new Retrofit.Builder()
        .baseUrl(environment.httpUrl())
        .client(http)
        .addConverterFactory(MoshiConverterFactory.create(PaynetJson.MOSHI))
        .build();
    this.saveCardApi = retrofit.create(SaveCardApi.class);
    this.sessionApi = retrofit.create(SessionApi.class);
    this.chargeApi = retrofit.create(ChargeApi.class);
  }

  private static OkHttpClient httpClient(Builder builder, Redaction redaction) {
    // Paynet speaks TLS 1.1 and 1.2; the client insists on 1.2 or newer. Cleartext stays allowed
    // for http base URLs such as a local mock.
    ConnectionSpec tls12OrNewer = new ConnectionSpec.Builder(ConnectionSpec.MODERN_TLS)
        .tlsVersions(TlsVersion.TLS_1_3, TlsVersion.TLS_1_2)
        .build();
    OkHttpClient.Builder http = builder.okHttpClient == null ? new OkHttpClient.Builder()
        : builder.okHttpClient.newBuilder();
    // Whatever the given client says: a request that may have reached Paynet is never sent again.
    // OkHttp would resend after a dropped pooled connection, follow redirects (resending the
    // body) and answer 401 challenges by resending.
    http.retryOnConnectionFailure(false)
        .followRedirects(false)
        .followSslRedirects(false)
        .authenticator(Authenticator.NONE)
        .connectionSpecs(List.of(tls12OrNewer, ConnectionSpec.CLEARTEXT))
        .connectTimeout(builder.connectTimeout)
        .readTimeout(builder.readTimeout)
        .writeTimeout(builder.readTimeout)
        .callTimeout(builder.callTimeout);
    // Outermost, ahead of the given client's own interceptors, so that every one of them sees the
    // headers and no failure escapes the classification.
    http.interceptors().add(0, new UnsentRetry(builder.retriesWhenNothingWasSent));
    http.interceptors().add(1, new PaynetHeaders(builder.apiKey));
    builder.interceptors.forEach(http::addInterceptor);
    http.addInterceptor(new AnswerCheck(redaction));
    // Innermost, so that it logs what really went over the wire, including unreadable answers.
    if (builder.logging != null) {
      http.addInterceptor(new ExchangeLog(builder.logging, redaction));
    }
    // Last of the network interceptors: it sees the request just before its bytes are written.
    http.addNetworkInterceptor(new OneSendOnly());
    return http.build();
  }

  /** @return a builder; {@code environment} and {@code apiKey} are required */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Sends save_card and waits for the answer.
   *
   * @param request a checked request
   * @return {@link SaveCardOutcome.Acknowledged}, {@link SaveCardOutcome.AwaitingCardholder} or
   *     {@link SaveCardOutcome.Rejected}; none of them means the card is stored yet
   * @throws PaynetTransportException.NotSent when nothing was sent (safe to send again)
   * @throws PaynetTransportException.OutcomeUnknown when the request went out and no readable
   *     answer came back (do not resend blindly; charge tells whether the card was stored)
   */
  public SaveCardOutcome saveCard(SaveCardRequest request) {
    Objects.requireNonNull(request, "request == null");
    return transport.execute(saveCardApi.saveCard(wire(request)), Transport.Operation.SAVE_CARD,
        response -> answers.saveCard(response, request));
  }

  /**
   * Sends save_card without blocking. The future fails with {@link PaynetTransportException} where
   * {@link #saveCard} would throw it; cancelling the future cancels the HTTP call.
   *
   * @param request a checked request
   * @return the outcome, once Paynet has answered
   */
  public CompletableFuture<SaveCardOutcome> saveCardAsync(SaveCardRequest request) {
    Objects.requireNonNull(request, "request == null");
    return transport.enqueue(saveCardApi.saveCard(wire(request)), Transport.Operation.SAVE_CARD,
        response -> answers.saveCard(response, request));
  }

  /**
   * Starts a Paynet.js payment session (the spec's {@code createSession}, POST /v1/paynetj/auth),
   * the source of save_card's {@code session_id}.
   *
   * @param request a checked request
   * @return the session, or Paynet's refusal as a session without an id
   * @throws PaynetTransportException when no readable answer arrived ({@code NotSent} or
   *     {@code OutcomeUnknown})
   */
  public PaynetSession createSession(CreateSessionRequest request) {
    Objects.requireNonNull(request, "request == null");
    return transport.execute(sessionApi.createSession(wire(request)), Transport.Operation.CREATE_SESSION,
        answers::session);
  }

  /**
   * {@link #createSession} without blocking.
   *
   * @param request a checked request
   * @return the session, once Paynet has answered
   */
  public CompletableFuture<PaynetSession> createSessionAsync(CreateSessionRequest request) {
    Objects.requireNonNull(request, "request == null");
    return transport.enqueue(sessionApi.createSession(wire(request)), Transport.Operation.CREATE_SESSION,
        answers::session);
  }

  /**
   * Takes the payment of a session (the spec's {@code charge}, POST /v1/transaction/charge) and
   * reads the report of its card save: the last step after {@link #saveCard}. Server side only,
   * with the secret key.
   *
   * @param request a checked request
   * @return Paynet's answer: paid (code 0, or 100 for a repeated charge) with the card-save fields,
   *     or a refusal from either error channel
   * @throws PaynetTransportException.NotSent when nothing was sent (safe to send again)
   * @throws PaynetTransportException.OutcomeUnknown when the request went out and no readable
   *     answer came back (a repeated charge of the same session answers with the earlier one)
   */
  public ChargeResult charge(ChargeRequest request) {
    Objects.requireNonNull(request, "request == null");
    return transport.execute(chargeApi.charge(wire(request)), Transport.Operation.CHARGE, answers::charge);
  }

  /**
   * {@link #charge} without blocking.
   *
   * @param request a checked request
   * @return the result, once Paynet has answered
   */
  public CompletableFuture<ChargeResult> chargeAsync(ChargeRequest request) {
    Objects.requireNonNull(request, "request == null");
    return transport.enqueue(chargeApi.charge(wire(request)), Transport.Operation.CHARGE, answers::charge);
  }

  private static io.github.paynetsavecard.client.generated.model.ChargeRequest wire(ChargeRequest request) {
    return new io.github.paynetsavecard.client.generated.model.ChargeRequest()
        .sessionId(request.sessionId())
        .tokenId(request.tokenId())
        .referenceNo(request.referenceNo().orElse(null))
        .transactionType(request.transactionType().isPresent() ? request.transactionType().getAsInt() : null);
  }

  private static io.github.paynetsavecard.client.generated.model.SaveCardRequest wire(SaveCardRequest request) {
    return new io.github.paynetsavecard.client.generated.model.SaveCardRequest()
        .sessionId(request.sessionId())
        .cardDesc(request.cardDescription().orElse(null))
        .userGsm(request.userGsm().orElse(null));
  }

  private static AuthRequest wire(CreateSessionRequest request) {
    return new AuthRequest()
        .amount(Math.toIntExact(request.amount()))
        .referenceNo(request.referenceNo().orElse(null))
        .agentId(request.agentId().orElse(null))
        .addCommission(request.addCommission().orElse(null))
        .posType(request.posType().map(CreateSessionRequest.PosType::wireValue).orElse(null))
        .ratioCode(request.ratioCode().orElse(null))
        .saveCard(request.saveCard().orElse(null))
        .cardDesc(request.cardDescription().orElse(null))
        .userUniqueId(request.userUniqueId().orElse(null))
        .cardOwnerId(request.cardOwnerId().orElse(null))
        .userGsmNo(request.userGsmNo().orElse(null));
  }

  /** @return where requests go */
  public PaynetEnvironment environment() {
    return environment;
  }

  OkHttpClient http() {
    return http;
  }

  /**
   * Stops the idle connections and threads this client holds; calls already running finish. With a
   * client handed over through {@link Builder#okHttpClient}, the threads and connections are that
   * client's and stay open: close them where that client is closed.
   */
  @Override
  public void close() {
    if (ownsHttpResources) {
      http.dispatcher().executorService().shutdown();
      http.connectionPool().evictAll();
    }
  }

  @Override
  public String toString() {
    return "PaynetClient[environment=" + environment + " " + environment.baseUrl()
        + ", apiKey=" + Redaction.MARKER
        + ", connectTimeout=" + Duration.ofMillis(http.connectTimeoutMillis())
        + ", readTimeout=" + Duration.ofMillis(http.readTimeoutMillis())
        + ", callTimeout=" + Duration.ofMillis(http.callTimeoutMillis())
        + ", retryIfNothingWasSent=" + retriesWhenNothingWasSent
        + ", okHttpClient=" + (ownsHttpResources ? "own" : "given")
        + ", logging=" + (logging == null ? "off" : logging) + "]";
  }

  /**
   * Collects the settings of a {@link PaynetClient}; {@link #build()} checks them.
   *
   * <pre>{@code
   * PaynetClient.builder()
   *     .environment(PaynetEnvironment.of("http://127.0.0.1:4010"))
   *     .apiKey("sck_test_key")
   *     .readTimeout(Duration.ofSeconds(5))
   *     .logging(PaynetLogging.to(PaynetLogging.Level.BODY, System.out::println))
   *     .build();
   * }</pre>
   */
  public static final class Builder {

    private PaynetEnvironment environment;
    private String apiKey;
    private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
    private Duration readTimeout = DEFAULT_READ_TIMEOUT;
    private Duration callTimeout = DEFAULT_CALL_TIMEOUT;
    private PaynetLogging logging;
    private int retriesWhenNothingWasSent;
    private OkHttpClient okHttpClient;
    private final List<Interceptor> interceptors = new ArrayList<>();

    private Builder() {
    }

    /**
     * @param environment {@link PaynetEnvironment#LIVE}, {@link PaynetEnvironment#TEST} or
     *     {@link PaynetEnvironment#of(String)}; required
     * @return this builder
     */
    public Builder environment(PaynetEnvironment environment) {
      this.environment = Objects.requireNonNull(environment, "environment == null");
      return this;
    }

    /**
     * @param apiKey Paynet's key, raw: the client sends {@code Authorization: Basic <key>} itself.
     *     Required.
     * @return this builder
     */
    public Builder apiKey(String apiKey) {
      this.apiKey = Objects.requireNonNull(apiKey, "apiKey == null");
      return this;
    }

    /**
     * @param timeout how long to wait for a connection; default {@link #DEFAULT_CONNECT_TIMEOUT}
     * @return this builder
     */
    public Builder connectTimeout(Duration timeout) {
      this.connectTimeout = Objects.requireNonNull(timeout, "connectTimeout == null");
      return this;
    }

    /**
     * @param timeout how long to wait for each read (and write); default {@link #DEFAULT_READ_TIMEOUT}
     * @return this builder
     */
    public Builder readTimeout(Duration timeout) {
      this.readTimeout = Objects.requireNonNull(timeout, "readTimeout == null");
      return this;
    }

    /**
     * @param timeout how long a whole call may take; default {@link #DEFAULT_CALL_TIMEOUT}
     * @return this builder
     */
    public Builder callTimeout(Duration timeout) {
      this.callTimeout = Objects.requireNonNull(timeout, "callTimeout == null");
      return this;
    }

    /**
     * @param logging what to log and where; logging is off unless this is called
     * @return this builder
     */
    public Builder logging(PaynetLogging logging) {
      this.logging = Objects.requireNonNull(logging, "logging == null");
      return this;
    }

    /**
     * Adds an OkHttp interceptor, for example one that sets Prism's {@code Prefer} header in a
     * test. It runs after the {@code Authorization} header is set, in the order added.
     *
     * @param interceptor the interceptor
     * @return this builder
     */
    public Builder addInterceptor(Interceptor interceptor) {
      interceptors.add(Objects.requireNonNull(interceptor, "interceptor == null"));
      return this;
    }

    /**
     * Retries a call that failed before its request went out: the host name could not be
     * resolved, the connection was refused or timed out, or the TLS handshake failed. Nothing of
     * the request reached a server then, so trying again cannot make Paynet see it twice. A call
     * whose request went out is never retried, whatever this says. Retries follow at once, on a
     * fresh connection; the {@link #callTimeout} bounds them all. Off (0) by default.
     *
     * <pre>{@code
     * PaynetClient.builder()...retryIfNothingWasSent(2)   // up to 3 attempts to connect
     * }</pre>
     *
     * @param retries how many more attempts, 0 to {@value PaynetClient#MAX_RETRIES_WHEN_NOTHING_WAS_SENT}
     * @return this builder
     */
    public Builder retryIfNothingWasSent(int retries) {
      this.retriesWhenNothingWasSent = retries;
      return this;
    }

    /**
     * Builds on your own OkHttp client (as Retrofit's {@code client()} does), to share its
     * connection pool, dispatcher, proxy, event listener, certificate pinning or trust settings.
     * The client works on {@code client.newBuilder()}, so the given client is not changed, and
     * puts its own rules over it: connection retries, redirects and authenticator off (the
     * never-twice rule holds even if the given client turns them on), TLS 1.2 or newer, and the
     * timeouts of this builder (its defaults when none are set). The given client's interceptors
     * run after the client's {@code Authorization} and {@code Accept} headers are set. Closing
     * the {@link PaynetClient} leaves the given client's threads and connections alone.
     *
     * <pre>{@code
     * OkHttpClient shared = new OkHttpClient.Builder().proxy(corporateProxy).build();
     * PaynetClient.builder()...okHttpClient(shared).build();
     * }</pre>
     *
     * @param client the client to build on
     * @return this builder
     */
    public Builder okHttpClient(OkHttpClient client) {
      this.okHttpClient = Objects.requireNonNull(client,
          "okHttpClient == null; leave okHttpClient(...) out to let the client make its own");
      return this;
    }

    /**
     * @return the client
     * @throws IllegalStateException when the environment or the key is missing, the key is not a
     *     raw key, a timeout is not positive, or the retry count is out of range; the message says
     *     how to fix it
     */
    public PaynetClient build() {
      if (environment == null) {
        throw new IllegalStateException("environment is required: call environment(PaynetEnvironment.TEST),"
            + " environment(PaynetEnvironment.LIVE) or environment(PaynetEnvironment.of(\"http://127.0.0.1:4010\"))");
      }
      checkApiKey();
      requirePositive("connectTimeout", connectTimeout);
      requirePositive("readTimeout", readTimeout);
      requirePositive("callTimeout", callTimeout);
      if (retriesWhenNothingWasSent < 0 || retriesWhenNothingWasSent > MAX_RETRIES_WHEN_NOTHING_WAS_SENT) {
        throw new IllegalStateException("retryIfNothingWasSent takes 0 (no retries, the default) to "
            + MAX_RETRIES_WHEN_NOTHING_WAS_SENT + " retries; got " + retriesWhenNothingWasSent);
      }
      return new PaynetClient(this);
    }

    // The messages never repeat the key: they end up in logs.
    private void checkApiKey() {
      if (apiKey == null || apiKey.isBlank()) {
        throw new IllegalStateException("apiKey is required: call apiKey(...) with the raw key Paynet gave you;"
            + " the client sends it as 'Authorization: Basic <key>'");
      }
      if (apiKey.regionMatches(true, 0, "Basic ", 0, "Basic ".length())) {
        throw new IllegalStateException("apiKey must be the raw key without 'Basic ': the client adds that prefix");
      }
      if (apiKey.chars().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c) || c > 126)) {
        throw new IllegalStateException("apiKey must not contain spaces, line breaks or non-ASCII characters:"
            + " check that the whole key, and nothing else, was copied");
      }
    }

    private static void requirePositive(String name, Duration timeout) {
      if (timeout.isNegative() || timeout.isZero()) {
        throw new IllegalStateException(name + " must be positive (zero would mean wait forever); got " + timeout);
      }
    }
  }
}
