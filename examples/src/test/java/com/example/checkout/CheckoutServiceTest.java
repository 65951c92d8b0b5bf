package com.example.checkout;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.paynetsavecard.client.PaynetClient;
import io.github.paynetsavecard.client.PaynetEnvironment;
import io.github.paynetsavecard.mock.PaynetMockServer;
import io.github.paynetsavecard.mock.ReceivedRequest;
import io.github.paynetsavecard.mock.junit.PaynetMockTest;
import io.github.paynetsavecard.mock.paynet.SessionView;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The checkout against the Paynet mock in Paynet mode: sessions, both save_card branches, the page, charge. */
@PaynetMockTest
class CheckoutServiceTest {
    private static final String CUSTOMER = "CUST-42";
    private static final String TOKEN = "tok_from_paynet_js";
    private static final Pattern FORM_ACTION = Pattern.compile("<form method=\"post\" action=\"([^\"]+)\"");

    private final CustomerCards cards = new CustomerCards();
    private final HttpClient browser = HttpClient.newHttpClient();

    @Test
    void storesTheCardUnderTheNameTypedInOurCheckout(PaynetClient client, PaynetMockServer mock) {
        CheckoutService checkout = new CheckoutService(client, cards);
        String session = checkout.start(CUSTOMER, "ORDER-1", 1000);

        assertThat(checkout.nameCard(session, Optional.of("İş kartım"))).isInstanceOf(CardNaming.Named.class);
        Payment payment = checkout.pay(CUSTOMER, session, TOKEN);

        assertThat(payment.paid()).isTrue();
        assertThat(payment.cardStored()).isTrue();
        assertThat(storedCard(mock, session).cardDesc()).isEqualTo("İş kartım");
        assertThat(cards.cardOwnerOf(CUSTOMER)).contains(storedCard(mock, session).cardOwnerId());
    }

    @Test
    void storesTheCardUnderTheNameTheCustomerGaveOnPaynetsScreen(PaynetClient client, PaynetMockServer mock)
            throws Exception {
        CheckoutService checkout = new CheckoutService(client, cards);
        String session = checkout.start(CUSTOMER, "ORDER-2", 2500);

        assertThat(checkout.nameCard(session, Optional.empty())).isInstanceOf(CardNaming.OnPaynetScreen.class);
        fillInPaynetsScreen(mock, session, "Maaş kartım");
        Payment payment = checkout.pay(CUSTOMER, session, TOKEN);

        assertThat(payment.cardStored()).isTrue();
        assertThat(storedCard(mock, session).cardDesc()).isEqualTo("Maaş kartım");
    }

    @Test
    void doesNotStoreACardTheCustomerLeftUnnamedOnPaynetsScreen(PaynetClient client) {
        CheckoutService checkout = new CheckoutService(client, cards);
        String session = checkout.start(CUSTOMER, "ORDER-3", 1000);
        checkout.nameCard(session, Optional.empty());

        Payment payment = checkout.pay(CUSTOMER, session, TOKEN);

        assertThat(payment.paid()).isTrue();
        assertThat(payment.cardStored()).isFalse();
        assertThat(payment.whyCardNotStored()).isPresent();
        assertThat(cards.cardOwnerOf(CUSTOMER)).isEmpty();
    }

    @Test
    void storesTheSecondCardOfACustomerUnderTheCardOwnerTheFirstChargeReported(PaynetClient client,
            PaynetMockServer mock) {
        CheckoutService checkout = new CheckoutService(client, cards);
        String first = checkout.start(CUSTOMER, "ORDER-4", 1000);
        checkout.nameCard(first, Optional.of("İş kartım"));
        checkout.pay(CUSTOMER, first, TOKEN);
        String owner = cards.cardOwnerOf(CUSTOMER).orElseThrow();

        String second = checkout.start(CUSTOMER, "ORDER-5", 1000);
        checkout.nameCard(second, Optional.of("Maaş kartım"));
        Payment payment = checkout.pay(CUSTOMER, second, TOKEN);

        assertThat(lastAuthBody(mock)).contains("\"card_owner_id\":\"" + owner + "\"").doesNotContain("user_unique_id");
        assertThat(payment.cardStored()).isTrue();
        assertThat(storedCard(mock, second).cardOwnerId()).isEqualTo(owner);
    }

