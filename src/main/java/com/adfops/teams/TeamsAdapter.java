package com.adfops.teams;

import com.microsoft.bot.builder.BotFrameworkAdapter;
import com.microsoft.bot.connector.ConnectorClient;
import com.microsoft.bot.connector.authentication.AppCredentials;
import com.microsoft.bot.connector.authentication.AuthenticationConfiguration;
import com.microsoft.bot.connector.authentication.ChannelProvider;
import com.microsoft.bot.connector.authentication.ChannelValidation;
import com.microsoft.bot.connector.authentication.GovernmentChannelValidation;
import com.microsoft.bot.connector.rest.RestConnectorClient;
import com.microsoft.bot.integration.ConfigurationChannelProvider;
import com.microsoft.bot.integration.ConfigurationCredentialProvider;
import com.microsoft.bot.integration.Configuration;
import com.microsoft.bot.restclient.RestClient;
import com.microsoft.bot.restclient.retry.RetryStrategy;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import javax.net.SocketFactory;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;
import retrofit2.Retrofit;

/**
 * botbuilder's adapter with a connector transport fit for a bot that answers many conversations at once.
 *
 * <p>botbuilder builds each connector client on OkHttp's defaults: at most <b>5 requests in flight per host</b> (every
 * reply of every conversation goes to the same Bot Connector host, so a sixth answer waits for one of five to
 * finish), 5 idle connections kept, and sockets without {@code TCP_NODELAY} (a card written in several segments waits
 * on the peer's delayed acknowledgement, about 40 ms on Linux). Clients are still created, keyed and authenticated by
 * botbuilder (app secret, managed identity, configuration, government cloud alike); this class only gives each one,
 * once, a twin with the same base URL, credentials, serializer and retry strategy on a shared transport: one
 * dispatcher allowing {@code maxRequests} in flight (per host too), a larger pool of kept connections,
 * {@code TCP_NODELAY} sockets, and {@link ConnectorRetry} for what the connector refuses for now (429, 412, 5xx,
 * timeouts), on every send path.
 */
final class TeamsAdapter extends BotFrameworkAdapter {

    private final Transport transport;
    /** botbuilder's client -> its twin on our transport (botbuilder caches clients per URL, app and scope). */
    private final Map<ConnectorClient, ConnectorClient> twins = new ConcurrentHashMap<>();

    /** Authenticates with the given credentials (single-tenant secret or managed identity). */
    TeamsAdapter(AppCredentials credentials, ChannelProvider channels, int maxRequests) {
        this(credentials, channels, maxRequests, new ConnectorRetry(DEFAULT_BACKOFF));
    }

    TeamsAdapter(AppCredentials credentials, ChannelProvider channels, int maxRequests, ConnectorRetry retry) {
        super(credentials, new AuthenticationConfiguration(), channels, null, null);
        this.transport = new Transport(maxRequests, retry);
    }

    /** Reads MicrosoftAppId, MicrosoftAppPassword, ChannelService and BotOpenIdMetadata from the configuration. */
    TeamsAdapter(Configuration configuration, int maxRequests) {
        super(new ConfigurationCredentialProvider(configuration), new ConfigurationChannelProvider(configuration), null,
                null);
        String openIdMetadata = configuration.getProperty("BotOpenIdMetadata");
        if (openIdMetadata != null && !openIdMetadata.isBlank()) {
            ChannelValidation.setOpenIdMetaDataUrl(openIdMetadata);
            GovernmentChannelValidation.setOpenIdMetaDataUrl(openIdMetadata);
        }
        this.transport = new Transport(maxRequests, new ConnectorRetry(DEFAULT_BACKOFF));
    }

    @Override
    protected CompletableFuture<ConnectorClient> getOrCreateConnectorClient(String serviceUrl,
                                                                            AppCredentials credentials) {
        return super.getOrCreateConnectorClient(serviceUrl, credentials)
                .thenApply(client -> client == null ? null : twins.computeIfAbsent(client, transport::twin));
    }

    /** The first backoff of a refused send (doubled at each attempt, with jitter). */
    static final java.time.Duration DEFAULT_BACKOFF = java.time.Duration.ofSeconds(1);

    /** botbuilder's retry handler, switched off: {@link ConnectorRetry} retries, with backoff, what it did and more. */
    private static final RetryStrategy NO_RETRY = new RetryStrategy("none", false) {
        @Override
        public boolean shouldRetry(int retryCount, okhttp3.Response response) {
            return false;
        }
    };

    /** One dispatcher, connection pool, socket factory and retry for all connector clients. */
    static final class Transport {
        private final Dispatcher dispatcher = new Dispatcher();
        private final ConnectionPool pool;
        private final ConnectorRetry retry;

        Transport(int maxRequests, ConnectorRetry retry) {
            this.retry = retry;
            int max = Math.max(1, maxRequests);
            dispatcher.setMaxRequests(max);
            dispatcher.setMaxRequestsPerHost(max);
            pool = new ConnectionPool(Math.min(max, 32), 5, TimeUnit.MINUTES);
        }

        ConnectorClient twin(ConnectorClient client) {
            if (!(client instanceof RestConnectorClient)) {
                return client;
            }
            RestClient original = ((RestConnectorClient) client).getRestClient();
            RestClient rest = new RestClient.Builder(new OkHttpClient.Builder().socketFactory(NO_DELAY)
                    .addInterceptor(retry),
                    new Retrofit.Builder())
                    .withBaseUrl(client.baseUrl())
                    .withCredentials(original.credentials())
                    .withSerializerAdapter(original.serializerAdapter())
                    .withResponseBuilderFactory(original.responseBuilderFactory())
                    .withDispatcher(dispatcher)
                    .withConnectionPool(pool)
                    .withRetryStrategy(NO_RETRY)
                    .build();
            RestConnectorClient twin = new RestConnectorClient(rest);
            if (((RestConnectorClient) client).getRestRetryStrategy() != null) {
                twin.setRestRetryStrategy(((RestConnectorClient) client).getRestRetryStrategy());
            }
            return twin;
        }
    }

    /** Plain sockets with TCP_NODELAY (TLS is layered over them by OkHttp). */
    static final SocketFactory NO_DELAY = new SocketFactory() {
        private final SocketFactory plain = SocketFactory.getDefault();

        @Override
        public Socket createSocket() throws IOException {
            return noDelay(plain.createSocket());
        }

        @Override
        public Socket createSocket(String host, int port) throws IOException {
            return noDelay(plain.createSocket(host, port));
        }

        @Override
        public Socket createSocket(String host, int port, InetAddress local, int localPort) throws IOException {
            return noDelay(plain.createSocket(host, port, local, localPort));
        }

        @Override
        public Socket createSocket(InetAddress host, int port) throws IOException {
            return noDelay(plain.createSocket(host, port));
        }

        @Override
        public Socket createSocket(InetAddress host, int port, InetAddress local, int localPort) throws IOException {
            return noDelay(plain.createSocket(host, port, local, localPort));
        }

        private Socket noDelay(Socket s) throws IOException {
            s.setTcpNoDelay(true);
            return s;
        }
    };
}
