package io.github.paynetsavecard.mock;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.github.paynetsavecard.mock.SpecCalls.SAVE_CARD;
import static io.github.paynetsavecard.mock.SpecCalls.TEST_KEY;
import static io.github.paynetsavecard.mock.SpecCalls.json;
import static io.github.paynetsavecard.mock.SpecCalls.saveCard;
import static io.github.paynetsavecard.mock.SpecCalls.saveCardRequestExample;
import static io.github.paynetsavecard.mock.SpecCalls.saveCardResponseExample;
import static io.github.paynetsavecard.mock.SpecCalls.send;
import static io.github.paynetsavecard.mock.SpecCalls.validSaveCard;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.http.Fault;
import io.github.paynetsavecard.mock.engine.RuleOutcome;
import io.github.paynetsavecard.spec.InvalidSpecException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The server and its WireMock glue; in Prism mode, whose answers do not depend on sessions (see paynet/ for those). */
class PaynetMockServerTest {
    private static PaynetMockServer mock;

    @BeforeAll
    static void start() {
        mock = PaynetMockServer.builder().mode(PaynetMockServer.Mode.PRISM).recordedRequestLimit(3).build().start();
    }

    @AfterAll
    static void stop() {
        mock.close();
    }

    @BeforeEach
    void reset() {
        mock.reset();
    }

    @Test
    void answersAValidRequestWithTheSpecsFirstExample() {
        HttpResponse<String> response = validSaveCard(mock.baseUrl());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        assertThat(json(response.body())).isEqualTo(saveCardResponseExample("saved"));
    }

    @Test
    void sendsNoWireMockHeaders() {
        HttpResponse<String> response = validSaveCard(mock.baseUrl());

        assertThat(response.headers().map().keySet()).noneMatch(name -> name.toLowerCase().startsWith("matched-stub"));
    }

    @Test
    void baseUrlNamesTheLoopbackHostAndTheRealPortWithoutTrailingSlash() {
        assertThat(mock.port()).isPositive();
        assertThat(mock.baseUrl()).isEqualTo("http://127.0.0.1:" + mock.port());
    }

