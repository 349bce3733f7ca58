package com.adfops.cards;

import com.adfops.agent.Reply;
import com.adfops.answers.AlertView;
import com.adfops.answers.AlertView.Runtime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The runtime alert's cards (at {@link CardSamples#NOW}, 12:00 UTC): a node offline with seven pipelines at risk (five
 * listed, the next first, and two more), a version expiring with none at risk, and recovered.
 */
final class RuntimeAlertSamples {

    private RuntimeAlertSamples() {
    }

    static void add(Map<String, Reply> m) {
        Instant now = CardSamples.NOW;
        Runtime offline = new Runtime("shir-plant <b>1</b>", "DEGRADED", List.of(
                new Runtime.Node("node-2", "OFFLINE", "Offline", now.minus(Duration.ofMinutes(20)))), 2, "CURRENT",
                null, Duration.ofHours(12), List.of(
                new Runtime.Pipeline("Load_Orders", now.plus(Duration.ofMinutes(30)), List.of()),
                new Runtime.Pipeline("Extra_1", now.plus(Duration.ofMinutes(31)), List.of()),
                new Runtime.Pipeline("Extra_2", now.plus(Duration.ofMinutes(32)), List.of()),
                new Runtime.Pipeline("Sync_Stock", now.plus(Duration.ofHours(3)), List.of()),
                new Runtime.Pipeline("Close_Day", now.plus(Duration.ofHours(11)).plus(Duration.ofMinutes(15)),
                        List.of("Load_Orders"))), 2, now.minusSeconds(30));
        m.put("alert-runtime", alert("rt-1", AlertView.State.OPEN, offline, null));
        Runtime expiring = new Runtime("shir-other", "VERSION_EXPIRING", List.of(), 1, "EXPIRING",
                Instant.parse("2026-12-06T00:00:00Z"), Duration.ofHours(12), List.of(), 0, now.minusSeconds(30));
        m.put("alert-runtime-expiring", alert("rt-2", AlertView.State.OPEN, expiring, null));
        Runtime healthy = new Runtime("shir-plant <b>1</b>", "HEALTHY", List.of(), 2, "CURRENT", null,
                Duration.ofHours(12), List.of(new Runtime.Pipeline("Load_Orders", now.plus(Duration.ofMinutes(30)),
                List.of())), 0, now);
        m.put("alert-runtime-recovered", alert("rt-1", AlertView.State.RECOVERED, healthy, now));
    }

    private static Reply alert(String id, AlertView.State state, Runtime r, Instant recoveredAt) {
        return new Reply.Alert(new AlertView(id, AlertView.Kind.RUNTIME, state, "df-plant", r.runtime(), "",
                CardSamples.NOW.minus(Duration.ofMinutes(15)), AlertView.Cause.NONE, List.of(),
                new AlertView.Response("", recoveredAt, null, ""), "", null, null, r));
    }
}
