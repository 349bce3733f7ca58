package com.adfops.config;

import com.adfops.adf.DataFactory;
import com.adfops.runs.AdfTools;
import com.adfops.diagnosis.GuidanceFinder;
import com.adfops.escalation.EscalationService;
import com.adfops.escalation.Escalations;
import com.adfops.state.JsonDocuments;
import com.adfops.actions.ActionPolicy;
import com.adfops.actions.ActionService;
import com.adfops.actions.AuditLog;
import com.adfops.actions.PendingActions;
import com.adfops.actions.RunFollower;
import com.adfops.alerts.AlertMonitor;
import com.adfops.export.ExportSigner;
import com.adfops.alerts.AlertService;
import com.adfops.alerts.AlertStore;
import com.adfops.alerts.AlertWebhook;
import com.adfops.alerts.Watches;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The capabilities beyond answering: actions (who may rerun or cancel, the confirmations, the audit log, following a
 * run), alerts (watches, detection, the Azure Monitor webhook), escalation and the signed compliance export links.
 */
@Configuration(proxyBeanMethods = false)
public class CapabilityWiring {

    private static final Logger log = LoggerFactory.getLogger(CapabilityWiring.class);

    @Bean
    public EscalationService escalationService(AdfTools tools, GuidanceFinder guidance, JsonDocuments docs) {
        return new EscalationService(tools, guidance, new Escalations(docs));
    }

    @Bean
    public AuditLog auditLog(JsonDocuments docs) {
        return new AuditLog(docs);
    }

    /**
     * Who may rerun or cancel. A list of people without Bot Framework authentication would trust an object id anyone
     * can put in an activity: the bot refuses to start.
     */
    @Bean
    public ActionPolicy actionPolicy(ActionsProperties actions, AdfProperties adf, BotProperties bot) {
        ActionPolicy policy = new ActionPolicy(adf.allFactories().isEmpty(), actions.allowed(), actions.groups());
        if (policy.configured() && !bot.authenticated()) {
            throw new IllegalStateException("ADFOPS_ACTIONS_ALLOWED is set, but Bot Framework authentication is not "
                    + "(MicrosoftAppId is empty). Without it anyone could claim to be an allowed user: set MicrosoftAppId "
                    + "(and its credentials), or remove ADFOPS_ACTIONS_ALLOWED.");
        }
        if (!policy.configured()) {
            log.info(adf.allFactories().isEmpty() ? "Actions: anyone may rerun or cancel on the simulated factory"
                    : "Actions: off (set ADFOPS_ACTIONS_ALLOWED to let people rerun or cancel from cards)");
        }
        return policy;
    }

    @Bean
    public ActionService actionService(AdfTools tools, DataFactory dataFactory, JsonDocuments docs, AuditLog audit,
                                       ActionPolicy policy, EscalationService escalations, Clock clock,
                                       ActionsProperties actions) {
        return new ActionService(tools, dataFactory, new PendingActions(docs), audit, policy, escalations, clock,
                actions.confirmFor());
    }

    @Bean(destroyMethod = "close")
    public RunFollower runFollower(ActionService actions, ActionsProperties settings) {
        return new RunFollower(actions, settings.followEvery()).start();
    }

    @Bean
    public Watches watches(JsonDocuments docs) {
        return new Watches(docs);
    }

    @Bean
    public AlertStore alertStore(JsonDocuments docs) {
        return new AlertStore(docs);
    }

    @Bean
    public AlertService alertService(AlertStore store, AdfTools tools, GuidanceFinder guidance, Clock clock,
                                     com.adfops.impact.FactoryImpact impact) {
        return new AlertService(store, tools, guidance, clock, impact);
    }

    /** Detection starts with the application; it posts once the Teams edge has given it a poster. */
    @Bean(destroyMethod = "close")
    public AlertMonitor alertMonitor(DataFactory dataFactory, AdfTools tools, Watches watches, AlertStore store,
                                     AlertService alerts, Clock clock, AlertsProperties settings,
                                     com.adfops.schedule.Schedules schedules) {
        AlertMonitor monitor = new AlertMonitor(dataFactory, tools, watches, store, alerts, clock,
                new AlertMonitor.Settings(settings.every(), settings.overlap(), settings.groupWindow(),
                        settings.digestAfter(), settings.runtimeLookahead()), schedules);
        if (settings.enabled()) {
            monitor.start();
        } else {
            log.info("Alerts: off (ADFOPS_ALERTS_ENABLED=false)");
        }
        return monitor;
    }

    /** {@code POST /api/alerts}: Azure Monitor alerts feed the same alerts as detection. */
    @Bean(destroyMethod = "close")
    public AlertWebhook alertWebhook(AlertsProperties settings, DataFactory dataFactory, AlertMonitor monitor,
                                     JsonDocuments docs, ObjectMapper adfopsJson, Clock clock) {
        AlertWebhook webhook = new AlertWebhook(new AlertWebhook.Settings(settings.webhookSecret(), settings.audience(),
                settings.tenantId(), settings.callerAppId(), settings.role(), settings.jwksUrl()), dataFactory, monitor,
                docs, adfopsJson, clock);
        if (!webhook.configured()) {
            log.info("Azure Monitor webhook /api/alerts: refuses every call (set ADFOPS_ALERTS_WEBHOOKSECRET, or "
                    + "ADFOPS_ALERTS_AUDIENCE and ADFOPS_ALERTS_TENANTID for a Secure webhook)");
        }
        return webhook;
    }

    /** Signs compliance export links; {@code GET /api/export} checks them. */
    @Bean
    public ExportSigner exportSigner(ExportProperties export, AuthProperties auth, Clock clock, ObjectMapper adfopsJson,
                                     org.springframework.core.env.Environment env) {
        java.util.function.Supplier<String> url = export.publicUrl() == null || export.publicUrl().isBlank()
                ? () -> "http://127.0.0.1:" + env.getProperty("local.server.port", env.getProperty("server.port", "3978"))
                : () -> export.publicUrl().trim();
        byte[] key;
        if (export.signingKey() == null || export.signingKey().isBlank()) {
            key = new byte[32];
            new java.security.SecureRandom().nextBytes(key);
            log.info("Export links: signed with a random key (set ADFOPS_EXPORT_SIGNINGKEY to share links across instances)");
        } else {
            key = export.signingKey().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        }
        return new ExportSigner(key, url, export.linkTtl(), auth.tenants(), clock, adfopsJson);
    }
}