    @Test
    void reportsTheRefusalOfASessionPaynetNeverIssued(PaynetClient client) {
        CheckoutService checkout = new CheckoutService(client, cards);

        CardNaming naming = checkout.nameCard("js_a-session-paynet-never-issued", Optional.of("İş kartım"));

        assertThat(naming).isInstanceOfSatisfying(CardNaming.Refused.class,
                refused -> assertThat(refused.code()).isEqualTo(13));
    }

    @Test
    void goesOnToThePaymentWhenTheConnectionDropsAfterSaveCardWentOut(PaynetClient client, PaynetMockServer mock) {
        String session = new CheckoutService(client, cards).start(CUSTOMER, "ORDER-6", 1000);
        // The mock-only header X-Paynet-Mock-Fault breaks this one request, as a network or a proxy might.
        try (PaynetClient resetting = PaynetClient.builder().environment(PaynetEnvironment.of(mock.baseUrl()))
                .apiKey("sck_example_key")
                .addInterceptor(chain -> chain.proceed(chain.request().newBuilder()
                        .header("X-Paynet-Mock-Fault", "reset").build()))
                .build()) {
            CardNaming naming = new CheckoutService(resetting, cards).nameCard(session, Optional.of("İş kartım"));

            assertThat(naming).isInstanceOf(CardNaming.OutcomeUnknown.class);
        }
        Payment payment = new CheckoutService(client, cards).pay(CUSTOMER, session, TOKEN);

        assertThat(payment.paid()).isTrue();
        // The reset save_card never reached Paynet's rules, and charge says so instead of a guess.
        assertThat(payment.cardStored()).isFalse();
    }

    @Test
    void saysItIsSafeToAskAgainWhenPaynetCannotBeReached() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        try (PaynetClient unreachable = PaynetClient.builder()
                .environment(PaynetEnvironment.of("http://127.0.0.1:" + closedPort))
                .apiKey("sck_example_key").connectTimeout(Duration.ofSeconds(2)).build()) {
            CheckoutService checkout = new CheckoutService(unreachable, cards);

            assertThat(checkout.nameCard("js_any", Optional.of("İş kartım"))).isInstanceOf(CardNaming.NotSent.class);
        }
    }

    /** What the cardholder's browser does: open Paynet's page for the session, type a name, tick the box, save. */
    private void fillInPaynetsScreen(PaynetMockServer mock, String session, String cardName) throws Exception {
        String sessionQuery = "session_id=" + encode(session);
        HttpResponse<String> page = browser.send(HttpRequest.newBuilder(
                URI.create(mock.baseUrl() + "/__paynet/hosted-page?" + sessionQuery)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        Matcher form = FORM_ACTION.matcher(page.body());
        assertThat(form.find()).as("the page has a form posting back: %s", page.body()).isTrue();

        String fields = sessionQuery + "&card_desc=" + encode(cardName) + "&agreement=accepted&action=save";
        HttpResponse<String> saved = browser.send(HttpRequest.newBuilder(URI.create(mock.baseUrl()).resolve(form.group(1)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(fields)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
    }

    private static SessionView.StoredCard storedCard(PaynetMockServer mock, String session) {
        return mock.paynet().session(session).flatMap(SessionView::storedCard).orElseThrow();
    }

    private static String lastAuthBody(PaynetMockServer mock) {
        return mock.receivedRequests().stream().filter(request -> request.path().equals("/v1/paynetj/auth"))
                .reduce((earlier, later) -> later).map(ReceivedRequest::bodyAsString).orElseThrow();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
