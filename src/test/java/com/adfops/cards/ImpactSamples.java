package com.adfops.cards;

import com.adfops.DefinedFactory;
import com.adfops.adf.FactoryRef;
import com.adfops.adf.PipelineRun;
import com.adfops.adf.RunStatus;
import com.adfops.agent.Reply;
import com.adfops.answers.AlertView;
import com.adfops.diagnosis.Diagnoser;
import com.adfops.diagnosis.Diagnosis;
import com.adfops.docs.Guidance;
import com.adfops.impact.FactoryImpact;
import com.adfops.impact.NextRuns;
import com.adfops.impact.RunImpact;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The impact cards' samples, computed through the real path: a hand-built factory ({@link DefinedFactory#harbor})
 * read through a test Data Factory, its failed run diagnosed, and {@link FactoryImpact} over them.
 */
final class ImpactSamples {

    static final Instant NOW = CardSamples.NOW;
    static final FactoryRef F = new FactoryRef("sub", "rg", "df-harbor");
    static final Map<String, Instant> NEXT = Map.of("Finance-Report", Instant.parse("2026-11-26T13:00:00Z"),
            "Exec-Dashboard", Instant.parse("2026-11-26T14:00:00Z"), "Load_Invoices", Instant.parse("2026-11-26T18:00:00Z"),
            "Nightly_Orchestrator", Instant.parse("2026-11-27T01:00:00Z"));

    private ImpactSamples() {
    }

    /** The harbor factory with a failed Load_Invoices run (10:30 UTC) and Sales-Mart run on its stale data at 11:10. */
    static DefinedFactory factory() {
        DefinedFactory adf = new DefinedFactory(F).define(DefinedFactory.harbor(F, Instant.parse("2026-11-26T09:15:00Z"),
                Instant.parse("2026-11-26T09:02:00Z")));
        adf.add(adf.run("run-mart-1", "Sales-Mart", RunStatus.SUCCEEDED, Instant.parse("2026-11-26T11:10:00Z"),
                Instant.parse("2026-11-26T11:20:00Z"), ""));
        return adf;
    }

    static FactoryImpact impact(DefinedFactory adf) {
        NextRuns next = (defs, now) -> p -> Optional.ofNullable(NEXT.get(p));
        return new FactoryImpact(adf, next, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    static PipelineRun failed(DefinedFactory adf) {
        PipelineRun r = adf.run("run-load-7", "Load_Invoices", RunStatus.FAILED, Instant.parse("2026-11-26T10:20:00Z"),
                Instant.parse("2026-11-26T10:30:00Z"), "Operation on target CopyInvoices failed");
        adf.add(r, DefinedFactory.activity(r, "CopyInvoices", RunStatus.FAILED, "shir-harbor"),
                DefinedFactory.activity(r, "CopyCredits", RunStatus.SUCCEEDED, "shir-harbor"));
        return r;
    }

    static Map<String, Reply> all() {
        Map<String, Reply> m = new LinkedHashMap<>();
        DefinedFactory adf = factory();
        FactoryImpact impact = impact(adf);
        Diagnosis d = new Diagnoser(adf).diagnose(failed(adf));
        RunImpact reach = impact.failure(d);
        Guidance none = Guidance.unavailable("");
        m.put("diagnosis-impact", new Reply.DiagnosisCard(d, none).withImpact(reach));
        m.put("alert-impact", new Reply.Alert(new AlertView("al-9", AlertView.Kind.FAILED, AlertView.State.OPEN,
                F.factoryName(), "Load_Invoices", "run-load-7", d.run().runEnd(), new AlertView.Cause(AlertView.Cause.Source.DIAGNOSED,
                "CopyInvoices: cannot connect", "2200", "Connectivity", "Check the source.", none), List.of(),
                AlertView.Response.NONE, "", reach, null, null)));
        m.put("dependants", new Reply.DependantsCard(F.factoryName(), impact.dependants(F, "load_invoices")));
        m.put("dependants-undefined", new Reply.DependantsCard(F.factoryName(), impact.dependants(F, "adhoc_export")));
        m.put("runtimes", new Reply.RuntimeHealth(impact.runtimes(null)));
        m.put("runtimes-unknown", new Reply.RuntimeHealth(impact.runtimes("shir-lab")));
        return m;
    }
}
