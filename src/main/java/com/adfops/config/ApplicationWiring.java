package com.adfops.config;

import com.adfops.sim.SimulatedDataFactoryServer;
import com.adfops.state.ConversationStore;
import com.adfops.state.FileStateStore;
import com.adfops.state.InMemoryStateStore;
import com.adfops.state.Installations;
import com.adfops.state.JsonDocuments;
import com.adfops.state.StateStore;
import com.adfops.state.StoredConversationStore;
import com.adfops.state.implementation.BlobStateStore;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The composition root of everything but the Teams edge, by area: the factories, the run index and the simulated
 * factory ({@link FactoryWiring}), the conversation, the model's tools and the docs ({@link AgentWiring}), the Teams
 * face's cards and identity ({@link TeamsWiring}), the capabilities that act, alert, escalate and export
 * ({@link CapabilityWiring}), and here what they all share: the JSON mapper, the clock, the body limit and the state
 * store. For each part, the embedded default (simulated factory, offline agent, file store, built-in docs index) or
 * the real service its settings name.
 */
@Configuration(proxyBeanMethods = false)
public class ApplicationWiring {

    private static final Logger log = LoggerFactory.getLogger(ApplicationWiring.class);

    /** The JSON mapper of our own code: Jackson 2, the one botbuilder and the Azure SDK share. */
    @Bean
    @ConditionalOnMissingBean(name = "adfopsJson")
    public ObjectMapper adfopsJson() {
        return new ObjectMapper().findAndRegisterModules();
    }

    /** The largest body the bot's POST endpoints take (an activity, an alert): refused while it streams in. */
    public static final int MAX_BODY = 256 * 1024;

    /**
     * Bodies of the endpoints anyone can reach are limited before anything else runs (authentication included): see
     * {@link BodyLimitFilter}.
     */
    @Bean
    org.springframework.boot.web.servlet.FilterRegistrationBean<BodyLimitFilter> bodyLimit() {
        var r = new org.springframework.boot.web.servlet.FilterRegistrationBean<>(new BodyLimitFilter(MAX_BODY));
        r.addUrlPatterns("/api/messages", "/api/alerts");
        r.setOrder(org.springframework.core.Ordered.HIGHEST_PRECEDENCE);
        return r;
    }

    @Bean
    @ConditionalOnMissingBean
    public Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    @ConditionalOnMissingBean
    public StateStore stateStore(StateProperties state) {
        return switch (state.store().trim().toLowerCase(java.util.Locale.ROOT)) {
            case "memory" -> {
                log.info("State: in memory (lost on restart)");
                yield new InMemoryStateStore();
            }
            case "file" -> {
                log.info("State: files under {}", state.dir().toAbsolutePath());
                yield new FileStateStore(state.dir());
            }
            case "blob" -> {
                if (state.blobConnectionString() != null && !state.blobConnectionString().isBlank()) {
                    log.info("State: blob container '{}' (connection string)", state.blobContainer());
                    yield BlobStateStore.withConnectionString(state.blobConnectionString(), state.blobContainer(),
                            state.blobTimeout());
                }
                if (state.blobEndpoint() == null || state.blobEndpoint().isBlank()) {
                    throw new IllegalStateException("ADFOPS_STATE_STORE=blob needs ADFOPS_STATE_BLOBENDPOINT "
                            + "(or ADFOPS_STATE_BLOBCONNECTIONSTRING)");
                }
                log.info("State: blob container '{}' at {} (managed identity)", state.blobContainer(), state.blobEndpoint());
                yield BlobStateStore.withIdentity(state.blobEndpoint(), state.blobContainer(), state.blobTimeout());
            }
            default -> throw new IllegalStateException("ADFOPS_STATE_STORE must be memory, file or blob, not '"
                    + state.store() + "'");
        };
    }

    @Bean
    public JsonDocuments jsonDocuments(StateStore store, ObjectMapper adfopsJson) {
        return new JsonDocuments(store, adfopsJson);
    }

    @Bean
    @ConditionalOnMissingBean
    public ConversationStore conversationStore(JsonDocuments docs) {
        return new StoredConversationStore(docs);
    }

    /**
     * Conversations' contexts are kept {@code ADFOPS_CONTEXT_RETENTION} after they last changed: a sweep an hour
     * (the first a minute after start; on every instance, which is harmless) deletes older ones.
     */
    @Bean(destroyMethod = "shutdownNow")
    java.util.concurrent.ScheduledExecutorService contextRetention(ConversationStore conversations,
                                                                   ContextProperties context, Clock clock) {
        java.util.concurrent.ScheduledExecutorService sweeper = java.util.concurrent.Executors
                .newSingleThreadScheduledExecutor(r -> {
                    Thread t = new Thread(r, "context-retention");
                    t.setDaemon(true);
                    return t;
                });
        if (context.retention().isZero() || context.retention().isNegative()) {
            return sweeper;
        }
        sweeper.scheduleWithFixedDelay(() -> {
            try {
                int n = conversations.forgetQuietSince(clock.instant().minus(context.retention()));
                if (n > 0) {
                    log.info("Forgot {} conversation contexts unchanged for {}", n, context.retention());
                }
            } catch (RuntimeException e) {
                log.warn("The conversation retention sweep failed; it runs again in an hour", e);
            }
        }, 60, 3600, java.util.concurrent.TimeUnit.SECONDS);
        return sweeper;
    }

    @Bean
    public Installations installations(JsonDocuments docs) {
        return new Installations(docs);
    }

    /** Holds the simulated server (or nothing) so it is closed on shutdown. */
    public record SimulatedFactoryHolder(SimulatedDataFactoryServer server) implements AutoCloseable {
        @Override
        public void close() {
            if (server != null) {
                server.close();
            }
        }
    }
}