    @Test
    void recordsReceivedRequestsInOrderWithMethodPathHeadersAndBody() {
        validSaveCard(mock.baseUrl());
        send(HttpRequest.newBuilder(URI.create(mock.baseUrl() + "/unknown?a=1&a=2&b")).GET());

        List<ReceivedRequest> received = mock.receivedRequests();

        assertThat(received).extracting(ReceivedRequest::method, ReceivedRequest::path)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("POST", SAVE_CARD),
                        org.assertj.core.groups.Tuple.tuple("GET", "/unknown"));
        assertThat(received.get(0).header("authorization")).contains(TEST_KEY);
        assertThat(json(received.get(0).bodyAsString())).isEqualTo(json(saveCardRequestExample("withDescription")));
        assertThat(received.get(1).query()).containsEntry("a", List.of("1", "2")).containsEntry("b", List.of(""));
        assertThat(received.get(1).body()).isEmpty();
    }

    @Test
    void keepsOnlyTheNewestRequestsUpToTheRecordLimit() {
        for (int i = 1; i <= 5; i++) {
            send(HttpRequest.newBuilder(URI.create(mock.baseUrl() + "/request-" + i)).GET());
        }

        assertThat(mock.receivedRequests()).extracting(ReceivedRequest::path)
                .containsExactly("/request-3", "/request-4", "/request-5");
    }

    @Test
    void wireMocksUnboundedRequestJournalIsOff() {
        validSaveCard(mock.baseUrl());

        assertThat(mock.wireMock().getOptions().requestJournalDisabled()).isTrue();
        assertThatThrownBy(() -> mock.wireMock().getAllServeEvents())
                .isInstanceOf(com.github.tomakehurst.wiremock.verification.RequestJournalDisabledException.class);
    }

    @Test
    void receivedRequestsAreAnImmutableSnapshot() {
        validSaveCard(mock.baseUrl());
        List<ReceivedRequest> snapshot = mock.receivedRequests();

        mock.resetReceivedRequests();

        assertThat(snapshot).hasSize(1);
        assertThat(mock.receivedRequests()).isEmpty();
        assertThatThrownBy(() -> snapshot.add(snapshot.get(0))).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void printedRequestsHideTheAuthorizationValue() {
        validSaveCard(mock.baseUrl());

        String printed = mock.receivedRequests().get(0).toString();

        assertThat(printed).contains("POST " + SAVE_CARD).doesNotContain("sck_mock_test_key");
    }

    @Test
    void userStubsTakePriorityOverTheSpecUntilReset() {
        mock.wireMock().stubFor(post(urlPathEqualTo(SAVE_CARD)).willReturn(aResponse()
                .withStatus(502).withHeader("Content-Type", "text/html").withBody("<h1>Bad gateway</h1>")));

        HttpResponse<String> stubbed = validSaveCard(mock.baseUrl());
        mock.resetStubs();
        HttpResponse<String> fromSpec = validSaveCard(mock.baseUrl());

        assertThat(stubbed.statusCode()).isEqualTo(502);
        assertThat(stubbed.body()).isEqualTo("<h1>Bad gateway</h1>");
        assertThat(fromSpec.statusCode()).isEqualTo(200);
        assertThat(mock.receivedRequests()).hasSize(2);
    }

    @Test
    void aProxyStubStillProxiesThoughWireMocksProxyClientIsBuiltOnDemand() {
        try (PaynetMockServer upstream = PaynetMockServer.builder().mode(PaynetMockServer.Mode.PRISM).build().start()) {
            mock.wireMock().stubFor(post(urlPathEqualTo(SAVE_CARD))
                    .willReturn(aResponse().proxiedFrom(upstream.baseUrl())));

            HttpResponse<String> proxied = validSaveCard(mock.baseUrl());

            assertThat(proxied.statusCode()).isEqualTo(200);
            assertThat(json(proxied.body())).isEqualTo(saveCardResponseExample("saved"));
            assertThat(upstream.receivedRequests()).singleElement()
                    .satisfies(request -> assertThat(request.path()).isEqualTo(SAVE_CARD));
        }
    }

    @Test
    void aFaultStubResetsTheConnectionAndTheServerKeepsServing() {
        mock.wireMock().stubFor(post(urlPathEqualTo(SAVE_CARD))
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        assertThatThrownBy(() -> validSaveCard(mock.baseUrl()))
                .isInstanceOf(UncheckedIOException.class);
        mock.resetStubs();
        assertThat(validSaveCard(mock.baseUrl()).statusCode()).isEqualTo(200);
    }

    @Test
    void corsPreflightReachesTheSpecAnswer() {
        HttpResponse<String> preflight = send(HttpRequest.newBuilder(URI.create(mock.baseUrl() + SAVE_CARD))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "https://shop.example")
                .header("Access-Control-Request-Method", "POST"));

        assertThat(preflight.statusCode()).isEqualTo(204);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).isPresent();
    }

    @Test
    void wireMocksAdminApiAndFilesAreUnknownPathsLikeAnyOther() {
        HttpResponse<String> admin = send(HttpRequest.newBuilder(URI.create(mock.baseUrl() + "/__admin/mappings")));
        HttpResponse<String> files = send(HttpRequest.newBuilder(URI.create(mock.baseUrl() + "/__files/x.json")));
        HttpResponse<String> unknown = send(HttpRequest.newBuilder(URI.create(mock.baseUrl() + "/no/such/path")));

        assertThat(admin.statusCode()).isEqualTo(unknown.statusCode()).isEqualTo(404);
        assertThat(files.statusCode()).isEqualTo(404);
        assertThat(admin.body()).contains("NO_PATH_MATCHED_ERROR");
        assertThat(mock.wireMock().getStubMappings()).hasSize(1);
    }

    @Test
    void missingAuthorizationIsAnsweredFromTheSpecNotByWireMock() {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(mock.baseUrl() + SAVE_CARD))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(saveCardRequestExample("withDescription"))));

        assertThat(response.statusCode()).isEqualTo(401);
    }

    @Test
    void reportsAPortInUseByHostAndPort() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            PaynetMockServer second = PaynetMockServer.builder().port(taken.getLocalPort()).build();

            assertThatThrownBy(second::start)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("127.0.0.1:" + taken.getLocalPort())
                    .hasMessageContaining("already in use");
            second.close();
        }
    }

    @Test
    void servesTheSpecFileItIsGiven(@TempDir Path directory) throws IOException {
        Path spec = SpecCalls.bundledSpecFile(directory);
        Files.writeString(spec, Files.readString(spec).replace("/v1/paynetj/save_card:", "/v2/renamed/save_card:"));

        try (PaynetMockServer renamed = PaynetMockServer.builder().mode(PaynetMockServer.Mode.PRISM).spec(spec)
                .build().start()) {
            assertThat(renamed.specSource()).isEqualTo(spec.toString());
            assertThat(renamed.operations()).contains("POST /v2/renamed/save_card").doesNotContain("POST " + SAVE_CARD);
            assertThat(validSaveCard(renamed.baseUrl()).statusCode()).isEqualTo(404);
            assertThat(send(saveCard(renamed.baseUrl()).uri(URI.create(renamed.baseUrl() + "/v2/renamed/save_card"))
                    .POST(HttpRequest.BodyPublishers.ofString(saveCardRequestExample("withDescription"))))
                    .statusCode()).isEqualTo(200);
        }
    }

    @Test
    void aRequestRuleAnswersChosenSessionsWithAnotherExampleOfTheSpec() {
        String usedSession = json(saveCardRequestExample("withDescription")).path("session_id").asText();
        try (PaynetMockServer stateful = PaynetMockServer.builder().mode(PaynetMockServer.Mode.PRISM)
                .requestRule(call -> call.body()
                        .filter(body -> body.path("session_id").asText().equals(usedSession))
                        .map(body -> RuleOutcome.select(200, "usedSession")))
                .build().start()) {
            HttpResponse<String> used = validSaveCard(stateful.baseUrl());
            HttpResponse<String> fresh = send(saveCard(stateful.baseUrl())
                    .POST(HttpRequest.BodyPublishers.ofString(saveCardRequestExample("hostedPage"))));

            assertThat(json(used.body())).isEqualTo(saveCardResponseExample("usedSession"));
            assertThat(json(fresh.body())).isEqualTo(saveCardResponseExample("saved"));
        }
    }

    @Test
    void corsCanBeSwitchedOff() {
        try (PaynetMockServer noCors = PaynetMockServer.builder().mode(PaynetMockServer.Mode.PRISM).cors(false)
                .build().start()) {
            HttpResponse<String> response = send(saveCard(noCors.baseUrl()).header("Origin", "https://shop.example")
                    .POST(HttpRequest.BodyPublishers.ofString(saveCardRequestExample("withDescription"))));

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        }
    }

    @Test
    void runsInPaynetModeByDefaultWhereASessionMustComeFromAuth() {
        try (PaynetMockServer paynet = PaynetMockServer.builder().build().start()) {
            HttpResponse<String> unknown = validSaveCard(paynet.baseUrl());

            assertThat(paynet.mode()).isEqualTo(PaynetMockServer.Mode.PAYNET);
            assertThat(unknown.statusCode()).isEqualTo(400);
            assertThat(json(unknown.body()).path("result_code").asInt()).isEqualTo(13);
        }
    }

    @Test
    void prismModeHasNoPaynetState() {
        assertThatThrownBy(mock::paynet).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("PRISM mode").hasMessageContaining("Mode.PAYNET");
    }

    @Test
    void paynetModeNamesWhatASpecLacksAndPointsToPrismMode(@TempDir Path directory) throws IOException {
        Path spec = SpecCalls.bundledSpecFile(directory);
        Files.writeString(spec, Files.readString(spec).replace("example: noSessionError}", "example: nowhere}"));

        assertThatThrownBy(() -> PaynetMockServer.builder().spec(spec).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("rejections.unknownSession.error-object")
                .hasMessageContaining("nowhere")
                .hasMessageContaining("--mode prism");
        try (PaynetMockServer prism = PaynetMockServer.builder().mode(PaynetMockServer.Mode.PRISM).spec(spec)
                .build().start()) {
            assertThat(validSaveCard(prism.baseUrl()).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void rejectsPaynetSettingsOutOfRangeNamingTheFix() {
        assertThatThrownBy(() -> PaynetMockServer.builder().maxSessions(0).build())
                .hasMessageContaining("maxSessions must be at least 1");
        assertThatThrownBy(() -> PaynetMockServer.builder().sessionLifetime(java.time.Duration.ZERO).build())
                .hasMessageContaining("sessionLifetime must be positive");
    }

    @Test
    void aMissingSpecFileIsNamedInTheError(@TempDir Path directory) {
        Path missing = directory.resolve("nope.yaml");

        assertThatThrownBy(() -> PaynetMockServer.builder().spec(missing).build())
                .isInstanceOf(InvalidSpecException.class)
                .hasMessageContaining(missing.toString());
    }

    @Test
    void rejectsSettingsOutOfRangeNamingTheFix() {
        assertThatThrownBy(() -> PaynetMockServer.builder().port(70000).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("0 picks a free port");
        assertThatThrownBy(() -> PaynetMockServer.builder().host(" ").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("127.0.0.1");
        assertThatThrownBy(() -> PaynetMockServer.builder().maxRequestBodyBytes(0).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxRequestBodyBytes");
        assertThatThrownBy(() -> PaynetMockServer.builder().recordedRequestLimit(-1).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("0 (keep none)");
    }

    @Test
    void startsOnceAndClosesIdempotently() {
        PaynetMockServer server = PaynetMockServer.builder().build();
        assertThatThrownBy(server::port).isInstanceOf(IllegalStateException.class).hasMessageContaining("start()");

        server.start();
        assertThatThrownBy(server::start).isInstanceOf(IllegalStateException.class);
        server.close();
        server.close();

        assertThatThrownBy(server::baseUrl).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aRequestLogLineNamesMethodPathAndStatusButNoKeyOrBody() {
        List<String> lines = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (PaynetMockServer logged = PaynetMockServer.builder().requestLog(lines::add).build().start()) {
            send(saveCard(logged.baseUrl()).uri(URI.create(logged.baseUrl() + SAVE_CARD + "?user_gsm=5321234567"))
                    .POST(HttpRequest.BodyPublishers.ofString(saveCardRequestExample("withGsmForOtp"))));
            send(HttpRequest.newBuilder(URI.create(logged.baseUrl() + "/__paynet/hosted-page?session_id="
                    + logged.paynet().createSession())));
        }

        // Paynet mode: the example's session never came from Auth (13), and the hosted page has no such session.
        assertThat(lines).containsExactly("POST " + SAVE_CARD + " -> 400", "GET /__paynet/hosted-page -> 409");
    }

    @Test
    void aRequestLogLineMasksAPhoneNumberInThePath() {
        List<String> lines = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (PaynetMockServer logged = PaynetMockServer.builder().requestLog(lines::add).build().start()) {
            send(HttpRequest.newBuilder(URI.create(logged.baseUrl() + "/v1/cards/5321234567/x")));
        }

        assertThat(lines).containsExactly("GET /v1/cards/********67/x -> 404");
    }
}
