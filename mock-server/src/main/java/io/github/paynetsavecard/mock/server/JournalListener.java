package io.github.paynetsavecard.mock.server;

import com.github.tomakehurst.wiremock.extension.Parameters;
import com.github.tomakehurst.wiremock.extension.ServeEventListener;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.LoggedResponse;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

/**
 * Reports the requests WireMock answers to the {@link RequestJournal}: user stubs, faults, and every spec answer
 * the {@link SpecShortcut} leaves to WireMock (while a stub or delay is there, and requests WireMock reads its own
 * way). The shortcut reports its own.
 */
final class JournalListener implements ServeEventListener {
    private final RequestJournal journal;

    JournalListener(RequestJournal journal) {
        this.journal = journal;
    }

    @Override
    public String getName() {
        return "paynet-request-recorder";
    }

    @Override
    public void beforeResponseSent(ServeEvent serveEvent, Parameters parameters) {
        LoggedResponse response = serveEvent.getResponse();
        if (response.getFault() != null) {
            journal.observeFault(IncomingRequest.from(serveEvent.getRequest()), response.getStatus());
            return;
        }
        boolean specAnswer = serveEvent.getStubMapping() != null
                && MockHttpServer.SPEC_STUB_ID.equals(serveEvent.getStubMapping().getId());
        journal.observe(IncomingRequest.from(serveEvent.getRequest()), specAnswer, response.getStatus(),
                name -> header(response, name), response.getBody());
    }

    private static String header(LoggedResponse response, String name) {
        if (response.getHeaders() == null) {
            return null;
        }
        HttpHeader header = response.getHeaders().getHeader(name);
        return header.isPresent() ? header.firstValue() : null;
    }
}
