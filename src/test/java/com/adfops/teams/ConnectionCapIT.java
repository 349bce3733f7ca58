package com.adfops.teams;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.coyote.AbstractProtocol;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;

/**
 * The running server caps its connections (a flood of clients waits in the backlog or is refused instead of filling
 * the heap with buffers): read from the Tomcat connector that serves {@code /api/messages}, not from the settings.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ConnectionCapIT {

    @Autowired
    WebServerApplicationContext context;

    @Test
    void theServerAcceptsAFewHundredConnectionsNotTomcatsDefaultOf8192() {
        TomcatWebServer server = (TomcatWebServer) context.getWebServer();
        AbstractProtocol<?> protocol = (AbstractProtocol<?>) server.getTomcat().getConnector().getProtocolHandler();
        assertThat(protocol.getMaxConnections()).isEqualTo(512);
        assertThat(protocol.getAcceptCount()).isEqualTo(256);
    }
}
