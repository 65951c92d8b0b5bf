package io.github.paynetsavecard.mock.cli;

import static io.github.paynetsavecard.mock.SpecCalls.SAVE_CARD;
import static io.github.paynetsavecard.mock.SpecCalls.saveCard;
import static io.github.paynetsavecard.mock.SpecCalls.saveCardRequestExample;
import static io.github.paynetsavecard.mock.SpecCalls.send;
import static io.github.paynetsavecard.mock.SpecCalls.validSaveCard;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.paynetsavecard.mock.PaynetMockServer;
import io.github.paynetsavecard.mock.SpecCalls;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PaynetMockCommandTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(Consumer<PaynetMockServer> whileRunning, String... args) {
        return PaynetMockCommand.execute(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), whileRunning, args);
    }

    private int runExpectingNoStart(String... args) {
        return run(server -> {
            throw new AssertionError("the server should not have started");
        }, args);
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void printsItsUrlAndOperationsWhenReadyAndServesTheSpec() {
        List<Integer> statuses = new ArrayList<>();

        int exit = run(server -> statuses.add(validSaveCard(server.baseUrl()).statusCode()), "--port", "0",
                "--mode", "prism");

        assertThat(exit).isZero();
        assertThat(statuses).containsExactly(200);
        assertThat(out()).containsPattern("listening on http://127\\.0\\.0\\.1:\\d+ ")
                .contains("mode: prism")
                .contains("POST " + SAVE_CARD)
                .doesNotContain("/__paynet/")
                .contains("stopped");
        assertThat(err()).isEmpty();
    }

    @Test
    void runsInPaynetModeByDefaultAndListsTheMockOnlyEndpoints() {
        List<HttpResponse<String>> answers = new ArrayList<>();

        int exit = run(server -> answers.add(validSaveCard(server.baseUrl())), "--port", "0");

        assertThat(exit).isZero();
        assertThat(out()).contains("mode: paynet").contains("GET  /__paynet/hosted-page?session_id=")
                .contains("POST /__paynet/reset");
        // The example's session never came from Auth: 13, as an Error object (the spec's channel).
        assertThat(answers.get(0).statusCode()).isEqualTo(400);
        assertThat(SpecCalls.json(answers.get(0).body()).path("result_code").asInt()).isEqualTo(13);
    }

    @Test
    void theErrorChannelFlagSendsRejectionsAsHttp200WithCode() {
        List<HttpResponse<String>> answers = new ArrayList<>();

        run(server -> answers.add(validSaveCard(server.baseUrl())), "--port=0", "--error-channel=http-200");

        assertThat(answers.get(0).statusCode()).isEqualTo(200);
        assertThat(SpecCalls.json(answers.get(0).body()).path("code").asInt()).isEqualTo(13);
    }

    @Test
    void thePaynetFlagsReachTheServer() {
        List<String> seen = new ArrayList<>();

        int exit = run(server -> {
            String id = server.paynet().createSession();
            seen.add(String.valueOf(java.time.Duration.between(java.time.Instant.now(),
                    server.paynet().session(id).orElseThrow().expiresAt()).toSeconds()));
            seen.add(String.valueOf(send(saveCard(server.baseUrl()).POST(HttpRequest.BodyPublishers.ofString(
                    "{\"session_id\":\"" + id + "\",\"card_desc\":\"x\"}"))).statusCode()));
            for (int i = 0; i < 5; i++) {
                server.paynet().createSession();
            }
            seen.add(String.valueOf(server.paynet().sessionCount()));
        }, "--port=0", "--otp-required", "--session-lifetime=90s", "--max-sessions=3");

        assertThat(exit).isZero();
        assertThat(Integer.parseInt(seen.get(0))).isBetween(80, 90);
        // OTP is on and neither Auth nor save_card gave a phone number: rejected.
        assertThat(seen.get(1)).isEqualTo("400");
        assertThat(seen.get(2)).isEqualTo("3");
    }

    @Test
    void rejectsEveryBadPaynetFlagWithUsageAndExitCode2() {
        for (String[] bad : new String[][] {
                {"--mode=wiremock", "neither paynet nor prism"},
                {"--error-channel=smoke", "neither http-200 nor error-object"},
                {"--session-lifetime=soon", "not a positive duration"},
                {"--session-lifetime=PT0S", "not a positive duration"},
                {"--session-lifetime=-5s", "not a positive duration"},
                {"--max-sessions=0", "less than 1"},
                {"--max-sessions=many", "'many' is not an int"},
                {"--expired-session=never", "neither declared nor alternative"},
                {"--otp-required=perhaps", "perhaps"}}) {
            err.reset();

            int exit = runExpectingNoStart("--port=0", bad[0]);

            assertThat(exit).as(bad[0]).isEqualTo(2);
            assertThat(err()).as(bad[0]).contains(bad[1]).contains("Usage:");
        }
    }

    @Test
    void verboseLogsOneLinePerRequestWithoutTheKeyOrThePhoneNumber() {
        int exit = run(server -> send(saveCard(server.baseUrl())
                        .POST(HttpRequest.BodyPublishers.ofString(saveCardRequestExample("withGsmForOtp")))),
                "--port=0", "--verbose", "--mode=prism");

        assertThat(exit).isZero();
        assertThat(out()).contains("POST " + SAVE_CARD + " -> 200")
                .doesNotContain("sck_mock_test_key")
                .doesNotContain("5321234567");
    }

    @Test
    void withoutVerboseRequestsAreNotLogged() {
        run(server -> validSaveCard(server.baseUrl()), "-p", "0");

        assertThat(out()).doesNotContain("-> 200");
    }

    @Test
    void corsFalseSwitchesCorsHeadersOff() {
        List<HttpResponse<String>> responses = new ArrayList<>();

        run(server -> responses.add(send(saveCard(server.baseUrl()).header("Origin", "https://shop.example")
                .POST(HttpRequest.BodyPublishers.ofString(saveCardRequestExample("withDescription"))))),
                "--port=0", "--cors=false", "--mode=prism");

        assertThat(responses.get(0).statusCode()).isEqualTo(200);
        assertThat(responses.get(0).headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }

    @Test
    void servesTheSpecFileItIsGiven(@TempDir Path directory) throws IOException {
        Path spec = SpecCalls.bundledSpecFile(directory);
        List<Integer> statuses = new ArrayList<>();

        int exit = run(server -> statuses.add(send(HttpRequest.newBuilder(URI.create(server.baseUrl() + SAVE_CARD))
                .method("PATCH", HttpRequest.BodyPublishers.noBody())).statusCode()), "--port=0", "--spec", spec.toString());

        assertThat(exit).isZero();
        assertThat(out()).contains("(spec: " + spec + ", mode: paynet)");
        assertThat(statuses).containsExactly(405);
    }

    /** The real entry point in its own JVM: SIGTERM (what Ctrl-C also triggers) runs the shutdown hook. */
    @Test
    void stopsCleanlyWhenTheJvmIsAskedToStop() throws Exception {
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), PaynetMockCommand.class.getName(), "--port", "0",
                "--mode", "prism")
                .redirectErrorStream(true)
                .start();
        try (BufferedReader output = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String banner = output.readLine();
            assertThat(banner).contains("listening on http://127.0.0.1:");
            String baseUrl = banner.replaceAll(".*listening on (http://\\S+).*", "$1");
            assertThat(validSaveCard(baseUrl).statusCode()).isEqualTo(200);

            process.toHandle().destroy(); // SIGTERM; Process.destroy() would also close our end of the output

            assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(output.lines()).contains("Paynet mock server stopped.");
        } finally {
            process.destroyForcibly();
        }
    }

    @Test
    void rejectsAnUnknownFlagWithUsageAndExitCode2() {
        int exit = runExpectingNoStart("--prot", "4010");

        assertThat(exit).isEqualTo(2);
        assertThat(err()).contains("Unknown option").contains("'--prot'").contains("Usage:").contains("--port");
    }

    @Test
    void rejectsAPortThatIsNotANumberWithExitCode2() {
        int exit = runExpectingNoStart("--port", "forty");

        assertThat(exit).isEqualTo(2);
        assertThat(err()).contains("'forty' is not an int").contains("Usage:");
    }

    @Test
    void rejectsAPortOutOfRangeWithExitCode2() {
        int exit = runExpectingNoStart("--port", "70000");

        assertThat(exit).isEqualTo(2);
        assertThat(err()).contains("70000").contains("between 0 and 65535").contains("Usage:");
    }

    @Test
    void rejectsABlankHostWithUsageAndExitCode2() {
        int exit = runExpectingNoStart("--host", " ");

        assertThat(exit).isEqualTo(2);
        assertThat(err()).contains("'--host'").contains("blank").contains("Usage:");
    }

    @Test
    void rejectsACorsValueThatIsNotABoolean() {
        assertThat(runExpectingNoStart("--cors=maybe")).isEqualTo(2);
    }

    @Test
    void namesAMissingSpecFileWithoutAStackTrace(@TempDir Path directory) {
        Path missing = directory.resolve("missing.yaml");

        int exit = runExpectingNoStart("--spec", missing.toString());

        assertThat(exit).isEqualTo(1);
        assertThat(err()).contains(missing.toString()).contains("no such file").doesNotContain("\tat ");
    }

    @Test
    void namesAnInvalidSpecFileAndItsProblem(@TempDir Path directory) throws IOException {
        Path broken = Files.writeString(directory.resolve("broken.yaml"), "openapi: 3.0.3\ninfo: [not, an, object\n");

        int exit = runExpectingNoStart("--spec", broken.toString());

        assertThat(exit).isEqualTo(1);
        assertThat(err()).contains(broken.toString()).doesNotContain("\tat ");
    }

    @Test
    void reportsAPortInUseClearly() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            int exit = runExpectingNoStart("--port", String.valueOf(taken.getLocalPort()));

            assertThat(exit).isEqualTo(1);
            assertThat(err()).contains("127.0.0.1:" + taken.getLocalPort()).contains("already in use")
                    .doesNotContain("\tat ");
        }
    }

    @Test
    void helpPrintsUsageAndExitsZero() {
        int exit = runExpectingNoStart("--help");

        assertThat(exit).isZero();
        assertThat(out()).contains("Usage:").contains("--spec").contains("--cors");
    }
}
